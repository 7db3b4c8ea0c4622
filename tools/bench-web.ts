/**
 * Web benchmark on the production build in headless Chromium: gzip size of the app code and of the
 * Phaser chunk, median time from navigation to an interactive menu (5 loads), and the median and
 * 95th-percentile frame time during a call (with the drawn desk scene on screen), and whether the
 * Phaser chunk waits for the menu. Run: npx tsx tools/bench-web.ts
 */
import { execSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { everLoaded } from './asset-graph.ts';

const ROOT = join(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_WEB_PORT ?? 4174);
const GOALS = { appKb: 150, menuMs: 1500, p95FrameMs: 20 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' });
const assets = join(ROOT, 'dist', 'assets');
let app = 0;
let phaser = 0;
let content = 0;
// Code only the trainer's workbench loads is measured by bench:workbench, not counted as the game's.
const gamePages = new Set([...everLoaded(join(ROOT, 'dist'), 'index.html'), ...everLoaded(join(ROOT, 'dist'), 'shift.html')]);
for (const file of readdirSync(assets).filter((f) => f.endsWith('.js') && gamePages.has(f))) {
  const size = gzipSync(readFileSync(join(assets, file))).length;
  if (file.startsWith('phaser')) phaser += size;
  else if (file.startsWith('load-') || file.startsWith('yaml')) content += size;
  else app += size;
}

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore', detached: true });
try {
  const url = `http://127.0.0.1:${PORT}/`;
  for (let i = 0; i < 50; i += 1) {
    try { if ((await fetch(url)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const loads: number[] = [];
  /** How long after the menu was usable the Phaser chunk started to load (negative: before it). */
  const phaserAfterMenu: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    // The moment the first call button appears, taken in the page (not after a round trip to it).
    await page.addInitScript(`new MutationObserver((_, o) => {
      if (document.querySelector('button[data-scenario]')) { window.__menuAt = performance.now(); o.disconnect(); }
    }).observe(document, { childList: true, subtree: true });`);
    await page.goto(url);
    await page.locator('button[data-scenario]').first().waitFor({ state: 'visible' });
    const menu = (await page.evaluate('window.__menuAt')) as number;
    loads.push(menu);
    await page.waitForFunction(`performance.getEntriesByType('resource').some((e) => /\\/phaser[^/]*\\.js$/.test(e.name))`, undefined, { timeout: 20_000 });
    const phaserStart = (await page.evaluate(`performance.getEntriesByType('resource').find((e) => /\\/phaser[^/]*\\.js$/.test(e.name)).startTime`)) as number;
    phaserAfterMenu.push(phaserStart - menu);
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('button[data-scenario]').first().click();
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
  const kb = (n: number) => (n / 1024).toFixed(1);
  const mark = (ok: boolean) => (ok ? 'ok' : 'OVER GOAL');
  console.log(`app code (gzip, without Phaser): ${kb(app)} KB  [goal ≤ ${GOALS.appKb} KB: ${mark(app / 1024 <= GOALS.appKb)}]`);
  console.log(`Phaser chunk (gzip): ${kb(phaser)} KB`);
  console.log(`scenario library text (gzip, content not code): ${kb(content)} KB`);
  console.log(`menu interactive, median of 5 loads: ${median(loads).toFixed(0)} ms  [goal ≤ ${GOALS.menuMs} ms: ${mark(median(loads) <= GOALS.menuMs)}]`);
  const earliest = Math.min(...phaserAfterMenu);
  console.log(`Phaser chunk starts loading after the menu is usable: earliest ${earliest.toFixed(0)} ms after it over 5 loads  [goal: after the menu: ${mark(earliest >= 0)}]`);
  console.log(`frame time during a call: median ${median(frames).toFixed(1)} ms, p95 ${percentile(frames, 0.95).toFixed(1)} ms over ${frames.length} frames  [goal p95 ≤ ${GOALS.p95FrameMs} ms: ${mark(percentile(frames, 0.95) <= GOALS.p95FrameMs)}]`);
} finally {
  if (server.pid !== undefined) process.kill(-server.pid);
}
