/**
 * Web benchmark on the production build in headless Chromium. It counts, chunk by chunk, the script
 * bytes (gzip, as the build wrote them) the browser fetched before the menu was interactive — what
 * a trainee waits for — with Phaser set apart (it loads behind the menu); then the Phaser chunk, the
 * time from navigation to an interactive menu (median of 5 loads) and frame times during a call,
 * and a check that the production build carries no test hooks. It also builds the same checkout
 * with the trainer's workbench left out and compares the game's files in both builds: the
 * workbench must cost the game's first load nothing.
 * Run: npm run bench:web [-- --root DIR] [-- --skip-build] (DIR: another checkout, to compare).
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { everLoaded, firstLoad as firstLoadFiles } from './asset-graph.ts';
import { buildWithoutWorkbench } from './build-without-workbench.ts';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const ROOT = rootArg >= 0 ? args[rootArg + 1]! : join(import.meta.dirname, '..');
const PORT = Number(process.env['BENCH_WEB_PORT'] ?? 4174);
const GOALS = { firstLoadKb: 150, menuMs: 1500, p95FrameMs: 20 };
const MENU_READY = 'button[data-scenario]';
const isPhaser = (file: string) => /^phaser[-.]/.test(file);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const kb = (n: number) => (n / 1024).toFixed(1);
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER GOAL');

if (!args.includes('--skip-build')) execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' });
const dist = join(ROOT, 'dist');
const gzipped = new Map<string, number>();
/** Gzip size of a built file, by its path under dist/ (what a server with compression sends). */
function gzipOf(path: string): number {
  let size = gzipped.get(path);
  if (size === undefined) {
    const file = join(dist, path);
    size = existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
    gzipped.set(path, size);
  }
  return size;
}

/** Opens the page and returns the scripts requested before the menu was interactive, and when that was. */
async function firstLoad(page: Page, url: string): Promise<{ scripts: string[]; menuMs: number }> {
  const scripts: string[] = [];
  let menuShown = false;
  page.on('request', (request) => {
    if (menuShown || request.resourceType() !== 'script') return;
    scripts.push(new URL(request.url()).pathname.slice(1));
  });
  await page.goto(url);
  await page.locator(MENU_READY).first().waitFor({ state: 'visible' });
  menuShown = true;
  const menuMs = await page.evaluate(() => performance.now());
  return { scripts: [...new Set(scripts)], menuMs };
}

/** The game's files (those its page loads at once, and every one it can ever load) in a build, with their gzip sizes. */
function gameFiles(dir: string): { first: Map<string, number>; ever: Set<string> } {
  const size = (f: string) => gzipSync(readFileSync(join(dir, 'assets', f)), { level: 9 }).length;
  return { first: new Map(firstLoadFiles(dir, 'index.html').filter((f) => f.endsWith('.js')).map((f) => [f, size(f)])), ever: everLoaded(dir, 'index.html') };
}
const sameSet = (a: Iterable<string>, b: Set<string>) => [...a].length === b.size && [...a].every((x) => b.has(x));
// The same checkout built without the workbench page: the game's files must come out the same
// (file names carry a hash of their content, so the same name is the same bytes).
const bare = mkdtempSync(join(tmpdir(), 'bench-web-no-workbench-'));
buildWithoutWorkbench(ROOT, bare);
const gameWith = gameFiles(dist);
const gameWithout = gameFiles(bare);
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** The production build must carry no test hooks (only `vite build --mode e2e` installs them). */
const hookFiles = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && /__HTL__|__CLASSROOM__/.test(readFileSync(join(dist, 'assets', f), 'utf8')));

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore', detached: true });
try {
  const url = `http://127.0.0.1:${PORT}/`;
  for (let i = 0; i < 100; i += 1) {
    try { if ((await fetch(url)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const loads: number[] = [];
  let scripts: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const load = await firstLoad(await context.newPage(), url);
    loads.push(load.menuMs);
    // Every load should fetch the same chunks; keep the largest set seen, to be safe.
    if (load.scripts.length > scripts.length) scripts = load.scripts;
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(MENU_READY).first().click();
  await page.keyboard.press('a');
  await page.waitForTimeout(1000);
  // A string, not a function: tsx would add helpers the page does not have.
  const frames = (await page.evaluate(`new Promise((resolve) => {
    const times = [];
    let last = performance.now();
    const started = last;
    const tick = (now) => {
      times.push(now - last);
      last = now;
      if (now - started < 4000) requestAnimationFrame(tick);
      else resolve(times.slice(1));
    };
    requestAnimationFrame(tick);
    const play = setInterval(() => document.querySelector('button.choice')?.click(), 500);
    setTimeout(() => clearInterval(play), 4000);
  })`)) as number[];
  await browser.close();

  const before = scripts.filter((s) => !isPhaser(s.split('/').pop()!)).map((s) => ({ file: s, bytes: gzipOf(s) })).sort((a, b) => b.bytes - a.bytes);
  const firstLoadBytes = before.reduce((sum, s) => sum + s.bytes, 0);
  const phaser = readdirSync(join(dist, 'assets')).filter((f) => isPhaser(f) && f.endsWith('.js')).map((f) => `assets/${f}`);
  const phaserEarly = phaser.filter((p) => scripts.includes(p));
  console.log(`scripts fetched before the menu was interactive (gzip -9, Phaser set apart), ${ROOT}:`);
  for (const s of before) console.log(`  ${kb(s.bytes).padStart(7)} KB  ${s.file}`);
  console.log(`first load, JS before the menu is interactive: ${kb(firstLoadBytes)} KB gzip in ${before.length} chunks  [goal ≤ ${GOALS.firstLoadKb} KB: ${mark(firstLoadBytes / 1024 <= GOALS.firstLoadKb)}]`);
  const sameFirst = sameSet(gameWith.first.keys(), new Set(gameWithout.first.keys()));
  const sameEver = sameSet(gameWith.ever, gameWithout.ever);
  console.log(`the game's first-load scripts as its HTML lists them (gzip -9), this build against the same checkout built without the workbench page:`);
  console.log(`  with the workbench: ${kb(total(gameWith.first))} KB in ${gameWith.first.size} files; without: ${kb(total(gameWithout.first))} KB in ${gameWithout.first.size} files; ${sameFirst ? 'the same files, byte for byte' : `DIFFERENT files (only with: ${[...gameWith.first.keys()].filter((f) => !gameWithout.first.has(f)).join(', ')})`}  [goal: no growth: ${mark(total(gameWith.first) <= total(gameWithout.first))}]`);
  console.log(`  every file the game can ever load (lazy chunks too): ${sameEver ? `the same ${gameWith.ever.size} files in both builds` : `${gameWith.ever.size} files with the workbench, ${gameWithout.ever.size} without, not the same`}`);
  console.log(`Phaser chunk (gzip): ${phaser.map((p) => `${kb(gzipOf(p))} KB`).join(', ')}; ${phaserEarly.length === 0 ? 'requested after the menu was ready' : 'requested before the menu was ready (not counted above)'}`);
  console.log(`test hooks in the production build: ${hookFiles.length === 0 ? 'none' : `FOUND in ${hookFiles.join(', ')}`}`);
  if (hookFiles.length > 0) process.exitCode = 1;
  console.log(`menu interactive, median of 5 loads: ${median(loads).toFixed(0)} ms  [goal ≤ ${GOALS.menuMs} ms: ${mark(median(loads) <= GOALS.menuMs)}]`);
  console.log(`frame time during a call: median ${median(frames).toFixed(1)} ms, p95 ${percentile(frames, 0.95).toFixed(1)} ms over ${frames.length} frames  [goal p95 ≤ ${GOALS.p95FrameMs} ms: ${mark(percentile(frames, 0.95) <= GOALS.p95FrameMs)}]`);
} finally {
  if (server.pid !== undefined) process.kill(-server.pid);
}
