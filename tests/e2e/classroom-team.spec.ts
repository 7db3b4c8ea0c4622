/**
 * Team mode and peer review end to end: a trainer runs a class of three as one team; the
 * projector's shared wallboard (not the leaderboard) moves its service level as each verified call
 * arrives; the trainer asks for peer reviews; one trainee reviews a classmate's call, and the review
 * shows in that classmate's development plan and portfolio; a GROW note from the trainer does too;
 * the debrief shows the team view. The classroom pages are built into a temp folder and served by
 * the real server; the call is the mini call with a tight handle-time target, so the class runs
 * over target and the queue feels it.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer } from '../../src/server/classroom-server.ts';
import { buildClassroomPages } from '../../tools/classroom-build.ts';
import { playTight, tightLibrary } from '../unit/team/tight-call.ts';

test.describe.configure({ mode: 'serial', timeout: 420_000 });

const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'htl-team-e2e-'));
const dataDir = mkdtempSync(join(tmpdir(), 'htl-team-data-'));
const shots = process.env.TEAM_SHOTS ?? mkdtempSync(join(tmpdir(), 'htl-team-shots-'));
let server: RunningClassroomServer;

test.beforeAll(async () => {
  await buildClassroomPages(root, out, true);
  server = await startClassroomServer({
    config: { port: 0, host: '127.0.0.1', dataDir, retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 1000, sessionCreateBurst: 10, msPerDecision: 0 },
    staticDir: out,
    library: tightLibrary,
    pushIntervalMs: 100,
  });
});
test.afterAll(async () => {
  await server?.close();
});

async function traineeJoins(browser: Browser, code: string, nickname: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
  await page.goto(`${server.url}/classroom/join.html?join=${code}`);
  await page.getByLabel('Nickname').fill(nickname);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('#banner')).toHaveText(`Class ${code} · playing as ${nickname}`);
  await expect(page.locator('#classroom-game .banner')).toBeVisible({ timeout: 30_000 });
  return page;
}

async function finishCall(page: Page, plan: 'best' | 'sloppyClose' | 'fatal'): Promise<void> {
  const played = playTight(plan);
  const run = { scenarioId: played.scorecard.scenarioId, scenarioHash: played.scorecard.scenarioHash, events: played.events };
  await page.evaluate(async ({ run, card }) => {
    await window.__CLASSROOM__!.client.startCall(run.scenarioHash);
    window.__CLASSROOM__!.context.callFinished(run as never, card as never);
  }, { run, card: played.scorecard });
  await expect(page.locator('#submit-note')).toContainText('Call scored');
}

test('a class of three as one team: the wallboard moves with their calls, and a peer review reaches a classmate’s plan and portfolio', async ({ browser }) => {
  const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const trainer = await staff.newPage();
  await trainer.goto(`${server.url}/classroom/trainer.html`);
  await trainer.getByLabel('Session name').fill('Team Tuesday');
  await trainer.locator('#library input[data-id="mini-call"]').check();
  await trainer.getByRole('button', { name: 'Create session' }).click();
  await expect(trainer.locator('#manage')).toBeVisible();
  const code = (await trainer.locator('#code').textContent())!;
  const key = new URLSearchParams(new URL(trainer.url()).hash.slice(1)).get('key')!;
  const projector = await staff.newPage();
  await projector.goto(`${server.url}/classroom/projector.html?code=${code}`);

  const amy = await traineeJoins(browser, code, 'Amy');
  const ben = await traineeJoins(browser, code, 'Ben');
  const cal = await traineeJoins(browser, code, 'Cal');
  await trainer.getByRole('button', { name: 'Start' }).click();

  // The trainer turns team mode on, with two teams, no individual leaderboard, and names shown in reviews.
  await trainer.getByLabel('Run this session as one team').check();
  await trainer.getByLabel('Teams in the class').fill('2');
  await trainer.getByLabel('Show the individual leaderboard').uncheck();
  await trainer.getByLabel('Names in peer reviews').selectOption('shown');
  await trainer.getByRole('button', { name: 'Save team settings' }).click();
  await expect(trainer.locator('#team-saved')).toHaveText('Saved.');
  await expect(projector.locator('#team-section')).toBeVisible();
  await expect(projector.locator('#leaderboard-section')).toBeHidden();
  await expect(projector.locator('[data-tile="sl"] .tile-value')).toHaveText('–');
  await expect(amy.locator('#my-place')).toBeHidden();

  // Each verified call moves the class's service level on the projector.
  const levels: string[] = [];
  for (const [i, [page, plan]] of ([[amy, 'best'], [ben, 'sloppyClose'], [cal, 'best']] as const).entries()) {
    await finishCall(page, plan);
    await expect(projector.locator('#team-board')).toHaveAttribute('data-seq', String(i + 1));
    levels.push((await projector.locator('[data-tile="sl"] .tile-value').textContent())!);
  }
  expect(levels.every((l) => /^\d+%$/.test(l))).toBe(true);
  expect(new Set(levels).size).toBeGreaterThan(1);
  // Over their handle-time target, the class pulls the queue under the huddle's 80 %.
  await expect(projector.locator('[data-tile="sl"]')).toHaveClass(/off-target/);
  await expect(projector.locator('#team-standings tbody tr')).toHaveCount(2);
  await expect(amy.locator('#team-line')).toContainText('Team service level');
  await projector.screenshot({ path: join(shots, 'team-projector.png'), fullPage: true });
  await projector.setViewportSize({ width: 640, height: 800 });
  await projector.evaluate(() => (document.body.style.zoom = '2'));
  await projector.screenshot({ path: join(shots, 'team-projector-zoom.png'), fullPage: true });

  // Peer review: Amy reviews Ben's call.
  await trainer.getByRole('button', { name: 'Ask each trainee to review a classmate’s call' }).click();
  await expect(trainer.locator('#reviews-status')).toHaveText('3 review(s) asked for.');
  const panel = amy.locator('.peer-review');
  await expect(panel.getByRole('heading', { name: 'Review Ben’s call' })).toBeVisible();
  await panel.getByRole('button', { name: 'Send my review' }).click();
  await expect(panel.getByRole('alert')).toContainText('choose what it is about');
  await panel.getByLabel('What went well').fill('You greeted Dana warmly and <b>used her name</b>.');
  await panel.locator('select').first().selectOption({ index: 1 });
  await panel.getByLabel('Even better if…').fill('Even better if you summarised the refund before closing.');
  await panel.locator('select').nth(1).selectOption({ index: 2 });
  await amy.screenshot({ path: join(shots, 'peer-review.png'), fullPage: true });
  await amy.setViewportSize({ width: 640, height: 800 });
  await amy.evaluate(() => (document.body.style.zoom = '2'));
  await amy.screenshot({ path: join(shots, 'peer-review-zoom.png'), fullPage: true });
  await amy.evaluate(() => (document.body.style.zoom = ''));
  await amy.setViewportSize({ width: 1100, height: 900 });
  await panel.getByRole('button', { name: 'Send my review' }).click();
  await expect(amy.getByText('Thank you: your review was sent.')).toBeVisible();
  await expect(ben.locator('#feedback-note')).toHaveText('New feedback from a classmate is in your development plan.');

  // The trainer sees it, and coaches Ben with GROW on his call.
  await expect(trainer.locator('#reviews .review-item')).toHaveCount(1, { timeout: 15_000 });
  await expect(trainer.locator('#reviews .review-item strong')).toContainText('Amy reviewed Ben’s call');
  await trainer.locator('#coach-player').selectOption({ label: 'Ben' });
  await expect(trainer.locator('#coach-about option')).toHaveCount(2, { timeout: 15_000 });
  await trainer.locator('#coach-about').selectOption({ index: 1 });
  await trainer.getByLabel('Goal — what do they want to achieve?').fill('Close every call with a short summary');
  await trainer.getByLabel('Reality — what happened on the call?').fill('You said goodbye before confirming the refund');
  await trainer.getByLabel('Options — what could they try?').fill('Use the summary line; read back the reference');
  await trainer.getByLabel('Will — what will they do next, and when?').fill('Summarise on each of the next three calls');
  await trainer.locator('#coach-section').selectOption('closing');
  await trainer.getByRole('button', { name: 'Send coaching note' }).click();
  await expect(trainer.locator('#coach-status')).toHaveText('Coaching note sent to Ben.');
  await expect(ben.locator('#feedback-note')).toHaveText('New feedback from your trainer is in your development plan.');
  await trainer.screenshot({ path: join(shots, 'team-trainer.png'), fullPage: true });

  // Ben's plan lists both, as text; his portfolio prints them.
  await ben.getByRole('button', { name: 'My development plan' }).click();
  const list = ben.getByTestId('feedback-list');
  await expect(list).toContainText('Peer feedback from Amy');
  await expect(list).toContainText('<b>used her name</b>');
  await expect(list).toContainText('Goal: Close every call with a short summary');
  await expect(list.locator('b')).toHaveCount(0);
  await expect(ben.getByText('from the classroom').first()).toBeVisible();
  await ben.screenshot({ path: join(shots, 'peer-review-in-plan.png'), fullPage: true });
  await ben.getByRole('button', { name: 'Portfolio report' }).click();
  await expect(ben.locator('#pf-feedback')).toContainText('Even better if');
  await expect(ben.locator('#pf-feedback')).toContainText('Will: Summarise on each of the next three calls');

  // The trainer hides the review: Ben's copy says it was withdrawn.
  await trainer.locator('#reviews .review-item').getByRole('button', { name: 'Hide' }).click();
  await expect(trainer.locator('#reviews .review-item strong')).toContainText('(hidden)');

  // The debrief's team view.
  const debrief = await staff.newPage();
  await debrief.goto(`${server.url}/classroom/debrief.html?code=${code}#key=${key}`);
  await expect(debrief.locator('#team-view h2')).toHaveText('The team view: what moved the team’s numbers');
  await expect(debrief.locator('#team-debrief-standings tbody tr')).toHaveCount(2);
  await debrief.screenshot({ path: join(shots, 'team-debrief.png'), fullPage: true });
  await staff.close();
});
