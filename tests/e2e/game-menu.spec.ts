import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openMenu, playSteps, screenshot, startCall, watchConsole } from './helpers/play.ts';
import { seriousViolations } from './helpers/axe.ts';

const ID = 'failed-idv-pushy-caller';

test('filters narrow the cards; each card shows skills, difficulty, target and best result', async ({ page }) => {
  const errors = watchConsole(page);
  await openMenu(page);
  const cards = page.locator('.cards > li.card');
  const all = await cards.count();
  expect(all).toBeGreaterThan(3);
  await expect(cards.first()).toContainText('Target AHT');
  await expect(cards.first()).toContainText('Your best');
  await page.locator('#skill-filter').selectOption('card-payment');
  const some = await cards.count();
  expect(some).toBeGreaterThan(0);
  expect(some).toBeLessThan(all);
  await page.locator('#skill-filter').selectOption('');
  await expect(cards).toHaveCount(all);
  expect(errors).toEqual([]);
});

test('a broken file opened from disk shows the checker diagnostics with line and column', async ({ page }) => {
  const errors = watchConsole(page);
  await openMenu(page);
  await page.locator('#open-file').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from('format: 2\nid: broken\ntitle: "unclosed\n') });
  const list = page.getByTestId('diagnostics');
  await expect(list).toBeVisible();
  await expect(list).toContainText(/line \d+, column \d+/);
  await expect(list).toContainText('Hint:');
  await screenshot(page, '09-diagnostics');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a valid file dropped on the page is played at once', async ({ page }) => {
  await openMenu(page);
  const text = readFileSync('tests/unit/core/fixtures/mini-call.yaml', 'utf8');
  const transfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'mini-call.yaml', { type: 'text/yaml' }));
    return dt;
  }, text);
  await page.dispatchEvent('#app', 'drop', { dataTransfer: transfer });
  await expect(page.locator('[data-screen="call"]')).toBeVisible();
});

test('reloading mid-call offers to resume where it was; settings persist', async ({ page }) => {
  const errors = watchConsole(page);
  await openMenu(page);
  await page.getByRole('button', { name: 'Sound: on' }).click();
  await startCall(page, ID);
  await playSteps(page, ['good afternoon, keelside', 'something else going on']);
  const before = await page.evaluate(() => window.__HTL__!.runLog!.events.length);
  const order = await page.locator('button.choice').allTextContents();
  const clock = await page.getByTestId('call-clock').textContent();
  await page.reload();
  // The library is checked again after a reload before the offer appears.
  await expect(page.getByRole('dialog')).toContainText('Resume your call with Craig Bell?', { timeout: 30_000 });
  await screenshot(page, '10-resume');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Yes, resume' }).click();
  await expect(page.locator('[data-screen="call"]')).toBeVisible();
  await expect(page.getByTestId('call-clock')).toHaveText(clock!);
  expect(await page.evaluate(() => window.__HTL__!.runLog!.events.length)).toBe(before);
  // The same seed: the options come back in the same order.
  expect(await page.locator('button.choice').allTextContents()).toEqual(order);
  await expect(page.getByRole('button', { name: 'Sound: off' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the desk works on a tablet-sized screen', async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await openMenu(page);
  await screenshot(page, '11-tablet-menu');
  await startCall(page, ID);
  await page.keyboard.press('a');
  await expect(page.locator('button.choice').first()).toBeInViewport();
  await screenshot(page, '12-tablet-call');
});
