/**
 * Builds the classroom's pages (classroom/*.html: trainer, projector, debrief, join) with Vite into
 * `outDir`/classroom, next to whatever the game's own build put there. Used by `npm start` and the
 * classroom's browser tests, so neither depends on vite.config.ts listing these pages.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { callLibraryPlugin } from './vite-call-library.ts';

export const CLASSROOM_PAGES = Object.freeze(['trainer', 'projector', 'debrief', 'join'] as const);

export async function buildClassroomPages(root: string, outDir: string, emptyOutDir = false): Promise<void> {
  const input = Object.fromEntries(CLASSROOM_PAGES.map((p) => [`classroom-${p}`, join(root, 'classroom', `${p}.html`)]));
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    // join.html runs the game, which needs the checked call library.
    plugins: [callLibraryPlugin()],
    build: { outDir, emptyOutDir, copyPublicDir: emptyOutDir, chunkSizeWarningLimit: 2000, rolldownOptions: { input } },
  });
}
