/** Runs axe-core on the page and fails with the rules broken (serious and critical ones). */
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: string) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run('#app');
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  });
  expect(violations, `${what}: accessibility violations`).toEqual([]);
}
