/** Playwright for the development screens, served from their own test page (tests/e2e/fixtures). */
import { defineConfig } from '@playwright/test';

const PORT = 5199;

export default defineConfig({
  testDir: '.',
  testMatch: 'development-*.spec.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/development',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1000, height: 800 },
  },
  webServer: {
    command: `npx vite tests/e2e/fixtures --host 127.0.0.1 --port ${PORT} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}/development.html`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
