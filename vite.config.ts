/**
 * The one build of every page: the game (index.html), the trainer's queue calculator (shift.html), the
 * classroom's pages (classroom/*.html) and, built apart, the trainer's workbench (workbench.html). `vite build --mode e2e` is the browser tests' build:
 * only it installs the test hooks (see src/main.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { callLibraryPlugin } from './tools/vite-call-library.ts';
import { CLASSROOM_PAGES } from './tools/classroom-pages.ts';

const root = import.meta.dirname;
const inputs: Record<string, string> = Object.fromEntries(Object.entries({
  main: resolve(root, 'index.html'),
  shift: resolve(root, 'shift.html'),
  ...Object.fromEntries(CLASSROOM_PAGES.map((p) => [`classroom-${p}`, resolve(root, 'classroom', `${p}.html`)])),
}).filter(([, path]) => existsSync(path)));
/** The trainer's workbench: its code loads only when the page is opened. */
const workbench = resolve(root, 'workbench.html');

export default defineConfig(({ command }) => ({
  // The shipped calls are checked and compiled at build time; the build fails on any error.
  plugins: [callLibraryPlugin()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }],
        },
      },
    },
  },
  // `vite build` builds each environment in turn into the same dist/: first every page but the
  // workbench, then the workbench on its own. Built apart, the workbench shares no chunk with the
  // game, so the game's chunks (its first load) are byte for byte what they are without it
  // (`npm run bench:web` compares). The dev server serves every page as one.
  builder: {},
  environments: {
    client: { build: { rolldownOptions: { input: command === 'build' ? inputs : { ...inputs, workbench } } } },
    ...(command === 'build' && existsSync(workbench)
      ? { workbench: { consumer: 'client' as const, build: { emptyOutDir: false, rolldownOptions: { input: { workbench } } } } }
      : {}),
  },
}));
