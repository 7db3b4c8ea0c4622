/** Shift mode: a huddle, three calls from the queue with the wallboard between them, and the report. */
import { test, expect } from '@playwright/test';
import { playFirstOption, screenshot, watchConsole } from './helpers/play.ts';
import { seriousViolations } from './helpers/axe.ts';

test('a solo shift of three calls: huddle, wallboard between calls, end-of-shift report', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchConsole(page);
  await page.addInitScript(() => localStorage.removeItem('htl.saved-call.v2'));
  await page.goto('/?seed=3');
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('start-shift').click();
  await expect(page.getByTestId('huddle')).toBeVisible();
  await expect(page.getByTestId('focus-point')).toBeVisible();
  await screenshot(page, 'shift-01-huddle');
  expect(await seriousViolations(page)).toEqual([]);
  for (let call = 1; call <= 3; call += 1) {
    await page.getByTestId('take-call').click();
    await expect(page.locator('[data-screen="call"]')).toBeVisible();
    await playFirstOption(page);
    await expect(page.locator('[data-screen="results"]')).toBeVisible();
    await page.getByTestId('continue-shift').click();
    await expect(page.locator('[data-screen="shift"]')).toBeVisible();
    await expect(page.getByTestId('wallboard')).toBeVisible();
    if (call === 1) await screenshot(page, 'shift-02-wallboard');
  }
  await expect(page.getByRole('heading', { name: 'Your shift is over' })).toBeVisible();
  await expect(page.getByTestId('take-call')).toHaveCount(0);
  await expect(page.getByTestId('shift-report')).toBeVisible();
  await screenshot(page, 'shift-03-report');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
