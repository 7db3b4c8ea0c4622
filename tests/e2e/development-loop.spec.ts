import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './development-axe.ts';

const SHOTS = 'test-results/screens';

async function rateAll(page: Page, ratings: number[]): Promise<void> {
  const sets = page.locator('fieldset[data-area]');
  await expect(sets).toHaveCount(5);
  for (let i = 0; i < 5; i += 1) await sets.nth(i).locator(`input[value="${ratings[i]}"]`).check();
}

async function playAndRate(page: Page, kind: 'careful' | 'sloppy', ratings: number[]): Promise<void> {
  await page.getByRole('button', { name: kind === 'careful' ? 'Play a careful call' : 'Play a sloppy call' }).click();
  await expect(page.getByRole('heading', { name: 'Rate yourself first' })).toBeVisible();
  await rateAll(page, ratings);
  await page.getByRole('button', { name: 'Show my scorecard' }).click();
  await expect(page.getByRole('heading', { name: /^Your development:/ })).toBeVisible();
}

test('play two calls, rate, accept a goal, reload: the goal and its progress are there, and the exports match', async ({ page, browser }) => {
  await page.goto('/development.html');

  // Call 1: rate before the scorecard — and a missing rating is refused with a clear message.
  await page.getByRole('button', { name: 'Play a sloppy call' }).click();
  await page.getByRole('button', { name: 'Show my scorecard' }).click();
  await expect(page.getByRole('alert')).toContainText('Rate every area before you see the scorecard');
  await rateAll(page, [5, 5, 5, 5, 5]);
  await page.getByLabel('What went well (optional)').fill('Stayed calm and apologised early.');
  await page.screenshot({ path: `${SHOTS}/dev-1-rate-yourself.png`, fullPage: true });
  await expectAccessible(page, 'rate yourself');
  await page.getByRole('button', { name: 'Show my scorecard' }).click();

  const control = page.locator('tr[data-area="control-time"]');
  await expect(control).toHaveAttribute('data-verdict', 'over');
  await expect(control).toContainText('you rated yourself 5 but the scorecard shows 1, so you over-rated yourself by 4 points');
  await page.getByLabel('Now what?').fill('Check back on hold every minute and recap before closing.');
  await page.getByRole('button', { name: 'Save reflection' }).click();
  await expect(page.getByText('Reflection saved.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dev-2-calibration-reflection.png`, fullPage: true });
  await expectAccessible(page, 'calibration, reflection and goals');
  await page.getByTestId('dev-continue').click();

  // Call 2: a more honest rating; goals now come from both calls.
  await playAndRate(page, 'sloppy', [5, 5, 5, 2, 5]);
  await expect(page.getByTestId('calibration-trend')).toContainText('getting closer to the evidence');
  const goal = page.locator('article[data-goal]').first();
  await expect(goal).toContainText('Call control and time');
  await expect(goal.locator('[data-part="baseline"]')).toContainText('(your last 2 calls)');
  await goal.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Behaviour (what you will do on the call)').fill('get better at calls');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(goal.getByRole('alert')).toContainText('too vague');
  await page.screenshot({ path: `${SHOTS}/dev-3-goal-edit-refused.png`, fullPage: true });
  await page.getByLabel('Behaviour (what you will do on the call)').fill('Check back with the caller at least once a minute while they are on hold');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(goal.locator('[data-part="behaviour"]')).toHaveText('Check back with the caller at least once a minute while they are on hold');
  await goal.getByRole('button', { name: 'Accept' }).click();
  await expect(goal.getByTestId('goal-decision')).toContainText('it is in your plan');
  await page.screenshot({ path: `${SHOTS}/dev-4-goal-accepted.png`, fullPage: true });
  await page.getByTestId('dev-continue').click();

  // Call 3, after the goal was set: the evidence.
  await playAndRate(page, 'careful', [5, 5, 5, 5, 5]);
  await page.getByTestId('dev-continue').click();

  await page.reload();
  await page.getByRole('button', { name: 'Open plan' }).click();
  const planned = page.locator('main article[data-goal]');
  await expect(planned).toHaveCount(1);
  await expect(planned.locator('[data-part="behaviour"]')).toHaveText('Check back with the caller at least once a minute while they are on hold');
  await expect(planned.getByTestId('goal-progress')).toContainText('now 100%; 4 calls left');
  await expect(planned.getByTestId('goal-status')).toHaveText('On track');
  await expect(planned.locator('svg.chart circle')).toHaveCount(1);
  await expect(planned.locator('a[data-run]')).toHaveCount(1);
  await expect(page.getByTestId('calibration-over-time').locator('circle')).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/dev-5-plan.png`, fullPage: true });
  await expectAccessible(page, 'plan');
  const progressText = await planned.getByTestId('goal-progress').textContent();

  // Exports hold what the screens showed.
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const jsonPath = (await (await jsonDownload).path())!;
  const json = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(json.format).toBe('hold-the-line/development');
  expect(json.runs).toHaveLength(3);
  expect(json.goals[0].goal.behaviour).toBe('Check back with the caller at least once a minute while they are on hold');
  expect(json.runs[0].rating.wentWell).toBe('Stayed calm and apologised early.');
  expect(json.runs[0].reflection.nowWhat).toBe('Check back on hold every minute and recap before closing.');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export runs CSV' }).click();
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8').trim().split('\r\n');
  expect(csv).toHaveLength(4);
  expect(csv[1]).toContain('Mini call for engine tests');
  const header = csv[0]!.split(',');
  expect(csv[2]!.split(',')[header.indexOf('self_control-time')]).toBe('2');
  expect(csv[2]!.split(',')[header.indexOf('measured_control-time')]).toBe('1');

  // Evidence link opens the portfolio at that run; the printed report has what the plan showed.
  await planned.locator('a[data-run]').click();
  await expect(page.getByRole('heading', { name: 'Development portfolio — Hold the Line' })).toBeVisible();
  await expect(page.locator('section.report-run')).toHaveCount(3);
  await expect(page.locator('section.report-run').first()).toContainText('Stayed calm and apologised early.');
  await expect(page.locator('section.report-run').first()).toContainText('Check back on hold every minute and recap before closing.');
  await expect(page.locator('main.portfolio')).toContainText(progressText!);
  await page.screenshot({ path: `${SHOTS}/dev-6-portfolio.png`, fullPage: true });
  await expectAccessible(page, 'portfolio');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/dev-7-portfolio-print.png`, fullPage: true });
  await page.pdf({ path: `${SHOTS}/dev-portfolio.pdf`, format: 'A4' });

  // Another device: a fresh browser profile imports the export and shows the same plan.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto('/development.html');
  await second.getByRole('button', { name: 'Open plan' }).click();
  await second.getByLabel('Import a JSON export from another device').setInputFiles(jsonPath);
  await expect(second.getByTestId('plan-message')).toHaveText('Imported 3 new calls and 1 new goal.');
  await expect(second.locator('main article[data-goal]').getByTestId('goal-progress')).toHaveText(progressText!);
  await other.close();
});
