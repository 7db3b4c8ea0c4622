/**
 * Builds every page (the game, shift.html and the classroom's pages) with the project's one Vite
 * config into `outDir`. Used by the classroom's browser tests (mode `e2e`, with the test hooks)
 * and by `npm start` when only a build into another folder is wanted.
 */
import { join } from 'node:path';
import { build } from 'vite';

export { CLASSROOM_PAGES } from './classroom-pages.ts';

export async function buildClassroomPages(root: string, outDir: string, emptyOutDir = false, mode = 'e2e'): Promise<void> {
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    mode,
    logLevel: 'warn',
    build: { outDir, emptyOutDir },
  });
}
