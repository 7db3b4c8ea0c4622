/**
 * What the classroom browser specs share: a classroom server on a free port serving freshly built
 * classroom pages (and the game's build when there is one) with a given call library, copies of
 * the engine tests' mini call under other ids, and a page's screenshots at other window sizes.
 */
import type { Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer } from '../../../src/server/classroom-server.ts';
import { loadScenarioLibrary } from '../../../src/server/scenario-library.ts';
import { buildClassroomPages } from '../../../tools/classroom-build.ts';
import { screenshot } from './play.ts';

export const root = join(import.meta.dirname, '..', '..', '..');
const MINI = readFileSync(join(root, 'tests/unit/core/fixtures/mini-call.yaml'), 'utf8');

/** The mini call's text with another id and title. */
export const renamed = (id: string, title: string): string =>
  MINI.replace('id: mini-call', `id: ${id}`).replace('title: Mini call for engine tests', `title: ${title}`);

/** The rest of the mini call played well, after the trainee picks it up. */
export const REST = ['good morning', { idv: 'pass' as const }, "I'll log this", "So that's the refund", { wrap: { disposition: 'billing-refund', notes: 'Refund of duplicate done, reference C-1001' } }];

/** Builds the pages into a fresh folder and starts a server on them with the calls in `libraryDir`. */
export async function startPagesServer(name: string, libraryDir: string): Promise<RunningClassroomServer> {
  const out = mkdtempSync(join(tmpdir(), `htl-${name}-`));
  await buildClassroomPages(root, out, true);
  if (existsSync(join(root, 'dist', 'index.html'))) cpSync(join(root, 'dist'), out, { recursive: true, force: false });
  return startClassroomServer({
    config: { port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), `htl-${name}-data-`)), retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 1000, sessionCreateBurst: 20, msPerDecision: 0 },
    staticDir: out,
    library: loadScenarioLibrary(libraryDir),
    pushIntervalMs: 100,
  });
}

/** The page at each size in turn (640×400 is a 1280×800 window at 200 % zoom), then as it was. */
export async function shotsAt(page: Page, name: string, sizes: readonly (readonly [number, number, string])[]): Promise<void> {
  const size = page.viewportSize()!;
  for (const [width, height, label] of sizes) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${label}`);
  }
  await page.setViewportSize(size);
}
export const TABLET_AND_ZOOM = [[1024, 600, '1024x600'], [640, 400, '200pc']] as const;
export const DESKTOP_TABLET_AND_ZOOM = [[1280, 800, '1280x800'], ...TABLET_AND_ZOOM] as const;
