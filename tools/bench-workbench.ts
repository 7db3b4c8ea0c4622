/**
 * `npm run bench:workbench`: the trainer's workbench on the production build in headless Chromium.
 * 1. The game's first load with and without the workbench in the build: the same files' bytes, and
 *    no workbench, CodeMirror or dagre code in them.
 * 2. Typing into the largest shipped call in bursts (a key every 70 ms, then a pause): the time from
 *    the last key of a burst to its diagnostics painted (goal ≤ 300 ms), and every long task on the
 *    page's main thread while typing (goal: none over 50 ms).
 * Run: npx tsx tools/bench-workbench.ts [--bursts N]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { firstLoad, gzipBytes } from './asset-graph.ts';

const ROOT = join(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_WORKBENCH_PORT ?? 4175);
const GOALS = { diagnosticsMs: 300, longTaskMs: 50 };
const bursts = Number(process.argv[process.argv.indexOf('--bursts') + 1]) || 12;
const WORKBENCH_MARKERS = ['cm-editor', 'dagre', 'wb-problem'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER GOAL');

const out = mkdtempSync(join(tmpdir(), 'bench-workbench-'));
const withWorkbench = join(out, 'with');
const without = join(out, 'without');
// The project's own config, with the workbench page left out, for the comparison.
const bareConfig = join(out, 'vite.no-workbench.config.ts');
writeFileSync(bareConfig, `import config from ${JSON.stringify(join(ROOT, 'vite.config.ts'))};
const inputs = { ...config.build.rolldownOptions.input };
delete inputs.workbench;
export default { ...config, root: ${JSON.stringify(ROOT)}, build: { ...config.build, rolldownOptions: { ...config.build.rolldownOptions, input: inputs } } };
`);
execFileSync('npx', ['vite', 'build', '--outDir', withWorkbench, '--emptyOutDir'], { cwd: ROOT, stdio: 'ignore' });
execFileSync('npx', ['vite', 'build', '--config', bareConfig, '--outDir', without, '--emptyOutDir'], { cwd: ROOT, stdio: 'ignore' });

const gameWith = firstLoad(withWorkbench, 'index.html');
const gameWithout = firstLoad(without, 'index.html');
const bytesWith = gzipBytes(withWorkbench, gameWith);
const bytesWithout = gzipBytes(without, gameWithout);
const leaked = gameWith.filter((f) => WORKBENCH_MARKERS.some((m) => readFileSync(join(withWorkbench, 'assets', f), 'utf8').includes(m)));

const largest = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort((a, b) => statSync(join(ROOT, 'scenarios', b)).size - statSync(join(ROOT, 'scenarios', a)).size)[0]!;

const server = spawn('npx', ['vite', 'preview', '--outDir', withWorkbench, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore', detached: true });
try {
  const url = `http://127.0.0.1:${PORT}/workbench.html`;
  for (let i = 0; i < 100; i += 1) {
    try { if ((await fetch(url)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  // A string, not a function: tsx would add helpers the page does not have.
  await page.addInitScript(`window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });`);
  await page.goto(url);
  await page.getByTestId('problems-summary').waitFor();
  await page.getByTestId('library-select').selectOption(`scenarios/${largest}`);
  await page.getByTestId('file-name').filter({ hasText: largest }).waitFor();
  await page.locator('.wb-map').waitFor({ timeout: 60_000 });
  await page.getByTestId('path-report').waitFor({ timeout: 120_000 });
  // Type in the middle of the file: a comment line, so the call stays valid and the map and report redo every time.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 200; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.type('# ', { delay: 70 });
  await page.waitForTimeout(1500);
  // The same page left alone for 5 s: long tasks here come from the machine, not from typing.
  const idleFrom = (await page.evaluate('performance.now()')) as number;
  await page.waitForTimeout(5000);
  const idleTasks = ((await page.evaluate('window.__longTasks')) as { start: number; duration: number }[]).filter((t) => t.start >= idleFrom).map((t) => t.duration);
  const delays: number[] = [];
  const workerTimes: number[] = [];
  const longTasks: number[] = [];
  for (let b = 0; b < bursts; b += 1) {
    const before = (await page.evaluate('window.__WB__.checks.length')) as number;
    const from = (await page.evaluate('performance.now()')) as number;
    await page.keyboard.type(`note ${b} `, { delay: 70 });
    const to = (await page.evaluate('performance.now()')) as number;
    await page.waitForFunction(`window.__WB__.checks.length > ${before}`, undefined, { timeout: 10_000 });
    await page.waitForTimeout(400);
    const checks = (await page.evaluate('window.__WB__.checks')) as { afterEditMs: number; workerMs: number }[];
    delays.push(checks.at(-1)!.afterEditMs);
    workerTimes.push(checks.at(-1)!.workerMs);
    const tasks = (await page.evaluate('window.__longTasks')) as { start: number; duration: number }[];
    longTasks.push(...tasks.filter((t) => t.start >= from && t.start <= to + 400).map((t) => t.duration));
  }
  await browser.close();
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`game first load (gzip): ${kb(bytesWith)} KB with the workbench in the build, ${kb(bytesWithout)} KB without  [goal: no growth: ${mark(bytesWith <= bytesWithout)}]`);
  console.log(`workbench code in the game's first load: ${leaked.length === 0 ? 'none' : leaked.join(', ')}  [goal: none: ${mark(leaked.length === 0)}]`);
  console.log(`diagnostics after a pause in typing (${largest}, ${bursts} bursts): median ${median(delays).toFixed(0)} ms, p95 ${percentile(delays, 0.95).toFixed(0)} ms, max ${Math.max(...delays).toFixed(0)} ms  [goal ≤ ${GOALS.diagnosticsMs} ms: ${mark(Math.max(...delays) <= GOALS.diagnosticsMs)}]`);
  console.log(`  of which the check itself, in the worker: median ${median(workerTimes).toFixed(0)} ms, max ${Math.max(...workerTimes).toFixed(0)} ms (the rest is the ${150} ms pause and the hand-over)`);
  const longest = longTasks.length === 0 ? 0 : Math.max(...longTasks);
  console.log(`main-thread long tasks while typing: ${longTasks.length}, longest ${longest.toFixed(0)} ms  [goal none over ${GOALS.longTaskMs} ms: ${mark(longest <= GOALS.longTaskMs)}]`);
  console.log(`  the same page left idle for 5 s: ${idleTasks.length} long tasks, longest ${(idleTasks.length === 0 ? 0 : Math.max(...idleTasks)).toFixed(0)} ms (the machine's own load; \`uptime\` now: ${execFileSync('uptime', { encoding: 'utf8' }).trim()})`);
} finally {
  if (server.pid !== undefined) process.kill(-server.pid);
}
