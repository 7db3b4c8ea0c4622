/**
 * Screen-reader play (issue 16): whole calls by keyboard with every live-region change, key press and
 * focus move recorded. Each customer line and narration is announced exactly once and never cut by a
 * focus move in the same turn; mood changes are announced; focus never falls to the page body. The
 * resume dialog is modal; shortcut keys do nothing outside the call or when turned off.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openMenu, playSteps, startCall, watchConsole, type UiStep } from './helpers/play.ts';
import { cutOff, formatLog, readLog, recordAnnouncements, type LogEntry } from './helpers/announcements.ts';

// Whole calls played key by key: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

const MANAGER: UiStep[] = [
  "brightwell home, you're speaking to alex", 'yes, you can speak to my team leader', "let's get you to my team leader now",
  "i'll just ask you a few security questions", { idv: 'fail', mismatch: ['email'] }, 'read me your email address off the confirmation', { idv: 'pass' },
  'can i put you on hold for a minute or two while i brief', 'check back', 'resume', "i'll brief her before i put you through",
  { transfer: 'team-leader', handover: 'verified on order bh-4471902' },
];
const MANAGER_WRAP: UiStep = { wrap: { disposition: 'escalated-team-leader', notes: 'Asked for a manager. Warm transfer to Priya (team leader).' } };

const PARCEL: UiStep[] = [
  'good afternoon, carrick online', "oh no, declan, and with niamh's birthday", { idv: 'pass' }, "i've got the lumio watch here", "so it says 'porch'",
  'number 41, and the gps puts the driver on kilmory avenue', { kb: 'carrick-dnr-3', search: 'delivered not received' },
  "until it's in your hands, it's ours", "it'll go next-day tracked for wednesday", 'check back', 'resume',
  "the replacement's on its way for wednesday, gift wrapped", "that's it. to recap",
];
const PARCEL_WRAP: UiStep = { wrap: { disposition: 'dnr-replacement', notes: 'Parcel delivered to the wrong house; replacement sent next-day.' } };

async function conversationLines(page: Page): Promise<string[]> {
  return page.locator('[data-testid="conversation"] li.customer, [data-testid="conversation"] li.narration').allTextContents();
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

function saveLog(name: string, log: readonly LogEntry[]): void {
  mkdirSync('test-results/announcements', { recursive: true });
  writeFileSync(`test-results/announcements/${name}.txt`, `${formatLog(log)}\n`);
}

async function expectHeardOnce(page: Page, name: string, steps: readonly UiStep[], wrap: UiStep): Promise<void> {
  const errors = watchConsole(page);
  await recordAnnouncements(page);
  await openMenu(page);
  await startCall(page, name);
  await playSteps(page, steps);
  const lines = await conversationLines(page);
  await playSteps(page, [wrap], false);
  await expect(page.getByRole('heading', { name: /^Scorecard/ })).toBeFocused();
  const log = await readLog(page);
  saveLog(name, log);
  const spoken = log.filter((e): e is Extract<LogEntry, { kind: 'say' }> => e.kind === 'say' && !e.created).map((e) => e.text).join('\n');
  expect(lines.length).toBeGreaterThan(8);
  for (const line of new Set(lines)) {
    expect(occurrences(spoken, line), `announced as often as said: ${line}`).toBe(lines.filter((l) => l === line).length);
  }
  expect(cutOff(log)).toEqual([]);
  const focus = log.filter((e): e is Extract<LogEntry, { kind: 'focus' }> => e.kind === 'focus');
  expect(focus.filter((f) => f.name === 'BODY' || f.name === ''), 'focus on the body or on an unnamed element').toEqual([]);
  // Every change of the customer's mood word after the call connects is said in words.
  const moods = log.filter((e): e is Extract<LogEntry, { kind: 'mood' }> => e.kind === 'mood').slice(1);
  expect(moods.length).toBeGreaterThan(0);
  for (const mood of moods) expect(spoken).toContain(`is now ${mood.word}`);
  expect(errors).toEqual([]);
}

test('a call with narration, ID&V, hold and an escalation: every line heard once, focus never lost', async ({ page }) => {
  await expectHeardOnce(page, 'demands-a-manager', MANAGER, MANAGER_WRAP);
});

test('a call with a look-up and a hold: every line heard once, the work done read on check-back', async ({ page }) => {
  await expectHeardOnce(page, 'lost-parcel-delivery', PARCEL, PARCEL_WRAP);
  const spoken = (await readLog(page)).filter((e) => e.kind === 'say').map((e) => (e as { text: string }).text).join('\n');
  expect(spoken).toMatch(/Work done \d+:\d\d of \d+:\d\d/);
  expect(spoken).toMatch(/Knowledge base look-up\. You need to:/);
});

test('shortcut keys do nothing outside the call, nor when turned off', async ({ page }) => {
  await openMenu(page);
  await startCall(page, 'lost-parcel-delivery');
  await page.keyboard.press('a');
  await expect(page.locator('button.choice')).not.toHaveCount(0);
  const events = async () => page.evaluate(() => window.__HTL__!.runLog!.events.length);
  const before = await events();
  // Focus on the top bar's sound button: "1" must not choose anything.
  await page.getByRole('button', { name: /^Sound:/ }).focus();
  await page.keyboard.press('1');
  expect(await events()).toBe(before);
  // Turned off in the settings: not even on the call's own controls.
  await page.getByLabel('Shortcut keys').uncheck();
  await page.getByTestId('actions').focus();
  await page.keyboard.press('1');
  expect(await events()).toBe(before);
  await page.getByLabel('Shortcut keys').check();
  await page.getByTestId('actions').focus();
  await page.keyboard.press('1');
  expect(await events()).toBe(before + 1);
});

test('the resume dialog is modal, keeps focus inside, closes on Escape; resuming restores the conversation', async ({ page }) => {
  await openMenu(page);
  await startCall(page, 'lost-parcel-delivery');
  await playSteps(page, ['good afternoon, carrick online']);
  const said = await page.getByTestId('conversation').locator('li').allTextContents();
  expect(said.length).toBeGreaterThan(1);
  await page.reload();
  const dialog = page.getByRole('dialog', { name: 'Resume your call?' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: 'Yes, resume' }).click();
  await expect(page.getByTestId('conversation').locator('li')).toHaveText(said);
  await expect(page.getByTestId('customer-line')).toContainText(said.at(-1)!.replace(/^[^:]+: /, ''));
});

test('after "Choose another call" and closing the plan, focus is on a named heading, never the body', async ({ page }) => {
  await recordAnnouncements(page);
  await openMenu(page);
  await startCall(page, 'lost-parcel-delivery');
  await playSteps(page, ['good afternoon, carrick online', "oh no, declan, and with niamh's birthday", { idv: 'pass' }, "it's them you'd need to raise it with", "they're the ones holding the parcel",
    { wrap: { disposition: 'referred-courier', notes: 'Referred to the courier.' } }]);
  await page.getByRole('button', { name: 'Choose another call' }).click();
  await expect(page.locator('[data-screen="menu"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Hold the Line' })).toBeFocused();
  await expect(page).toHaveTitle(/Hold the Line/);
  await page.getByRole('button', { name: 'My development plan' }).click();
  await page.getByTestId('plan-close').click();
  await expect(page.locator('[data-screen="menu"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Hold the Line' })).toBeFocused();
  const focus = (await readLog(page)).filter((e) => e.kind === 'focus');
  expect(focus.filter((f) => f.kind === 'focus' && f.name === 'BODY')).toEqual([]);
});
