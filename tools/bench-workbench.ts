/**
 * `npm run bench:workbench`: how soon the trainer sees the checker's verdict after a pause in
 * typing, on the production build in headless Chromium, in the largest shipped call.
 *
 * How it is taken. The bench types bursts (a key every 70 ms) into a quoted line in the middle of
 * the call, made so that only the burst's last key changes the verdict: a "break" burst types words
 * inside the quotes and ends with a `"` (the line stops being YAML: an error mark appears in the
 * editor); a "fix" burst steps back one character and types words ending with `\` (the quote is
 * escaped: the mark goes). So the editor shows the new verdict only once the last key's text has
 * been checked. Each burst's figure runs from that last key's keydown (the event's own time stamp)
 * to the first animation frame after the editor's DOM shows the new verdict (the frame that
 * paints it), read by a MutationObserver in the page: what the trainer sees, with the debounce,
 * the worker's round trip and the page's own work all inside. Pauses between bursts cycle through
 * 0.3, 0.7 and 1.6 s, so some bursts start while the path analysis (which waits for a 1 s pause) is
 * running. Long tasks (PerformanceObserver 'longtask') are counted from a burst's first key to its
 * verdict on screen. With `--against DIR` the same bursts run on a second checkout's build, in
 * rounds that alternate which build goes first, each in its own browser context.
 *
 * Run: npx tsx tools/bench-workbench.ts [--bursts N (per build, default 48)] [--against DIR]
 * (the game's first load with and without the workbench is `npm run bench:web`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const PORT = Number(process.env.BENCH_WORKBENCH_PORT ?? 4175);
const GOALS = { p95Ms: 300, longTaskMs: 50 };
const BURSTS = Number(option('--bursts') ?? 48);
const ROUND = 8;
const KEY_GAP_MS = 70;
const PAUSES_MS = [300, 700, 1600];
const against = option('--against');

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const percentile = (xs: readonly number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)] ?? NaN;
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER GOAL');

const largest = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'))
  .sort((a, b) => statSync(join(ROOT, 'scenarios', b)).size - statSync(join(ROOT, 'scenarios', a)).size)[0]!;
const lines = readFileSync(join(ROOT, 'scenarios', largest), 'utf8').split('\n');
/** A double-quoted line a third of the way down or later, with no quote or backslash inside. */
const lineIndex = lines.findIndex((l, i) => i >= lines.length / 3 && /^\s+[a-z]+: "[^"\\]*"$/.test(l));
if (lineIndex < 0) throw new Error(`no plain double-quoted line to type into in ${largest}`);

// Set up in the page before its own scripts: key times, long tasks, and a watch on the editor's marks.
const PROBE = `window.__bench = (() => {
  const keys = [];
  const longTasks = [];
  addEventListener('keydown', (e) => keys.push(e.timeStamp), true);
  new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  const hasError = () => document.querySelector('.cm-editor .cm-lintRange-error, .cm-editor .cm-lint-marker-error') !== null;
  let want = null, armedAt = 0, done = null, settle = null;
  const look = () => {
    if (want === null || hasError() !== want) return;
    want = null;
    const seenAt = performance.now();
    requestAnimationFrame(() => settle({ keys: keys.filter((k) => k >= armedAt), seenAt, shownAt: performance.now() }));
  };
  addEventListener('DOMContentLoaded', () => new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] }));
  return {
    longTasks,
    hasError,
    arm(expectError) { armedAt = performance.now(); want = expectError; done = new Promise((r) => { settle = r; }); look(); },
    result: () => done,
  };
})();`;

interface Burst { build: string; kind: 'break' | 'fix'; ms: number; keys: number; longTasks: number[] }

function build(root: string, outDir: string): void {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: 'ignore' });
}

function serve(dir: string, port: number): ChildProcess {
  return spawn('npx', ['vite', 'preview', '--outDir', dir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore', detached: true });
}

async function open(browser: Browser, port: number): Promise<Page> {
  const url = `http://127.0.0.1:${port}/workbench.html`;
  for (let i = 0; i < 150; i += 1) {
    try { if ((await fetch(url)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.addInitScript(PROBE);
  await page.goto(url);
  await page.getByTestId('problems-summary').waitFor();
  await page.getByTestId('library-select').selectOption(`scenarios/${largest}`);
  await page.getByTestId('file-name').filter({ hasText: largest }).waitFor();
  await page.locator('.wb-map').waitFor({ timeout: 60_000 });
  await page.getByTestId('path-report').waitFor({ timeout: 120_000 });
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < lineIndex; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  // Two back: each break burst starts by stepping one right (over the last fix's escaped quote),
  // so the first one lands just inside the closing quote.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  return page;
}

async function typeKeys(page: Page, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    const at = Date.now();
    await page.keyboard.press(key);
    await page.waitForTimeout(Math.max(0, KEY_GAP_MS - (Date.now() - at)));
  }
}

const chars = (text: string) => [...text].map((c) => (c === ' ' ? 'Space' : c));

/** One burst: `break` ends the string early with a quote, `fix` escapes that quote. */
async function burst(page: Page, kind: 'break' | 'fix', n: number, name: string): Promise<Burst> {
  const keys = kind === 'break' ? ['ArrowRight', ...chars(` note ${n}"`)] : ['ArrowLeft', ...chars(` ok ${n}\\`)];
  if ((await page.evaluate('window.__bench.hasError()')) !== (kind === 'fix')) throw new Error(`${name}: the editor's marks are not as the ${kind} burst expects before it`);
  await page.evaluate(`window.__bench.arm(${kind === 'break'})`);
  await typeKeys(page, keys);
  const seen = (await page.evaluate('Promise.race([window.__bench.result(), new Promise((r) => setTimeout(() => r(null), 15000))])')) as { keys: number[]; shownAt: number } | null;
  if (seen === null) throw new Error(`${name}: the editor never showed the ${kind} burst's verdict`);
  const first = Math.min(...seen.keys);
  const last = Math.max(...seen.keys);
  const tasks = (await page.evaluate('window.__bench.longTasks')) as { start: number; duration: number }[];
  return { build: name, kind, ms: seen.shownAt - last, keys: seen.keys.length, longTasks: tasks.filter((t) => t.start + t.duration >= first && t.start <= seen.shownAt).map((t) => t.duration) };
}

function report(name: string, results: readonly Burst[]): void {
  const ms = results.map((r) => r.ms);
  const tasks = results.flatMap((r) => r.longTasks);
  const longest = tasks.length === 0 ? 0 : Math.max(...tasks);
  const of = (kind: string) => results.filter((r) => r.kind === kind).map((r) => r.ms);
  console.log(`${name}: verdict on screen after the last key, ${ms.length} bursts: median ${percentile(ms, 0.5).toFixed(0)} ms, p95 ${percentile(ms, 0.95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms  [goal p95 ≤ ${GOALS.p95Ms} ms: ${mark(percentile(ms, 0.95) <= GOALS.p95Ms)}]`);
  console.log(`  error appears (break): median ${percentile(of('break'), 0.5).toFixed(0)}, p95 ${percentile(of('break'), 0.95).toFixed(0)} ms; error goes (fix, full check, map and report redone): median ${percentile(of('fix'), 0.5).toFixed(0)}, p95 ${percentile(of('fix'), 0.95).toFixed(0)} ms`);
  console.log(`  main-thread long tasks while typing: ${tasks.length}, longest ${longest.toFixed(0)} ms  [goal none over ${GOALS.longTaskMs} ms: ${mark(longest <= GOALS.longTaskMs)}]`);
}

const out = mkdtempSync(join(tmpdir(), 'bench-workbench-'));
const builds = [{ name: 'this checkout', root: ROOT, port: PORT }, ...(against === undefined ? [] : [{ name: `against ${against}`, root: resolve(against), port: PORT + 1 }])];
for (const b of builds) build(b.root, join(out, String(b.port)));
const servers = builds.map((b) => serve(join(out, String(b.port)), b.port));
try {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const pages = [];
  for (const b of builds) pages.push(await open(browser, b.port));
  const counters = pages.map(() => 0);
  // Two bursts each to warm up (not counted).
  for (const [i, page] of pages.entries()) {
    await burst(page, 'break', counters[i]!++, builds[i]!.name);
    await burst(page, 'fix', counters[i]!++, builds[i]!.name);
  }
  const idleFrom = (await pages[0]!.evaluate('performance.now()')) as number;
  await pages[0]!.waitForTimeout(5000);
  const idleTasks = ((await pages[0]!.evaluate('window.__bench.longTasks')) as { start: number; duration: number }[]).filter((t) => t.start >= idleFrom).map((t) => t.duration);
  const results: Burst[] = [];
  for (let round = 0; results.length < BURSTS * builds.length; round += 1) {
    const order = round % 2 === 0 ? pages.map((_, i) => i) : pages.map((_, i) => pages.length - 1 - i);
    for (const i of order) {
      for (let k = 0; k < ROUND; k += 1) {
        const n = counters[i]!++;
        results.push(await burst(pages[i]!, n % 2 === 0 ? 'break' : 'fix', n, builds[i]!.name));
        await pages[i]!.waitForTimeout(PAUSES_MS[k % PAUSES_MS.length]!);
      }
    }
  }
  await browser.close();
  console.log(`${largest} (${lines.length} lines), typing at line ${lineIndex + 1}, a key every ${KEY_GAP_MS} ms, ${ROUND} bursts a round${builds.length > 1 ? ', rounds alternating which build goes first' : ''}:`);
  console.log(`  each burst ends with the one key that makes the line break (a closing quote) or mends it (a backslash); timed from that key's keydown time stamp to the first animation frame after the editor's error mark appears or goes; pauses after a burst cycle ${PAUSES_MS.map((p) => p / 1000).join(', ')} s; long tasks by PerformanceObserver from a burst's first key to its verdict on screen; production build, headless Chromium`);
  for (const b of builds) report(b.name, results.filter((r) => r.build === b.name));
  console.log(`  the first page left idle for 5 s: ${idleTasks.length} long tasks, longest ${(idleTasks.length === 0 ? 0 : Math.max(...idleTasks)).toFixed(0)} ms (the machine's own load; \`uptime\`: ${execFileSync('uptime', { encoding: 'utf8' }).trim()})`);
} finally {
  for (const s of servers) if (s.pid !== undefined) process.kill(-s.pid);
}
