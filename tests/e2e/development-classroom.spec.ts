/**
 * The classroom pages in the game's design: trainer (setup and a live session), projector, join and
 * debrief, each with a finished call on the board, checked with axe in screen and print media and
 * photographed at 1000 px and at 200 % zoom. The pages are built with Vite into a temp folder and
 * served by the real classroom server.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer } from '../../src/server/classroom-server.ts';
import { checkScenarioText, type ScenarioLibrary } from '../../src/server/scenario-library.ts';
import { play, MINI_PATH } from '../unit/classroom/fixtures.ts';
import { buildClassroomPages } from '../../tools/classroom-build.ts';
import { expectAccessible } from './development-axe.ts';
import { shoot } from './development-shots.ts';

// The classroom server sends a Content-Security-Policy (script-src 'self'); the test injects axe
// itself, so the browser is told to let the test's own script in. The pages are not changed.
test.use({ bypassCSP: true });

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'htl-dev-classroom-'));
const dataDir = mkdtempSync(join(tmpdir(), 'htl-dev-classroom-data-'));
let server: RunningClassroomServer;

function library(): ScenarioLibrary {
  const checked = checkScenarioText(readFileSync(join(root, MINI_PATH), 'utf8'), 'mini-call.yaml');
  if (!checked.ok) throw new Error('mini-call fixture does not load');
  return { byHash: new Map([[checked.scenario.definition.hash, checked.scenario]]), skipped: [] };
}

test.beforeAll(async () => {
  await buildClassroomPages(root, out, true);
  server = await startClassroomServer({
    config: { port: 0, host: '127.0.0.1', dataDir, retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 1000, sessionCreateBurst: 10, msPerDecision: 0 },
    staticDir: out,
    library: library(),
    pushIntervalMs: 100,
  });
});
test.afterAll(async () => {
  await server?.close();
});

async function check(page: Page, what: string, shot: string): Promise<void> {
  await expectAccessible(page, what, 'body');
  await shoot(page, shot);
  await page.emulateMedia({ media: 'print' });
  await expectAccessible(page, `${what} (print)`, 'body');
  await page.emulateMedia({ media: 'screen', forcedColors: 'active' });
  await expectAccessible(page, `${what} (forced colours)`, 'body');
  await page.emulateMedia({ media: 'screen', forcedColors: 'none' });
}

test('every classroom page passes axe, dark, print and forced colours', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const trainer = await context.newPage();
  await trainer.goto(`${server.url}/classroom/trainer.html`);
  await expect(trainer.locator('#library input[data-id="mini-call"]')).toBeVisible();
  await check(trainer, 'trainer setup', 'class-1-trainer-setup');
  await trainer.getByLabel('Session name').fill('Monday cohort');
  await trainer.locator('#library input[data-id="mini-call"]').check();
  await trainer.getByRole('button', { name: 'Create session' }).click();
  await expect(trainer.locator('#manage')).toBeVisible();
  const code = (await trainer.locator('#code').textContent())!;
  const key = new URLSearchParams(new URL(trainer.url()).hash.slice(1)).get('key')!;

  const trainee = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
  await trainee.goto(`${server.url}/classroom/join.html?join=${code}`);
  await expect(trainee.getByLabel('Nickname')).toBeVisible();
  await check(trainee, 'join', 'class-2-join');
  await trainee.getByLabel('Nickname').fill('Amy');
  await trainee.getByRole('button', { name: 'Join' }).click();
  await expect(trainee.locator('#banner')).toContainText('playing as Amy');
  await trainer.getByRole('button', { name: 'Start' }).click();
  await expect(trainer.locator('#status')).toHaveText('live');
  const played = play('fatal');
  // As the game does: the call starts (the client fetches its ticket and seed), then it finishes.
  await trainee.evaluate(async ({ run, card }) => {
    await window.__CLASSROOM__!.client.startCall(run.scenarioHash);
    window.__CLASSROOM__!.context.callFinished(run as never, card as never);
  }, {
    run: { scenarioId: played.scorecard.scenarioId, scenarioHash: played.scorecard.scenarioHash, events: played.events }, card: played.scorecard,
  });
  await expect(trainee.locator('#submit-note')).toContainText('Call scored');
  await check(trainee, 'trainee in the class', 'class-3-trainee');
  await check(trainer, 'trainer, live session', 'class-4-trainer-live');

  const projector = await context.newPage();
  await projector.goto(`${server.url}/classroom/projector.html?code=${code}`);
  await expect(projector.locator('#leaderboard tbody tr')).toHaveCount(1);
  await check(projector, 'projector', 'class-5-projector');

  const debrief = await context.newPage();
  await debrief.goto(`${server.url}/classroom/debrief.html?code=${code}#key=${key}`);
  await expect(debrief.locator('#mistakes li').first()).toBeVisible();
  await check(debrief, 'debrief', 'class-6-debrief');
  await context.close();
});
