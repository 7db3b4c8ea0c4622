import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './development-axe.ts';
import { checkPdfPages, shoot } from './development-shots.ts';

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

test.describe.configure({ timeout: 180_000 });

test('one call: empty reflection with evidence to insert, no goal yet, a goal set anyway; five calls: a data goal; feedback: a labelled goal; the portfolio is assessable', async ({ page, browser }) => {
  await page.goto('/development.html');

  // Call 1: rate before the scorecard — and a missing rating is refused with a clear message.
  await page.getByRole('button', { name: 'Play a sloppy call' }).click();
  await page.getByRole('button', { name: 'Show my scorecard' }).click();
  await expect(page.getByRole('alert')).toContainText('Rate every area before you see the scorecard');
  await rateAll(page, [5, 5, 5, 5, 5]);
  await page.getByLabel('What went well (optional)').fill('Stayed calm and apologised early.');
  await shoot(page, 'dev-1-rate-yourself');
  await expectAccessible(page, 'rate yourself');
  await page.emulateMedia({ media: 'print' });
  await expectAccessible(page, 'rate yourself, print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Show my scorecard' }).click();

  const control = page.locator('tr[data-area="control-time"]');
  await expect(control).toHaveAttribute('data-verdict', 'over');
  await expect(page.getByTestId('run-stored')).toBeVisible();

  // The reflection starts empty; the call's facts are offered as evidence.
  for (const label of ['What?', 'So what?', 'Now what?']) await expect(page.getByLabel(label, { exact: true })).toHaveValue('');
  await expect(page.locator('#dev-reflect-soWhat-hint')).toHaveText('What did it mean for the customer, for your team, and for you? Why does it matter?');
  const facts = page.getByTestId('evidence-list').locator('li');
  expect(await facts.count()).toBeGreaterThan(2);
  const firstFact = (await facts.nth(1).locator('span').textContent())!;
  await page.getByLabel('What?', { exact: true }).click();
  await facts.nth(1).getByRole('button', { name: 'Insert' }).click();
  await expect(page.getByLabel('What?', { exact: true })).toHaveValue(`${firstFact}\n`);
  await page.getByLabel('So what?', { exact: true }).fill('The customer waited on hold without hearing from me, so they felt ignored.');
  await page.getByLabel('Now what?', { exact: true }).fill('Check back on hold every minute and recap before closing.');
  await page.getByRole('button', { name: 'Save reflection' }).click();
  await expect(page.getByText('Reflection saved.')).toBeVisible();

  // No goal after one call: a clear message, and an option to set one anyway.
  await expect(page.getByTestId('no-goals')).toHaveText('No goal to suggest yet.');
  await expect(page.locator('article[data-goal]')).toHaveCount(0);
  await expect(page.getByTestId('not-enough-calls')).toContainText('Call control and time: not enough calls yet — 1 of the 5 calls a fair baseline needs');
  await shoot(page, 'dev-2-after-call');
  await expectAccessible(page, 'after the call');
  await page.emulateMedia({ media: 'print' });
  await expectAccessible(page, 'after the call, print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Set a goal anyway for Call control and time' }).click();
  const early = page.locator('article[data-goal]').first();
  await expect(early.locator('[data-part="early"]')).toContainText('small sample');
  await expect(early.getByTestId('goal-source')).toHaveText('Source: set by you before 5 calls in this area');
  await early.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Behaviour (what you will do on the call)').fill('get better at calls');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(early.getByRole('alert')).toContainText('too vague');
  await shoot(page, 'dev-3-goal-edit-refused');
  await page.getByLabel('Behaviour (what you will do on the call)').fill('I check back with the caller at least once a minute while they are on hold');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await early.getByRole('button', { name: 'Accept' }).click();
  await expect(early.getByTestId('goal-decision')).toContainText('it is in your plan');
  await page.getByTestId('dev-continue').click();

  // Calls 2-5: after the fifth, the data suggests a goal for the weakest other area.
  for (let i = 2; i <= 5; i += 1) {
    await playAndRate(page, 'sloppy', [5, 5, 5, 2, 5]);
    if (i < 5) {
      await expect(page.getByTestId('no-goals')).toBeVisible();
      await page.getByTestId('dev-continue').click();
    }
  }
  const dataGoal = page.locator('article[data-goal]').first();
  await expect(dataGoal).toContainText('Resolution');
  await expect(dataGoal.getByTestId('goal-source')).toHaveText('Source: your scorecards, last 5 calls where it applied');
  await expect(dataGoal.locator('[data-part="behaviour"]')).toHaveText(/^I /);
  await page.getByTestId('dev-continue').click();

  // The plan: five calls; feedback from a trainer becomes a labelled goal.
  await page.getByRole('button', { name: 'Open plan' }).click();
  await expect(page.getByText('5 calls recorded.')).toBeVisible();
  await page.getByLabel('Given by').selectOption('trainer');
  await page.getByLabel('Their name (optional)').fill('J. Patel');
  await page.getByLabel('What they said').fill('Your wrap-up notes were too thin for a colleague to act on.');
  await page.getByLabel('QA area it is about (optional)').selectOption('notes');
  await page.getByLabel('Date given').fill('2026-11-20');
  await page.getByRole('button', { name: 'Add feedback' }).click();
  await expect(page.getByTestId('plan-message')).toHaveText('Feedback added: Trainer feedback from J. Patel, 2026-11-20.');
  const fromFeedback = page.getByTestId('suggested-goals').locator('article[data-goal]').first();
  await expect(fromFeedback.getByTestId('goal-source')).toHaveText('Source: Trainer feedback from J. Patel, 2026-11-20');
  await expect(fromFeedback).toContainText('“Your wrap-up notes were too thin for a colleague to act on.”');
  await fromFeedback.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('plan-message')).toHaveText('Goal accepted and added to your active goals: “I write notes a colleague could act on and choose the disposition that matches the outcome”.');
  await page.getByLabel('Your name').fill('Alex Morgan');
  await page.getByLabel('Your centre (training provider or employer)').fill('Riverside Training Centre');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByTestId('plan-message')).toHaveText('Your details are saved for the portfolio.');
  const planned = page.locator('.dev article[data-goal][data-status]');
  await expect(planned).toHaveCount(2);
  await expect(planned.nth(1).getByTestId('goal-source')).toHaveText('Source: Trainer feedback from J. Patel, 2026-11-20');
  await shoot(page, 'dev-5-plan');
  await expectAccessible(page, 'plan');
  await page.emulateMedia({ media: 'print' });
  await expectAccessible(page, 'plan, print');
  await page.emulateMedia({ media: 'screen' });

  // Exports hold what the screens showed.
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const jsonPath = (await (await jsonDownload).path())!;
  const json = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(json.format).toBe('hold-the-line/development');
  expect(json.runs).toHaveLength(5);
  expect(json.feedback).toHaveLength(1);
  expect(json.runs[0].rating.wentWell).toBe('Stayed calm and apologised early.');
  expect(json.runs[0].reflection.inserted).toEqual([firstFact]);

  // The portfolio: learner details, unit, criteria on every entry, the game's words marked, declaration, sign-off.
  await page.getByRole('button', { name: 'Portfolio report' }).click();
  const portfolio = page.getByTestId('portfolio');
  await expect(page.getByRole('heading', { name: 'Development portfolio — Hold the Line' })).toBeVisible();
  await expect(page.getByTestId('pf-learner-name')).toHaveText('Alex Morgan');
  await expect(page.getByTestId('pf-learner-centre')).toHaveText('Riverside Training Centre');
  await expect(page.getByTestId('pf-unit')).toHaveText('Principles of personal effectiveness in a contact centre');
  await expect(page.getByTestId('pf-simulated')).toContainText('simulated practice calls');
  await expect(page.getByRole('heading', { name: 'Contents' })).toBeVisible();
  await expect(page.locator('section.report-run')).toHaveCount(5);
  for (const run of await page.locator('section.report-run').all()) await expect(run.locator('[data-criteria="LO2, AC3"]')).toHaveCount(1);
  await expect(portfolio.locator('[data-goal] [data-criteria="LO1, LO5, AC1"]')).toHaveCount(2);
  const marked = page.locator('section.report-run').first().locator('[data-game-text]');
  await expect(marked).toHaveText(`[From the game]${firstFact}`);
  await expect(page.locator('section.report-run').first()).toContainText('The customer waited on hold without hearing from me');
  await expect(page.getByTestId('pf-declaration')).toContainText('I, Alex Morgan, declare that');
  await expect(page.getByTestId('pf-trainer')).toContainText('Trainer comments');
  await expect(page.getByTestId('pf-assessor')).toContainText('Date');
  await shoot(page, 'dev-6-portfolio');
  await expectAccessible(page, 'portfolio');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(marked).toBeVisible();
  await shoot(page, 'dev-7-portfolio-print');
  await expectAccessible(page, 'portfolio, print');
  await checkPdfPages(page, 'dev-portfolio');
  await page.emulateMedia({ media: 'screen' });

  // Another device: a fresh browser profile imports the export and shows the same plan.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto('/development.html');
  await second.getByRole('button', { name: 'Open plan' }).click();
  await second.getByLabel('Import a JSON export from another device').setInputFiles(jsonPath);
  await expect(second.getByTestId('plan-message')).toHaveText('Imported 5 new calls, 2 new goals and 1 feedback entry.');
  await other.close();
});

test('a compliance goal aims at 100%, and imported feedback files are read entry by entry', async ({ page }) => {
  await page.goto('/development.html');
  await page.getByRole('button', { name: 'Open plan' }).click();
  await page.getByLabel('Import a JSON export from another device').setInputFiles('tests/e2e/fixtures/compliance-export.json');
  await expect(page.getByTestId('plan-message')).toHaveText('Imported 5 new calls and 0 new goals.');
  const goal = page.getByTestId('suggested-goals').locator('article[data-goal]').first();
  await expect(goal).toContainText('Compliance statements');
  await expect(goal.locator('[data-part="baseline"]')).toHaveText('20% (your last 5 calls where it applied)');
  await expect(goal.locator('[data-part="target"]')).toHaveText('100%');
  await goal.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel(/^Target/).fill('40');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(goal.getByRole('alert')).toContainText('the target is 100%');

  await page.getByLabel(/^Import feedback from a JSON file/).setInputFiles({
    name: 'feedback.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'hold-the-line/feedback', feedback: [
      { from: 'peer', name: 'Chris', text: 'You read the card statement after taking the number.', qaSection: 'compliance', date: '2026-11-25' },
      { from: 'nobody', text: 'x', date: 'soon' },
    ] })),
  });
  await expect(page.getByTestId('plan-message')).toContainText('Imported 1 feedback entry. 1 could not be read and were left out: Feedback 2:');
  await expect(page.getByTestId('feedback-list')).toContainText('Peer feedback from Chris, 2026-11-25 — Compliance statements: You read the card statement after taking the number.');
  await expect(page.getByTestId('suggested-goals').locator('article[data-goal]').first().getByTestId('goal-source')).toHaveText('Source: Peer feedback from Chris, 2026-11-25');
});
