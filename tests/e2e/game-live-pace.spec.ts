/**
 * Live pace: waiting past the grace period is dead air. The customer prompts, the scorecard shows
 * the dead air and says the call was played live, and scoring the page's run log again gives the
 * same card. With live pace off (the default) waiting changes nothing.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { playSteps, rateYourselfIfAsked, watchConsole, screenshot, type UiStep } from './helpers/play.ts';

/** The scorecard, after the self-rating when the game asks for it. */
async function toResults(page: Page): Promise<void> {
  const results = page.locator('[data-screen="results"]');
  await expect(page.getByRole('heading', { name: 'Rate yourself first' }).or(results)).toBeVisible({ timeout: 20_000 });
  if (!(await results.isVisible())) await rateYourselfIfAsked(page);
}
import { expectResultsMatchCore } from './helpers/compare.ts';
import type { RunLog } from '../../src/shared/call-events.ts';

const FILE = 'tests/unit/core/fixtures/mini-call.yaml';
const REST: UiStep[] = ['good morning', { idv: 'pass' }, "I'll log this", "So that's the refund", { wrap: { disposition: 'billing-refund', notes: 'Refund of duplicate done, reference C-1001' } }];

async function openCall(page: Page, livePace: boolean): Promise<void> {
  await page.addInitScript((live) => {
    localStorage.removeItem('htl.saved-call.v2');
    localStorage.setItem('htl.settings.v1', JSON.stringify({ muted: true, volume: 0.5, readAloud: false, livePace: live }));
  }, livePace);
  await page.goto('/?unlock=all');
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 30_000 });
  await page.locator('#open-file').setInputFiles({ name: 'mini-call.yaml', mimeType: 'text/yaml', buffer: readFileSync(FILE) });
  await expect(page.locator('[data-screen="call"]')).toBeVisible();
  await page.keyboard.press('a');
}

const silences = (page: Page) => page.evaluate(() => (window.__HTL__!.runLog as RunLog).events.filter((e) => e.type === 'line.silence').length);

test('waiting past the grace period is dead air, and the score replays exactly', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await openCall(page, true);
  await expect(page.getByTestId('customer-line')).toContainText('Are you still there?', { timeout: 20_000 });
  await expect.poll(() => silences(page), { timeout: 20_000 }).toBeGreaterThan(0);
  await screenshot(page, 'live-pace-dead-air');
  await playSteps(page, REST, false);
  await toResults(page);
  const card = await expectResultsMatchCore(page, FILE);
  expect(card.pace).toBe('live');
  expect(card.aht.deadAir).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('aht-dead-air')).toBeVisible();
  await expect(page.getByTestId('pace')).toHaveAttribute('data-pace', 'live');
  const run = await page.evaluate(() => window.__HTL__!.runLog as RunLog);
  expect(run.pace).toBe('live');
  await screenshot(page, 'live-pace-results');
  expect(errors).toEqual([]);
});

test('untimed by default: waiting changes nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await openCall(page, false);
  await page.waitForTimeout(11_000);
  await expect(page.getByTestId('customer-line')).not.toContainText('Are you still there?');
  expect(await silences(page)).toBe(0);
  await playSteps(page, REST, false);
  await toResults(page);
  const card = await expectResultsMatchCore(page, FILE);
  expect(card.pace).toBeUndefined();
  expect(card.aht.deadAir).toBeUndefined();
  await expect(page.getByTestId('pace')).toHaveAttribute('data-pace', 'untimed');
});
