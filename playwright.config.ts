/**
 * Browser tests in Debian's Chromium (never a downloaded browser). Two projects: the game and the
 * classroom on the production build, and the development screens on their own test page.
 */
import { defineConfig } from '@playwright/test';

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
};
// Ports can be moved (PW_GAME_PORT, PW_DEVELOPMENT_PORT) so two checkouts can test side by side.
const GAME_PORT = Number(process.env.PW_GAME_PORT ?? 4173);
const DEVELOPMENT_PORT = Number(process.env.PW_DEVELOPMENT_PORT ?? 5199);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: { launchOptions: chromium },
  projects: [
    {
      name: 'game',
      testIgnore: 'development-*.spec.ts',
      use: { baseURL: `http://127.0.0.1:${GAME_PORT}`, viewport: { width: 1366, height: 900 } },
    },
    {
      name: 'development',
      testMatch: 'development-*.spec.ts',
      use: { baseURL: `http://127.0.0.1:${DEVELOPMENT_PORT}`, viewport: { width: 1000, height: 800 } },
    },
  ],
  webServer: [
    {
      command: `npx vite build --mode e2e && npx vite preview --port ${GAME_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${GAME_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `npx vite tests/e2e/fixtures --host 127.0.0.1 --port ${DEVELOPMENT_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEVELOPMENT_PORT}/development.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
