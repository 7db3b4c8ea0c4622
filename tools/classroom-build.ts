/**
 * Builds every page (the game, shift.html, the classroom's pages and the workbench) with the project's one Vite
 * config into `outDir`. Used by the classroom's browser tests (mode `e2e`, with the test hooks)
 * and by `npm start` when only a build into another folder is wanted.
 */
import { join } from 'node:path';
import { createBuilder } from 'vite';

export { CLASSROOM_PAGES } from './classroom-pages.ts';

export async function buildClassroomPages(root: string, outDir: string, emptyOutDir = false, mode = 'e2e'): Promise<void> {
  // Every environment of the config, as `vite build` does: the game's pages, then the workbench built apart.
  const builder = await createBuilder({
    root,
    configFile: join(root, 'vite.config.ts'),
    mode,
    logLevel: 'warn',
    build: { outDir, emptyOutDir },
  });
  await builder.buildApp();
}
