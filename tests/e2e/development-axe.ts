/** Runs axe-core on the page and fails with the rules broken (serious and critical ones), naming the first elements. */
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function expectAccessible(page: Page, what: string, context = '#app'): Promise<void> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (ctx) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: unknown }[] }[] };
    const result = await (window as unknown as { axe: { run: (ctx: string) => Promise<Result> } }).axe.run(ctx);
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, context);
  expect(violations, `${what}: accessibility violations`).toEqual([]);
}
