/**
 * Prints the closing line CI reads, "N passed, N failed", counting every Vitest and Playwright test
 * plus each non-test stage (type checks, layer rule, scenario checks) that failed.
 */
import { existsSync, readFileSync } from 'node:fs';

interface Counts { passed: number; failed: number; skipped: number }

function vitestCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

const [count = '0', ...stages] = process.argv.slice(2);
const testStages = new Set(['unit tests', 'browser tests']);
const otherFailures = stages.filter((s) => !testStages.has(s));
const unit = vitestCounts('test-results/vitest.json');
const browser = playwrightCounts('test-results/playwright.json');
const total: Counts = { passed: 0, failed: otherFailures.length, skipped: 0 };
for (const [name, counts] of [['unit', unit], ['browser', browser]] as const) {
  if (counts === null) {
    if (stages.includes(`${name} tests`)) total.failed += 1;
    continue;
  }
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  if (counts.failed === 0 && stages.includes(`${name} tests`)) total.failed += 1; // the runner itself failed
}
if (otherFailures.length > 0) console.log(`failed stages: ${otherFailures.join(', ')}`);
console.log(`unit: ${unit ? `${unit.passed} passed, ${unit.failed} failed` : 'no report'}; browser: ${browser ? `${browser.passed} passed, ${browser.failed} failed` : 'no report'}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`);
process.exit(Number(count) > 0 || total.failed > 0 ? 1 : 0);
