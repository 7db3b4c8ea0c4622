/**
 * The trainer's workbench, end to end: a new call from the template, a misspelt key caught at its
 * line while typing and fixed, the map redrawn, a test call started mid-way with ID&V passed and
 * patience watched as it falls, the run saved as a walkthrough that the project's test runner
 * replays, and the draft still there after a reload.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { screenshot, watchConsole } from './helpers/play.ts';
import { NEW_CALL_TEMPLATE } from '../../src/workbench/template.ts';

const templateLine = (text: string): number => NEW_CALL_TEMPLATE.split('\n').findIndex((l) => l.includes(text)) + 1;

test('write, check, map, test from a middle step, save a walkthrough, keep the draft', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = watchConsole(page);
  await page.goto('/workbench.html');
  await page.getByTestId('new-call').click();
  await expect(page.getByTestId('problems-summary')).toContainText('0 errors', { timeout: 30_000 });
  await expect(page.locator('.wb-map [data-step="new-address"]')).toBeVisible();
  await expect(page.getByTestId('file-where')).toContainText('draft is kept in this browser');
  await screenshot(page, 'workbench-01-editor');

  // A misspelt key, typed in the editor: the problem appears at its line while typing.
  const line = templateLine('customer: The new one is');
  const key = page.locator('.cm-line', { hasText: 'The new one is' }).getByText('customer', { exact: true });
  await key.dblclick();
  await page.keyboard.type('custommer', { delay: 40 });
  const problem = page.locator(`.wb-problem.error[data-line="${line}"]`);
  await expect(problem).toBeVisible({ timeout: 10_000 });
  await expect(problem).toContainText('custommer');
  await expect(problem.locator('.wb-fix')).not.toBeEmpty();
  await expect(page.getByTestId('map-note')).toContainText('last version it could draw');
  await screenshot(page, 'workbench-02-misspelt');

  // A click on the problem takes the cursor to the line; fixing the key clears it and redraws the map.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  await problem.click();
  await expect(page.locator('.cm-activeLine')).toContainText('custommer');
  await page.locator('.cm-line', { hasText: 'The new one is' }).getByText('custommer', { exact: true }).dblclick();
  await page.keyboard.type('customer', { delay: 40 });
  await expect(page.getByTestId('problems-summary')).toContainText('0 errors', { timeout: 10_000 });
  await expect(page.getByTestId('map-note')).toContainText('5 steps');
  await expect(page.getByTestId('map-note')).not.toHaveClass(/stale/);
  await page.locator('.wb-map [data-step="new-address"]').click();
  await expect(page.locator('.cm-activeLine')).toContainText('new-address:');
  await expect(page.locator('.wb-map [data-step="new-address"]')).toHaveClass(/here/);
  await expect(page.getByTestId('path-report')).toContainText('Handle time', { timeout: 30_000 });
  await screenshot(page, 'workbench-03-map');

  // A test call from the middle step, ID&V passed, patience 40.
  await page.getByTestId('tab-play').click();
  await expect(page.getByTestId('start-step')).toHaveValue('new-address');
  await page.getByTestId('start-idv').selectOption('passed');
  await page.getByTestId('start-patience').fill('40');
  await page.getByTestId('start-elapsed').fill('60');
  await screenshot(page, 'workbench-04-play-from-here');
  await page.getByTestId('start-test').click();
  await expect(page.getByTestId('cue')).toContainText('Ringing', { timeout: 20_000 });
  await page.getByRole('button', { name: /Answer the call/ }).click();
  await expect(page.getByTestId('customer-line')).toContainText('3 Mill Lane');
  await expect(page.locator('[data-watch="patience"]')).toHaveText('40');
  await expect(page.locator('[data-watch="idv"]')).toHaveText('passed');
  await page.locator('button.choice', { hasText: 'all changed for you now' }).click();
  await expect(page.locator('[data-watch="patience"]')).toHaveText('40 → 25');
  await expect(page.locator('[data-watch="qa-missed"]')).toContainText('confirm');
  await screenshot(page, 'workbench-05-watch');
  await page.locator('#disposition').selectOption('account-update');
  await page.locator('#notes').fill('New address 3 Mill Lane, Frome, BA11 1AA.');
  await page.getByRole('button', { name: 'Submit wrap-up' }).click();
  await expect(page.getByTestId('test-over')).toContainText('resolved');

  // The walkthrough downloads, and the project's test runner replays it.
  const folder = mkdtempSync(join(tmpdir(), 'walkthroughs-'));
  await page.getByTestId('walkthrough-title').fill('Unconfirmed address from the middle');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('save-walkthrough').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('unconfirmed-address-from-the-middle.walkthrough.json');
  const path = join(folder, download.suggestedFilename());
  await download.saveAs(path);
  await expect(page.getByTestId('walkthrough-saved')).toContainText('tests/walkthroughs');
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { start: { step: string; idv: string }; outcome: string };
  expect(saved.start).toMatchObject({ step: 'new-address', idv: 'passed' });
  expect(saved.outcome).toBe('resolved');
  const run = execFileSync('npx', ['vitest', 'run', 'tests/walkthroughs', '--reporter=verbose'], { env: { ...process.env, WALKTHROUGH_DIR: folder }, encoding: 'utf8' });
  expect(run).toContain('unconfirmed-address-from-the-middle.walkthrough.json');
  expect(run).toMatch(/2 passed/);

  // Back in the editor where the trainer was; a reload keeps the draft.
  await page.getByTestId('back-to-editor').click();
  await expect(page.locator('.cm-activeLine')).toContainText('new-address:');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# tested from new-address');
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByTestId('problems-summary')).toContainText('0 errors', { timeout: 30_000 });
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await expect(page.locator('.cm-activeLine')).toHaveText('# tested from new-address');
  await expect(page.getByTestId('file-where')).toContainText('draft is kept in this browser');
  expect(errors).toEqual([]);
});
