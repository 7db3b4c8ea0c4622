/**
 * The one build of every page: the game (index.html), the trainer's queue calculator (shift.html), the workbench
 * and the classroom's pages (classroom/*.html). `vite build --mode e2e` is the browser tests' build:
 * only it installs the test hooks (see src/main.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { callLibraryPlugin } from './tools/vite-call-library.ts';
import { CLASSROOM_PAGES } from './tools/classroom-pages.ts';

const root = import.meta.dirname;
const pages: Record<string, string> = {
  main: resolve(root, 'index.html'),
  shift: resolve(root, 'shift.html'),
  // The trainer's workbench: its code loads only when the page is opened.
  workbench: resolve(root, 'workbench.html'),
  ...Object.fromEntries(CLASSROOM_PAGES.map((p) => [`classroom-${p}`, resolve(root, 'classroom', `${p}.html`)])),
};

export default defineConfig({
  // The shipped calls are checked and compiled at build time; the build fails on any error.
  plugins: [callLibraryPlugin()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      input: Object.fromEntries(Object.entries(pages).filter(([, path]) => existsSync(path))),
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }],
        },
      },
    },
  },
});
