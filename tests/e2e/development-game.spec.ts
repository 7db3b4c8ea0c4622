/**
 * The development loop inside the real game (the production build on the game port): every
 * finished, rated call is in the plan whatever the trainee clicks next; leaving a call asks first
 * and the call can be resumed; the results tell one story; every screen passes axe, dark and print.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { playSteps, type UiStep } from './helpers/play.ts';
import { seriousViolations } from './helpers/axe.ts';
import { shoot } from './development-shots.ts';

const GAME = `http://127.0.0.1:${Number(process.env.PW_GAME_PORT ?? 4173)}`;
const MINI = readFileSync('tests/unit/core/fixtures/mini-call.yaml');
const CAREFUL: UiStep[] = ['Good morning', { idv: 'pass' }, "I'll log this", 'So that', { wrap: { disposition: 'billing-refund', notes: 'Refund issued, reference C-1001' } }];

test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1000, height: 800 } });

async function openGame(page: Page): Promise<void> {
  await page.goto(`${GAME}/`);
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 30_000 });
}

async function openMini(page: Page): Promise<void> {
  await page.locator('#open-file').setInputFiles({ name: 'mini-call.yaml', mimeType: 'text/yaml', buffer: MINI });
  await expect(page.locator('[data-screen="call"]')).toBeVisible();
}

async function startMini(page: Page): Promise<void> {
  const card = page.locator('button[data-scenario="mini-call"]');
  if (await card.count() === 0) await openMini(page);
  else await card.click();
  await expect(page.locator('[data-screen="call"]')).toBeVisible();
}

async function expectClean(page: Page, what: string): Promise<void> {
  expect(await seriousViolations(page), `${what}: serious or critical axe violations`).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  expect(await seriousViolations(page), `${what} (print): serious or critical axe violations`).toEqual([]);
  await expect(page.locator('.topbar')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
}

test('five rated calls are all in the plan, whatever was clicked after each', async ({ page }) => {
  await openGame(page);
  const after: ((p: Page) => Promise<void>)[] = [
    async (p) => { await p.getByRole('button', { name: 'Choose another call' }).click(); },
    async (p) => { await p.getByRole('button', { name: 'Play again' }).click(); await expect(p.locator('[data-screen="call"]')).toBeVisible(); await p.keyboard.press('a'); await p.getByRole('button', { name: 'My development plan' }).click(); await p.getByRole('button', { name: 'Leave and open my plan' }).click(); await p.getByTestId('plan-close').click(); await p.getByRole('button', { name: 'No, discard it' }).click(); },
    async (p) => { await p.getByRole('button', { name: 'Reflect and set goals' }).click(); await p.getByTestId('dev-continue').click(); },
    async (p) => { await p.getByRole('button', { name: 'My development plan' }).click(); await p.getByTestId('plan-close').click(); },
    async (p) => { await p.reload(); await expect(p.locator('[data-screen="menu"]')).toBeVisible({ timeout: 30_000 }); },
  ];
  for (const [i, next] of after.entries()) {
    await startMini(page);
    await playSteps(page, CAREFUL);
    await expect(page.locator('[data-screen="results"]')).toBeVisible();
    await expect(page.getByTestId('run-saved')).toHaveText('This call and your self-rating are saved in your development plan.');
    if (i === 0) {
      await expect(page.getByTestId('call-headline')).toHaveAttribute('data-tone', 'good');
      await expect(page.getByTestId('aht-verdict')).toHaveText('Within target');
      await shoot(page, 'game-1-results');
      await expectClean(page, 'results');
    }
    await next(page);
  }
  await page.getByRole('button', { name: 'My development plan' }).click();
  await expect(page.getByText('5 calls recorded.')).toBeVisible();
  await shoot(page, 'game-2-plan');
  await expectClean(page, 'plan in the game');
  await page.getByRole('button', { name: 'Portfolio report' }).click();
  await expect(page.locator('section.report-run')).toHaveCount(5);
  await expect(page.locator('section.report-run .refs', { hasText: 'No self-rating' })).toHaveCount(0);
  await expectClean(page, 'portfolio in the game');
  await page.emulateMedia({ media: 'print' });
  await shoot(page, 'game-3-portfolio-print');
  await page.emulateMedia({ media: 'screen' });
});

test('leaving a call in progress asks first, and the call can be resumed', async ({ page }) => {
  await openGame(page);
  await openMini(page);
  await playSteps(page, ['Good morning']);
  await page.getByRole('button', { name: 'My development plan' }).click();
  await expect(page.getByRole('heading', { name: 'Leave this call?' })).toBeVisible();
  await shoot(page, 'game-4-leave-call');
  await page.getByRole('button', { name: 'Stay on the call' }).click();
  await expect(page.locator('[data-screen="call"]')).toBeVisible();
  await page.getByRole('button', { name: 'My development plan' }).click();
  await page.getByRole('button', { name: 'Leave and open my plan' }).click();
  await expect(page.getByRole('heading', { name: 'Your development plan' })).toBeVisible();
  await expect(page.getByText('0 calls recorded.')).toBeVisible();
  await page.getByTestId('plan-close').click();
  await expect(page.getByRole('heading', { name: 'Resume your call?' })).toBeVisible();
  await page.getByRole('button', { name: 'Yes, resume' }).click();
  await expect(page.locator('[data-screen="call"]')).toBeVisible();
  await playSteps(page, CAREFUL.slice(1), false);
  await expect(page.locator('[data-screen="results"]')).toBeVisible();
  await page.getByRole('button', { name: 'Reflect and set goals' }).click();
  await expect(page.getByLabel('What?', { exact: true })).toHaveValue('');
  await shoot(page, 'game-5-after-call');
  await expectClean(page, 'after the call');
});

test('a hang-up is never "within target", and the headline says what went wrong', async ({ page }) => {
  await openGame(page);
  await openMini(page);
  await page.keyboard.press('a');
  const rude = page.locator('button.choice', { hasText: /What do you want\?/ });
  await page.keyboard.press((await rude.getAttribute('data-key'))!);
  await expect(page.locator('form.wrapup')).toBeVisible();
  await page.locator('#disposition').selectOption({ label: 'Customer ended the call' });
  await page.locator('#notes').fill('Caller hung up before I could help.');
  await page.getByRole('button', { name: 'Submit wrap-up' }).click();
  await expect(page.getByRole('heading', { name: 'Rate yourself first' })).toBeVisible();
  for (const group of await page.locator('fieldset[data-area]').all()) await group.locator('input[value="3"]').check();
  await page.getByRole('button', { name: 'Show my scorecard' }).click();
  await expect(page.locator('[data-screen="results"]')).toBeVisible();
  await expect(page.getByTestId('call-headline')).toHaveText('The customer hung up before their need was met.');
  await expect(page.getByTestId('aht-verdict')).toHaveAttribute('data-verdict', 'not-judged');
  await expect(page.getByTestId('aht-verdict')).toContainText('the customer hung up, so a short call is no credit');
  await shoot(page, 'game-6-hang-up-results');
  await expectClean(page, 'hang-up results');
});
