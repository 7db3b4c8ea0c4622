import { test, expect, type Page } from '@playwright/test';
import { screenshot, watchConsole } from './helpers/play.ts';
import { seriousViolations } from './helpers/axe.ts';

async function openCalculator(page: Page): Promise<void> {
  await page.goto('/shift.html');
  await expect(page.getByTestId('calculator')).toBeVisible({ timeout: 20_000 });
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test('the calculator answers the domain example and updates as the trainer types', async ({ page }) => {
  const errors = watchConsole(page);
  await openCalculator(page);
  // 200 calls an hour at 180 s on 13 agents: 79.6 % in 20 s, ASA about 17 s; 14 agents reach 80/20.
  await expect(page.getByTestId('calc-erlangs')).toContainText('10.00 E');
  await expect(page.getByTestId('calc-sl')).toContainText('79.6 %');
  await expect(page.getByTestId('calc-sl')).toHaveClass(/off-target/);
  await expect(page.getByTestId('calc-asa')).toContainText('17 s');
  await expect(page.getByTestId('calc-occupancy')).toContainText('76.9 %');
  await expect(page.getByTestId('calc-needed')).toContainText('14');
  await expect(page.getByTestId('calc-ladder').locator('tr.current')).toContainText('13 (yours)');
  await screenshot(page, 'shift-01-calculator');

  await field(page, 'Agents').fill('14');
  await expect(page.getByTestId('calc-sl')).toContainText('88.8 %');
  await expect(page.getByTestId('calc-sl')).toHaveClass(/on-target/);

  await field(page, 'AHT (seconds)').fill('240');
  await expect(page.getByTestId('calc-needed')).toContainText('17');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a bad value says why, keeps the text, and the figures come back once it is fixed', async ({ page }) => {
  await openCalculator(page);
  const calls = field(page, 'Calls');
  await calls.fill('lots');
  await expect(calls).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#calc-calls-error')).toHaveText('Calls must be a number, got "lots"');
  await expect(calls).toHaveValue('lots');
  await expect(page.getByTestId('calc-sl')).toHaveCount(0);
  await field(page, 'Target service level').fill('80');
  await expect(page.locator('#calc-target-error')).toContainText('ambiguous');
  await screenshot(page, 'shift-02-calculator-errors');
  await calls.fill('200');
  await field(page, 'Target service level').fill('90%');
  await expect(calls).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('calc-needed')).toContainText('15');
});

test('an overloaded team and a 215-agent team', async ({ page }) => {
  await openCalculator(page);
  await field(page, 'Agents').fill('9');
  await expect(page.getByTestId('calc-asa')).toContainText('no limit');
  await expect(page.getByTestId('calc-output')).toContainText('cannot keep up');
  await field(page, 'Calls').fill('4000');
  await field(page, 'Agents').fill('215');
  await expect(page.getByTestId('calc-erlangs')).toContainText('200.00 E');
  await expect(page.getByTestId('calc-sl')).toContainText('96.0 %');
  await expect(page.getByTestId('calc-needed')).toContainText('208');
});

test('a three-call shift preview: huddle, wallboard between calls, end-of-shift report', async ({ page }) => {
  const errors = watchConsole(page);
  await openCalculator(page);
  await page.getByLabel('Seconds over target per call').fill('60');
  await page.getByLabel('Calls not resolved first time').fill('1');
  await page.getByTestId('start-shift').click();
  await expect(page.getByTestId('huddle')).toContainText('80 % in 20 s');
  await expect(page.getByTestId('focus-point')).toContainText('Focus:');
  await expect(page.getByTestId('wallboard')).toContainText('start of shift');
  const levels: string[] = [];
  for (const n of [1, 2, 3]) {
    await page.getByTestId('take-call').click();
    const board = page.getByTestId('wallboard');
    await expect(board).toContainText(`after call ${n} of 3`);
    await expect(board.locator('.clock-now')).toHaveText(['09:20', '09:40', '10:00'][n - 1]!);
    levels.push(await board.getByTestId('service-level').locator('.tile-value').innerText());
    if (n === 2) {
      await expect(page.getByTestId('take-call')).toContainText('ringing back'); // call 1 was not resolved
      await page.getByTestId('wallboard').scrollIntoViewIfNeeded();
      await screenshot(page, 'shift-03-wallboard');
    }
  }
  expect(levels.every((l) => /^\d+ %$/.test(l))).toBe(true);
  const report = page.getByTestId('shift-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('take-call')).toHaveCount(0);
  await expect(page.getByTestId('report-extra-time')).toContainText('What your extra 60 s per call did to the queue');
  await expect(page.getByTestId('report-extra-time')).toContainText(/more callers? hung up/);
  await expect(page.getByTestId('report-missed-fcr')).toContainText('What your missed FCR cost');
  await expect(page.getByTestId('report-missed-fcr')).toContainText('1 customer will ring again');
  await expect(page.getByTestId('shift-chart').locator('svg rect')).toHaveCount(8);
  // The wallboard's last service level is the report's team figure.
  await expect(page.getByTestId('report-targets').locator('tr', { hasText: 'Service level' })).toContainText(levels[2]!.replace(' %', ''));
  await report.scrollIntoViewIfNeeded();
  await screenshot(page, 'shift-04-report');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);

  // The same seed and the same calls replay to the same report.
  const first = await report.innerText();
  await page.getByTestId('start-shift').click();
  for (let n = 0; n < 3; n += 1) await page.getByTestId('take-call').click();
  await expect(page.getByTestId('shift-report')).toBeVisible();
  expect(await page.getByTestId('shift-report').innerText()).toBe(first);
});
