/**
 * A classroom end to end: a trainer creates and starts a session, a projector shows the code and the
 * leaderboard, three trainees join in their own browsers and finish calls, the leaderboard ranks
 * call quality, a reload keeps the score, a forged score is refused, and a server restart loses
 * nothing. The classroom pages are built with Vite into a temp folder and served by the real server.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer } from '../../src/server/classroom-server.ts';
import { checkScenarioText, type ScenarioLibrary } from '../../src/server/scenario-library.ts';
import { play, MINI_PATH } from '../unit/classroom/fixtures.ts';
import { buildClassroomPages } from '../../tools/classroom-build.ts';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'htl-classroom-e2e-'));
const dataDir = mkdtempSync(join(tmpdir(), 'htl-classroom-data-'));
let server: RunningClassroomServer;
let port = 0;

function library(): ScenarioLibrary {
  const checked = checkScenarioText(readFileSync(join(root, MINI_PATH), 'utf8'), 'mini-call.yaml');
  if (!checked.ok) throw new Error('mini-call fixture does not load');
  return { byHash: new Map([[checked.scenario.definition.hash, checked.scenario]]), skipped: [] };
}

async function startServer(): Promise<void> {
  server = await startClassroomServer({
    config: { port, host: '127.0.0.1', dataDir, retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 1000, sessionCreateBurst: 10, msPerDecision: 0 },
    staticDir: out,
    library: library(),
    pushIntervalMs: 100,
  });
  port = server.port;
}

test.beforeAll(async () => {
  await buildClassroomPages(root, out, true);
  await startServer();
});
test.afterAll(async () => {
  await server?.close();
});

async function traineeJoins(browser: Browser, code: string, nickname: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/classroom/join.html?join=${code}`);
  await page.getByLabel('Nickname').fill(nickname);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('#banner')).toHaveText(`Class ${code} · playing as ${nickname}`);
  // The game's own menu shows the class banner too: the trainee plays inside the real game.
  await expect(page.locator('#classroom-game .banner')).toHaveText(`Class ${code} · playing as ${nickname}`, { timeout: 20_000 });
  return page;
}

async function finishCall(page: Page, plan: 'best' | 'sloppyClose' | 'fatal'): Promise<void> {
  const played = play(plan);
  const run = { scenarioId: played.scorecard.scenarioId, scenarioHash: played.scorecard.scenarioHash, events: played.events };
  // As the game does: the call starts (the client fetches its ticket), then it finishes.
  await page.evaluate(async ({ run, card }) => {
    await window.__CLASSROOM__!.client.startCall(run.scenarioHash);
    window.__CLASSROOM__!.context.callFinished(run as never, card as never);
  }, { run, card: played.scorecard });
  await expect(page.locator('#submit-note')).toContainText('Call scored');
}

const leaderboardNames = (page: Page) => page.locator('#leaderboard tbody .nick').allTextContents();

test('a classroom session from creation to debrief, through a reload, a forgery and a restart', async ({ browser }) => {
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await trainer.goto(`${server.url}/classroom/trainer.html`);
  await trainer.getByLabel('Session name').fill('Monday cohort');
  await trainer.locator('#library input[data-id="mini-call"]').check();
  await trainer.getByRole('button', { name: 'Create session' }).click();
  await expect(trainer.locator('#manage')).toBeVisible();
  const code = (await trainer.locator('#code').textContent())!;
  expect(code).toMatch(/^[A-Z0-9]{7}$/);
  const key = new URLSearchParams(new URL(trainer.url()).hash.slice(1)).get('key')!;

  const projector = await trainerContext.newPage();
  await projector.goto(`${server.url}/classroom/projector.html?code=${code}`);
  await expect(projector.locator('#code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  await expect(projector.locator('#qr')).toBeVisible();

  const amy = await traineeJoins(browser, code, 'Amy');
  const bob = await traineeJoins(browser, code, 'Bob');
  const cat = await traineeJoins(browser, code, 'Cat');
  await expect(projector.locator('#players li')).toHaveText(['Amy', 'Bob', 'Cat']);
  await trainer.getByRole('button', { name: 'Start' }).click();
  await expect(trainer.locator('#status')).toHaveText('live');
  // Nobody has played yet: nobody has a place (item 18).
  await expect(projector.locator('#leaderboard tbody .rank')).toHaveText(['–', '–', '–']);

  await finishCall(bob, 'sloppyClose');
  await finishCall(cat, 'fatal');
  await finishCall(amy, 'best');
  await expect.poll(() => leaderboardNames(projector)).toEqual(['Amy', 'Bob', 'Cat']);
  const amyPlace = await amy.locator('#my-place').textContent();
  expect(amyPlace).toMatch(/^Place 1 · score/);

  // A reload rejoins with the token kept in the browser: same name, same score.
  await amy.reload();
  await expect(amy.locator('#banner')).toHaveText(`Class ${code} · playing as Amy`);
  await expect(amy.locator('#my-place')).toHaveText(amyPlace!);

  // A forged score is refused with a reason, and the leaderboard does not move.
  const forged = play('fatal');
  await bob.evaluate(async (s) => {
    const issued = (await window.__CLASSROOM__!.client.startCall(s.run.scenarioHash))!;
    window.__CLASSROOM__!.client.submitRaw({ ...s, ticket: issued.ticket, run: { ...s.run, seed: issued.seed } } as never);
  }, {
    submissionId: 'forged-submission-1',
    run: { scenarioId: forged.scorecard.scenarioId, scenarioHash: forged.scorecard.scenarioHash, events: forged.events },
    claimed: { qa: 100, csatStars: 5, ahtTotal: forged.scorecard.aht.total, fcr: 'yes' },
  });
  await expect(bob.locator('#submit-note')).toContainText("Call refused: the score sent does not match the server's replay");
  await expect.poll(() => leaderboardNames(projector)).toEqual(['Amy', 'Bob', 'Cat']);

  // The server restarts mid-session: screens reconnect and nothing is lost.
  await server.close();
  await startServer();
  await projector.reload();
  await expect.poll(() => leaderboardNames(projector), { timeout: 15_000 }).toEqual(['Amy', 'Bob', 'Cat']);
  await expect(amy.locator('#connection')).toHaveText('', { timeout: 15_000 });
  await finishCall(cat, 'best');
  await expect.poll(() => leaderboardNames(projector)).toEqual(['Amy', 'Cat', 'Bob']);

  // The debrief names the choice that broke compliance.
  const debrief = await trainerContext.newPage();
  await debrief.goto(`${server.url}/classroom/debrief.html?code=${code}#key=${key}`);
  await expect(debrief.locator('#mistakes li').first()).toContainText('Your balance is £42.10');
  await expect(debrief.locator('#team')).toContainText('4 calls');
  const download = debrief.waitForEvent('download');
  await debrief.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toBe(`class-${code}.csv`);

  // The team table is a real table: every heading sits over its own column (item 18).
  const heads = await debrief.locator('#people-table thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().left));
  const cells = await debrief.locator('#people-table tbody tr').first().locator('th, td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().left));
  expect(cells).toHaveLength(heads.length);
  cells.forEach((x, i) => expect(Math.abs(x - heads[i]!)).toBeLessThan(1));
  await debrief.screenshot({ path: 'test-results/classroom-debrief.png', fullPage: true });

  // A bot the trainer blocks is told, leaves the list, and cannot come back with its token (item 2).
  const bot = await traineeJoins(browser, code, 'Botty');
  await expect(trainer.locator('#players-list li[data-player]')).toHaveCount(4);
  trainer.once('dialog', (d) => void d.accept());
  await trainer.locator('#players-list li', { hasText: 'Botty' }).getByRole('button', { name: 'Block' }).click();
  await expect(trainer.locator('#players-list li[data-player]')).toHaveCount(3);
  await expect(bot.locator('#submit-note')).toContainText('removed you');
  await trainer.screenshot({ path: 'test-results/classroom-trainer.png', fullPage: true });
});
