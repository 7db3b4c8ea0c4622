import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { callLibraryPlugin } from './tools/vite-call-library.ts';

export default defineConfig({
  // The shipped calls are checked and compiled at build time; the build fails on any error.
  plugins: [callLibraryPlugin()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The game, and the trainer's queue calculator with the shift preview (shift.html).
      input: { main: resolve(import.meta.dirname, 'index.html'), shift: resolve(import.meta.dirname, 'shift.html'), workbench: resolve(import.meta.dirname, 'workbench.html') },
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }],
        },
      },
    },
  },
});
