/** Shared Playwright helpers: play a call through the UI by the text of the choices, and check the scorecard. */
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export type UiStep =
  | string
  | { idv: 'pass' | 'fail'; ask?: readonly string[]; mismatch?: readonly string[] }
  | { kb: string; search: string }
  | { transfer: string; mode?: 'warm' | 'cold'; handover?: string }
  | { wrap: { disposition: string; notes: string } }
  | 'continue'
  | 'check back'
  | 'resume';

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

/** Opens the menu with every career tier open (the trainer's flag), so any call can be started. */
export async function openMenu(page: Page): Promise<void> {
  await page.goto('/?unlock=all');
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 20_000 });
}

export async function startCall(page: Page, scenarioId: string): Promise<void> {
  await page.locator(`button[data-scenario="${scenarioId}"]`).click();
  await expect(page.locator('[data-screen="call"]')).toBeVisible();
}

const CONTROL_KEYS: Record<string, string> = { 'check back': 'c', resume: 'r' };

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Plays a call. By keyboard: 'a' answers, digits pick choices (in the order shown), c/r check back
 * and resume a hold, and every other control is reached and pressed with the keyboard (Enter on
 * buttons, Space on radio buttons, typing in fields). By mouse: the same controls are clicked.
 * ID&V steps ask the policy's questions (or `ask`) and mark each answer as matching the record,
 * except those in `mismatch`: the test decides, as the trainee would.
 */
export async function playSteps(page: Page, steps: readonly UiStep[], answer = true, by: 'keyboard' | 'mouse' = 'keyboard'): Promise<void> {
  const press = async (key: string) => {
    if (by === 'keyboard') await page.keyboard.press(key);
    else await page.locator(`button[data-key="${key}"]`).click();
  };
  const activate = async (target: ReturnType<Page['locator']>) => {
    if (by === 'keyboard') {
      const type = await target.getAttribute('type');
      await target.press(type === 'radio' ? 'Space' : 'Enter');
    } else await target.click();
  };
  if (answer) await press('a');
  for (const step of steps) {
    if (typeof step === 'string') {
      const control = CONTROL_KEYS[step];
      if (control !== undefined) { await press(control); continue; }
      const choice = page.locator('button.choice', { hasText: new RegExp(escapeRe(step), 'i') });
      await expect(choice).toHaveCount(1);
      await press((await choice.getAttribute('data-key'))!);
    } else if ('idv' in step) {
      const panel = page.getByTestId('idv-panel');
      const keys = step.ask ?? await panel.locator('tr[data-idv-key][data-policy="true"][data-confirmed="false"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.idvKey!));
      for (const key of keys) {
        await activate(panel.locator(`tr[data-idv-key="${key}"] button`));
        await expect(panel.locator(`tr[data-idv-key="${key}"] .caller-said button`)).toHaveCount(0);
      }
      for (const key of keys) {
        const mark = step.mismatch?.includes(key) === true ? 'mismatch' : 'match';
        await activate(panel.locator(`tr[data-idv-key="${key}"] input[value="${mark}"]`));
      }
      await activate(panel.getByRole('button', { name: step.idv === 'pass' ? 'Pass security' : 'Fail security' }));
    } else if ('kb' in step) {
      const kb = page.getByTestId('knowledge-base');
      const input = kb.getByRole('searchbox');
      if (by === 'keyboard') { await input.focus(); await page.keyboard.type(step.search); await page.keyboard.press('Enter'); }
      else { await input.fill(step.search); await kb.getByRole('button', { name: 'Search' }).click(); }
      await activate(kb.locator(`button[data-article="${step.kb}"]`));
      await activate(kb.locator(`article[data-article="${step.kb}"] button`));
    } else if ('transfer' in step) {
      const form = page.getByTestId('routing');
      await activate(form.locator(`label[data-team="${step.transfer}"] input`));
      await activate(form.locator(`input[name="route-mode"][value="${step.mode ?? 'warm'}"]`));
      if (step.handover !== undefined) await activate(form.locator('label.handover-option', { hasText: new RegExp(escapeRe(step.handover), 'i') }).locator('input'));
      await activate(form.getByRole('button', { name: /^(Transfer|Escalate)$/ }));
    } else {
      await page.locator('#disposition').selectOption(step.wrap.disposition);
      await page.locator('#notes').fill(step.wrap.notes);
      await activate(page.getByRole('button', { name: 'Submit wrap-up' }));
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

/** Plays by always taking the first thing offered, as someone pressing keys would. */
export async function playFirstOption(page: Page): Promise<void> {
  // Each action gets a short time: if the screen moved on under it, the loop looks again.
  const act = async (fn: () => Promise<unknown>): Promise<void> => {
    try { await fn(); } catch { await page.waitForTimeout(200); }
  };
  const quick = { timeout: 10_000 };
  await page.keyboard.press('a');
  let idle = 0;
  for (let turn = 0; turn < 80; turn += 1) {
    if (await page.getByRole('heading', { name: 'Rate yourself first' }).isVisible()) break;
    if (await page.locator('button.choice').count() > 0) {
      await page.locator('button.choice').first().focus();
      await page.keyboard.press('1');
      continue;
    }
    const idv = page.getByTestId('idv-panel');
    if (await idv.isVisible()) {
      const ask = idv.locator('.caller-said button').first();
      if (await ask.count() > 0) { await act(() => ask.click(quick)); continue; }
      for (const row of await idv.locator('tr[data-idv-key]').all()) if (await row.locator('input').count() > 0) await act(() => row.locator('input').first().check(quick));
      await act(() => idv.getByRole('button', { name: 'Pass security' }).click(quick));
      continue;
    }
    const kb = page.getByTestId('knowledge-base');
    if (await kb.isVisible()) {
      const use = kb.locator('article button').first();
      if (await use.count() > 0) { await act(() => use.click(quick)); continue; }
      const found = kb.locator('button[data-article]').first();
      if (await found.count() > 0) { await act(() => found.click(quick)); continue; }
      // Search for the task's own words, as someone skimming would.
      const task = ((await kb.locator('p', { hasText: 'You need to:' }).textContent()) ?? '').replace('You need to:', '').trim().slice(0, 80);
      await act(() => kb.getByRole('searchbox').fill(task, quick));
      await act(() => kb.getByRole('button', { name: 'Search' }).click(quick));
      continue;
    }
    const routing = page.getByTestId('routing');
    if (await routing.isVisible()) {
      for (const group of ['route-team', 'route-mode', 'route-handover']) {
        const first = routing.locator(`input[name="${group}"]`).first();
        if (await first.count() > 0) await act(() => first.check(quick));
      }
      await act(() => routing.getByRole('button', { name: /^(Transfer|Escalate)$/ }).click(quick));
      continue;
    }
    if (await page.locator('#disposition').isVisible()) {
      await act(async () => {
        const first = await page.locator('#disposition option').nth(1).getAttribute('value', quick);
        await page.locator('#disposition').selectOption(first!, quick);
        await page.getByRole('button', { name: 'Submit wrap-up' }).click(quick);
      });
      continue;
    }
    if (await page.getByRole('button', { name: /Take the customer off hold/ }).isVisible()) { await act(() => page.getByRole('button', { name: /Take the customer off hold/ }).click(quick)); continue; }
    const callback = page.locator('.actions button.action');
    if (await callback.count() === 1 && await page.locator('[data-screen="call"]').isVisible()) { await act(() => callback.click(quick)); continue; }
    // The next screen may still be on its way.
    idle += 1;
    if (idle > 30) throw new Error('the first-option player found nothing to press');
    await page.waitForTimeout(200);
  }
  await rateYourselfIfAsked(page);
}
