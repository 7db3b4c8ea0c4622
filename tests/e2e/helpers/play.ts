/** Shared Playwright helpers: play a call through the UI by the text of the choices, and check the scorecard. */
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export type UiStep = string | { idv: 'pass' | 'fail' } | { wrap: { disposition: string; notes: string } } | 'continue' | 'check back' | 'resume';

export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

export async function openMenu(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 20_000 });
}

export async function startCall(page: Page, scenarioId: string): Promise<void> {
  await page.locator(`button[data-scenario="${scenarioId}"]`).click();
  await expect(page.locator('[data-screen="call"]')).toBeVisible();
}

const CONTROL_KEYS: Record<string, string> = { continue: 'Enter', 'check back': 'c', resume: 'r' };

/**
 * Plays a call. By keyboard: 'a' answers, digits pick choices, p/f give the ID&V verdict, c/r check
 * back and resume a hold, Enter continues. By mouse: the same buttons are clicked.
 */
export async function playSteps(page: Page, steps: readonly UiStep[], answer = true, by: 'keyboard' | 'mouse' = 'keyboard'): Promise<void> {
  const press = async (key: string) => {
    if (by === 'keyboard') await page.keyboard.press(key);
    else await page.locator(`button[data-key="${key}"]`).click();
  };
  if (answer) await press('a');
  for (const step of steps) {
    if (typeof step === 'string') {
      const control = CONTROL_KEYS[step];
      if (control !== undefined) { await press(control); continue; }
      const choice = page.locator('button.choice', { hasText: new RegExp(step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') });
      await expect(choice).toHaveCount(1);
      await press((await choice.getAttribute('data-key'))!);
    } else if ('idv' in step) {
      await press(step.idv === 'pass' ? 'p' : 'f');
    } else {
      await page.locator('#disposition').selectOption(step.wrap.disposition);
      await page.locator('#notes').fill(step.wrap.notes);
      await page.getByRole('button', { name: 'Submit wrap-up' }).click();
      await rateYourselfIfAsked(page);
    }
  }
}

/** After wrap-up the trainee rates themself before the scorecard shows: a middling 3 in every area. */
export async function rateYourselfIfAsked(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { name: 'Rate yourself first' });
  await expect(heading).toBeVisible();
  for (const group of await page.locator('fieldset[data-area]').all()) await group.locator('input[value="3"]').check();
  await page.getByRole('button', { name: 'Show my scorecard' }).click();
}
