/**
 * A trainee plays a real call through the game's own screens inside a classroom session: the game
 * reports the finished call through the PlayContext, the server replays and scores it, and the
 * leaderboard shows it with the fatal breach the trainee committed.
 */
import { test, expect } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer } from '../../src/server/classroom-server.ts';
import { loadScenarioLibrary } from '../../src/server/scenario-library.ts';
import { buildClassroomPages } from '../../tools/classroom-build.ts';
import { playSteps, startCall } from './helpers/play.ts';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'htl-classroom-game-'));
const ID = 'failed-idv-pushy-caller';
let server: RunningClassroomServer;

test.beforeAll(async () => {
  await buildClassroomPages(root, out, true);
  // The game itself, as built for the browser tests, so /?join=CODE opens the full game.
  if (existsSync(join(root, 'dist', 'index.html'))) cpSync(join(root, 'dist'), out, { recursive: true, force: false });
  server = await startClassroomServer({
    config: { port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'htl-classroom-gdata-')), retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 1000, sessionCreateBurst: 10, msPerDecision: 0 },
    staticDir: out,
    library: loadScenarioLibrary(join(root, 'scenarios')),
    pushIntervalMs: 100,
  });
});
test.afterAll(async () => {
  await server?.close();
});

test('a call played in the game is verified by the server and ranked', async ({ page, request }) => {
  const hash = [...server.library.byHash.values()].find((s) => s.definition.scenario.id === ID)!.definition.hash;
  const created = await (await request.post(`${server.url}/api/sessions`, { data: { title: 'Game class', scenarioHashes: [hash] } })).json();
  await request.post(`${server.url}/api/sessions/${created.code}/control`, { data: { action: 'start' }, headers: { 'x-trainer-key': created.trainerKey } });

  await page.goto(`${server.url}/classroom/join.html?join=${created.code}`);
  await page.getByLabel('Nickname').fill('Priya');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('button[data-scenario]')).toHaveCount(1);
  await startCall(page, ID);
  await playSteps(page, ['good afternoon, keelside', 'run through security', { idv: 'pass' }, "you're on £1,286.40", { wrap: { disposition: 'balance-enquiry', notes: 'Balance given.' } }]);
  await expect(page.locator('#submit-note')).toContainText('Call scored');
  await expect(page.locator('#my-place')).toContainText('Place 1');
  const board = await (await request.get(`${server.url}/api/sessions/${created.code}/leaderboard`)).json();
  expect(board.rows).toMatchObject([{ nickname: 'Priya', calls: 1, fatalCalls: 1 }]);
});

test('a trainer’s uploaded call reaches the trainee through /?join=CODE and is played and scored', async ({ page, request }) => {
  const text = readFileSync(join(root, 'tests/unit/core/fixtures/mini-call.yaml'), 'utf8')
    .replace('id: mini-call', 'id: class-upload-call')
    .replace('title: Mini call for engine tests', 'title: The trainer’s own call');
  const response = await request.post(`${server.url}/api/sessions`, { data: { title: 'Upload class', scenarioHashes: [], uploads: [{ file: 'my call.yaml', text }] } });
  expect(response.ok(), await response.text()).toBe(true);
  const created = await response.json();
  await request.post(`${server.url}/api/sessions/${created.code}/control`, { data: { action: 'start' }, headers: { 'x-trainer-key': created.trainerKey } });

  await page.goto(`${server.url}/?join=${created.code}`);
  await page.getByLabel('Nickname').fill('Tomasz');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('button[data-scenario]')).toHaveCount(1);
  await expect(page.locator('button[data-scenario="class-upload-call"]').locator('xpath=..')).toContainText('The trainer’s own call');
  await startCall(page, 'class-upload-call');
  await playSteps(page, ['good morning', { idv: 'pass' }, "i'll log this", "so that's the refund", { wrap: { disposition: 'billing-refund', notes: 'Refund done, reference C-1001' } }]);
  await expect(page.locator('#submit-note')).toContainText('Call scored');
  const board = await (await request.get(`${server.url}/api/sessions/${created.code}/leaderboard`)).json();
  expect(board.rows).toMatchObject([{ nickname: 'Tomasz', calls: 1, fatalCalls: 0 }]);
});
