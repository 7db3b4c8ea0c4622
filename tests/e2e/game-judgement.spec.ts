/**
 * The call measures judgement: no position gives the answer away, the trainee does the ID&V
 * comparison, finds the policy in the knowledge base and chooses whom to transfer to. Played on a
 * test call opened from disk (tests/e2e/fixtures/judgement-call.yaml).
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectResultsMatchCore } from './helpers/compare.ts';
import { playFirstOption, playSteps, screenshot, watchConsole, type UiStep } from './helpers/play.ts';

const FILE = 'tests/e2e/fixtures/judgement-call.yaml';
const TEXT = readFileSync(FILE, 'utf8');

async function openCall(page: Page, seed: number, text = TEXT): Promise<void> {
  // Each visit starts a new call: no saved call from the last one to offer for resume.
  await page.addInitScript(() => localStorage.removeItem('htl.saved-call.v2'));
  await page.goto(`/?seed=${seed}`);
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 20_000 });
  await page.locator('#open-file').setInputFiles({ name: 'judgement-call.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await expect(page.locator('[data-screen="call"]')).toBeVisible();
}

const VERIFIED: UiStep[] = ['congratulations on the move', { idv: 'pass' }, 'let me check the current policy'];
const BEST: UiStep[] = [
  ...VERIFIED,
  { kb: 'boiler-cover-moving-home', search: 'moving home boiler cover' },
  'complaints are handled by our complaints team',
  { transfer: 'complaints', mode: 'warm', handover: 'priya shah, verified, moving home' },
  { wrap: { disposition: 'transfer-complaints', notes: 'Moving home: cover moves after the new boiler safety check. Complaint about last month engineer (mess, no return) transferred warm to complaints.' } },
];

test('the best path, played by keyboard, scores exactly as the core replays it; nothing is pre-selected', async ({ page }) => {
  const errors = watchConsole(page);
  await openCall(page, 11);
  await page.keyboard.press('a');
  // Focus is on the panel of options, not on an answer: Enter alone does nothing.
  await expect(page.getByTestId('actions')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('button.choice')).toHaveCount(3);
  await screenshot(page, 'judgement-01-talk');
  await playSteps(page, BEST.slice(0, 2), false);
  await screenshot(page, 'judgement-02-idv-done');
  await playSteps(page, BEST.slice(2), false);
  const card = await expectResultsMatchCore(page, FILE);
  expect(card.qa.fatal).toEqual([]);
  expect(card.outcome).toBe('transferred');
  expect(errors).toEqual([]);
});

test('choices are shown in a seeded order: two seeds, two orders, the same call', async ({ page }) => {
  const orders: string[][] = [];
  for (const seed of [1, 2, 3]) {
    await openCall(page, seed);
    await page.keyboard.press('a');
    // Each button reads "<key> <words>": keep the words.
    orders.push((await page.locator('button.choice').allTextContents()).map((t) => t.replace(/^\d\s*/, '').trim()));
  }
  expect(new Set(orders.map((o) => o.join('|'))).size).toBeGreaterThan(1);
  expect(new Set(orders.map((o) => [...o].sort().join('|'))).size).toBe(1);
});

test('always taking the first option shown ends with a poor scorecard, whatever the order', async ({ page }) => {
  test.setTimeout(240_000);
  for (const seed of [5, 6, 7]) {
    await openCall(page, seed);
    await playFirstOption(page);
    const card = await expectResultsMatchCore(page, FILE);
    expect(card.qa.score < 80 || card.fcr.value !== 'yes', `seed ${seed}: QA ${card.qa.score}, FCR ${card.fcr.value}`).toBe(true);
  }
});

test('an ID&V near-miss passed by the trainee is a fatal breach, and the results name the misread field', async ({ page }) => {
  const nearMiss = TEXT.replace('dateOfBirth: { said: "2nd of September, 1986", matches: true }', 'dateOfBirth: { said: "2nd of September, 1968", matches: false }');
  expect(nearMiss).not.toBe(TEXT);
  const file = 'test-results/judgement-near-miss.yaml';
  (await import('node:fs')).writeFileSync(file, nearMiss);
  await openCall(page, 21, nearMiss);
  await page.keyboard.press('a');
  await playSteps(page, ['congratulations on the move'], false);
  const idv = page.getByTestId('idv-panel');
  await expect(idv.locator('th', { hasText: 'Compare' })).toHaveCount(0);
  await playSteps(page, [{ idv: 'pass' }], false);
  await playSteps(page, ["you'll need to cancel this one", 'complaints are handled by our complaints team', { transfer: 'complaints', handover: 'priya shah, verified' }, { wrap: { disposition: 'transfer-complaints', notes: 'Complaint transferred.' } }], false);
  const card = await expectResultsMatchCore(page, file);
  expect(card.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  await expect(page.locator('.fatal')).toBeVisible();
  await expect(page.getByTestId('key-moments')).toContainText(/misread the date of birth/i);
  await screenshot(page, 'judgement-03-near-miss-results');
});

test('the knowledge base finds the right article among others, and each shows its source and date', async ({ page }) => {
  await openCall(page, 31);
  await page.keyboard.press('a');
  await playSteps(page, VERIFIED, false);
  const kb = page.getByTestId('knowledge-base');
  await kb.getByRole('searchbox').fill('moving home boiler cover');
  await kb.getByRole('button', { name: 'Search' }).click();
  const results = kb.getByTestId('kb-results');
  // The right article and its withdrawn twin are both found (other articles may match a word too).
  await expect(results).toContainText('Moving home with boiler cover');
  await expect(results).toContainText('2023 version, withdrawn');
  await kb.locator('button[data-article="boiler-cover-moving-home"]').click();
  await expect(kb.locator('article[data-article="boiler-cover-moving-home"] .source')).toContainText('HomeCare procedure HC-12, section 4 · checked 2026-09-01');
  await screenshot(page, 'judgement-04-knowledge-base');
  const clock = await page.getByTestId('call-clock').textContent();
  expect(clock).toBeTruthy();
});

test('a transfer to the wrong team is scored as such', async ({ page }) => {
  await openCall(page, 41);
  await page.keyboard.press('a');
  await playSteps(page, [...VERIFIED, { kb: 'boiler-cover-moving-home', search: 'moving home' }, 'complaints are handled by our complaints team'], false);
  await expect(page.getByTestId('routing')).toBeVisible();
  await screenshot(page, 'judgement-05-directory');
  await playSteps(page, [
    { transfer: 'billing', handover: 'priya shah, verified' },
    'log the complaint myself now',
    'cover moves once the new boiler',
    { wrap: { disposition: 'moving-home', notes: 'Moving home, safety check first. Complaint logged CMP-3301.' } },
  ], false);
  const card = await expectResultsMatchCore(page, FILE);
  expect(card.fcr.value).toBe('no');
  expect(card.fcr.reason).toMatch(/team that does not handle this/);
  const item = card.qa.sections.flatMap((s) => s.items).find((i) => i.id === 'auto-transfer-team');
  expect(item?.mark).toBe('missed');
  await expect(page.getByTestId('key-moments')).toContainText(/does not take complaints/);
});
