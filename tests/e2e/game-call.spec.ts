import { test, expect } from '@playwright/test';
import { expectResultsMatchCore } from './helpers/compare.ts';
import { openMenu, playSteps, screenshot, startCall, watchConsole, type UiStep } from './helpers/play.ts';
import { seriousViolations } from './helpers/axe.ts';

const ID = 'failed-idv-pushy-caller';
const FILE = `scenarios/${ID}.yaml`;
const opening: UiStep[] = ['good afternoon, keelside', 'something else going on', "we'll check it together", { idv: 'fail', mismatch: ['dateOfBirth'] }];

/** Presses the shortcut digit of the choice whose words match, as shown now (the order is seeded). */
async function pressChoice(page: import('@playwright/test').Page, words: string): Promise<void> {
  const key = await page.locator('button.choice', { hasText: new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') }).getAttribute('data-key');
  await page.keyboard.press(key!);
}

test('best path, played by keyboard alone: results equal the core score', async ({ page }) => {
  const errors = watchConsole(page);
  await openMenu(page);
  await screenshot(page, '01-menu');
  expect(await seriousViolations(page)).toEqual([]);
  await startCall(page, ID);
  await expect(page.getByTestId('cue')).toContainText('Ringing');
  await screenshot(page, '02-ringing');
  await page.keyboard.press('a');
  // Nothing is pre-selected: focus is on what the customer said, or on the region holding the options
  // (this call opens with a stage direction and no words), never on an answer.
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
  expect(['customer-line', 'actions']).toContain(focused);
  await screenshot(page, '03-call-desk');
  for (const words of ['good afternoon, keelside', 'something else going on', "we'll check it together"]) await pressChoice(page, words);
  await expect(page.getByTestId('idv-panel')).toBeVisible();
  await screenshot(page, '04-idv');
  expect(await seriousViolations(page)).toEqual([]);
  await playSteps(page, [{ idv: 'fail', mismatch: ['dateOfBirth'] }, "haven't been able to match", 'i treat every caller the same'], false);
  await expect(page.getByTestId('knowledge-base')).toBeVisible();
  await playSteps(page, [{ kb: 'keelside-failed-security', search: 'caller fails security procedure' }], false);
  for (const words of ['the quickest is the keelside app', "can't change anything without security", "tap 'payments'", 'to recap']) await pressChoice(page, words);
  await expect(page.locator('form.wrapup')).toBeVisible();
  await screenshot(page, '05-wrapup');
  expect(await seriousViolations(page)).toEqual([]);
  // Keyboard only: Tab reaches the disposition list; arrows pick, Tab moves to the notes, Enter submits.
  await page.locator('#disposition').focus();
  const codes = await page.locator('#disposition option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  for (let i = 0; i < codes.indexOf('idv-failed-route-given'); i += 1) await page.keyboard.press('ArrowDown');
  await expect(page.locator('#disposition')).toHaveValue('idv-failed-route-given');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Caller failed security (DOB did not match). Refused balance and DD change. Talked him through app password reset; he logged in and found the balance himself.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // Rate yourself first, by keyboard: in each area Space picks 1, three right-arrows make it 4, Tab moves on.
  await expect(page.getByRole('heading', { name: 'Rate yourself first' })).toBeVisible();
  await screenshot(page, '06-rate-yourself');
  await expect(page.getByRole('heading', { name: 'Rate yourself first' })).toBeFocused();
  await page.keyboard.press('Tab');
  for (let area = 0; area < 5; area += 1) {
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
  }
  await expect(page.locator('fieldset[data-area] input:checked')).toHaveCount(5);
  await expect(page.locator('fieldset[data-area] input[value="4"]:checked')).toHaveCount(5);
  await page.keyboard.type('Stayed calm and gave him the app route.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const card = await expectResultsMatchCore(page, FILE);
  expect(card.qa.fatal).toEqual([]);
  await screenshot(page, '07-results-best');
  expect(await seriousViolations(page)).toEqual([]);
  // Reflect: the development screen compares the self-rating with this call's evidence and suggests goals.
  await page.getByRole('button', { name: 'Reflect and set goals' }).click();
  await expect(page.getByRole('heading', { name: 'Your development: Just tell me what I owe' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Suggested goals' })).toBeVisible();
  await screenshot(page, '08-development');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('dev-continue').click();
  await expect(page.locator(`button[data-scenario="${ID}"]`).locator('xpath=..')).toContainText(`QA ${card.qa.score}%`);
  expect(errors).toEqual([]);
});

test('fatal breach: passing the wrong date of birth shows the fatal item and QA 0', async ({ page }) => {
  const errors = watchConsole(page);
  await openMenu(page);
  await startCall(page, ID);
  await playSteps(page, ['good afternoon, keelside', 'something else going on', "we'll check it together", { idv: 'pass' }, "that's you through security",
    { wrap: { disposition: 'balance-enquiry', notes: 'Balance and DD date given.' } }], true, 'mouse');
  const card = await expectResultsMatchCore(page, FILE);
  expect(card.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  await expect(page.getByTestId('qa-fatal')).toBeVisible();
  await expect(page.getByTestId('qa-score')).toHaveText('0%');
  await screenshot(page, '07-results-fatal');
  expect(errors).toEqual([]);
});

test('hang-up: refusing a manager runs out his patience and he hangs up', async ({ page }) => {
  const errors = watchConsole(page);
  await openMenu(page);
  await startCall(page, ID);
  await playSteps(page, [...opening, "haven't been able to match", 'my hands are tied', 'only tell you the same thing']);
  await expect(page.getByTestId('cue')).toHaveText('The customer hung up');
  await screenshot(page, '08-hung-up');
  await playSteps(page, [{ wrap: { disposition: 'customer-ended-call', notes: 'Failed security. Asked for manager, refused. Customer hung up.' } }], false);
  const card = await expectResultsMatchCore(page, FILE);
  expect(card.outcome).toBe('hung-up');
  await expect(page.getByTestId('qa-critical')).toBeVisible();
  expect(errors).toEqual([]);
});

test('hold with check-backs, a knowledge-base look-up and the hold cue, played by mouse', async ({ page }) => {
  const errors = watchConsole(page);
  await openMenu(page);
  await startCall(page, 'broadband-fault-engineer');
  await playSteps(page, ['good morning, ridgeline', 'ring a third time', { idv: 'fail', mismatch: ['dateOfBirth'] }, 'i may have misheard the year', { idv: 'pass' }, "there is, and i'm sorry"], true, 'mouse');
  await expect(page.getByTestId('knowledge-base')).toBeVisible();
  await playSteps(page, [{ kb: 'ridgeline-dropouts-first-line', search: 'dropouts' }], false, 'mouse');
  await screenshot(page, '13-lookup');
  await playSteps(page, ["i won't ask you", "that's really useful", "i'd like to run a line test"], false, 'mouse');
  await expect(page.getByTestId('cue')).toContainText('hold');
  await screenshot(page, '14-hold');
  expect(await seriousViolations(page)).toEqual([]);
  await playSteps(page, ['check back', 'check back', 'resume', 'the test has found it', 'the first appointment is tuesday', "you've every right not to be",
    { kb: 'ridgeline-fault-credits-adr', search: 'credits goodwill ADR' },
    'i can put £34', 'by 7 july, six weeks', 'so: the engineer',
    { wrap: { disposition: 'fault-engineer-booked', notes: 'Evening dropouts, 3rd call. Line test: 47 drops in 14 days, network fault. Engineer booked Tue 9 June AM, free. £34 credit (£19 + £15 goodwill). Complaint CMP-77120 updated. ADR rights given: from 7 July.' } }], false, 'mouse');
  const card = await expectResultsMatchCore(page, 'scenarios/broadband-fault-engineer.yaml');
  expect(card.aht.hold).toBeGreaterThan(0);
  await expect(page.getByTestId('aht-hold')).not.toHaveText('0:00');
  expect(errors).toEqual([]);
});
