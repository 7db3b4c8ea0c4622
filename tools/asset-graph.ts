/**
 * Which built files a page of dist/ loads: at once (the page's script, its module preloads and
 * stylesheets, which Vite lists in the HTML for every static import), or ever (following every
 * chunk, worker and lazy import a file names). The benchmarks use it to tell the game's first load
 * from code that only another page (the workbench) loads.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ASSET = /\/assets\/([\w.-]+\.(?:js|css))/g;

/** Asset file names the page's HTML loads straight away. */
export function firstLoad(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  return [...new Set([...html.matchAll(ASSET)].map((m) => m[1]!))];
}

/** Asset file names the page can ever load: the first load, then everything those files name. */
export function everLoaded(dist: string, page: string): Set<string> {
  const assets = readdirSync(join(dist, 'assets'));
  const seen = new Set(firstLoad(dist, page));
  const queue = [...seen];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(join(dist, 'assets', file), 'utf8');
    for (const other of assets) {
      if (!seen.has(other) && text.includes(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen;
}

export function gzipBytes(dist: string, files: Iterable<string>): number {
  let total = 0;
  for (const f of files) total += gzipSync(readFileSync(join(dist, 'assets', f))).length;
  return total;
}
