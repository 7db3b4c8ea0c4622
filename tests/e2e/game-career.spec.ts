/** The career on the menu: a new trainee has only first-week calls open; the trainer's flag opens all. */
import { test, expect } from '@playwright/test';
import { screenshot } from './helpers/play.ts';

test('a new trainee starts in the first tier; harder calls are locked until earned', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('career').locator('[data-tier="1"]')).toHaveClass(/open/);
  await expect(page.getByTestId('career').locator('[data-tier="3"]')).toHaveClass(/locked/);
  await expect(page.locator('button[data-scenario="billing-double-charge"]')).toBeEnabled();
  await expect(page.locator('button[data-scenario="demands-a-manager"]')).toBeDisabled();
  // Cards run from the first tier to the last.
  const tiers = await page.locator('.cards > li[data-tier]').evaluateAll((cards) => cards.map((c) => Number((c as HTMLElement).dataset.tier)));
  expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
  await expect(page.getByTestId('recommended')).toContainText('Next recommended');
  await screenshot(page, 'career-menu');
});

test('the trainer’s flag opens every tier', async ({ page }) => {
  await page.goto('/?unlock=all');
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('button[data-scenario="demands-a-manager"]')).toBeEnabled();
  await expect(page.getByTestId('career')).toContainText('Every tier is open');
});
