/**
 * The trainer's classroom choices, end to end on a real classroom server:
 * - a session's calls that the page's own build does not hold still reach the trainee's menu
 *   (before the fix, the menu said "No call matches these filters");
 * - the trainer picks live pace on the session form; the trainee's strip and settings say so, the
 *   call is played at live pace whatever the trainee's own setting, the server counts it, and the
 *   debrief says "live pace";
 * - the trainer adds the call being edited in the workbench to the running session: the trainer's
 *   page lists it at once, and it is on the trainee's menu at once, without a reload.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningClassroomServer } from '../../src/server/classroom-server.ts';
import { playSteps, rateYourselfIfAsked, screenshot, startCall } from './helpers/play.ts';
import { seriousViolations } from './helpers/axe.ts';
import { REST, renamed, shotsAt, startPagesServer, TABLET_AND_ZOOM } from './helpers/classroom-pages.ts';

test.describe.configure({ mode: 'serial', timeout: 150_000 });

let server: RunningClassroomServer;

test.beforeAll(async () => {
  // The server's library holds a call this build of the pages does not (a newer library on the server).
  const library = mkdtempSync(join(tmpdir(), 'htl-classroom-lib-'));
  writeFileSync(join(library, 'server-only.yaml'), renamed('server-only-call', 'A call only the server has'));
  server = await startPagesServer('classroom-pace', library);
});
test.afterAll(async () => {
  await server?.close();
});

/** The page again on a 1024×600 tablet and at 640×400 (a 1280×800 window at 200 % zoom). */
const zoomedShot = (page: Page, name: string) => shotsAt(page, name, TABLET_AND_ZOOM);

async function joinClass(page: Page, code: string, nickname: string): Promise<void> {
  await page.goto(`${server.url}/classroom/join.html?join=${code}`);
  await page.getByLabel('Nickname').fill(nickname);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('[data-screen="menu"]')).toBeVisible({ timeout: 30_000 });
}

test('a session call the page’s build does not hold is on the trainee’s menu, not “No call matches”', async ({ page, request }) => {
  const hash = [...server.library.byHash.values()][0]!.definition.hash;
  const created = await (await request.post(`${server.url}/api/sessions`, { data: { title: 'Server library', scenarioHashes: [hash] } })).json();
  await request.post(`${server.url}/api/sessions/${created.code}/control`, { data: { action: 'start' }, headers: { 'x-trainer-key': created.trainerKey } });
  await joinClass(page, created.code, 'Lena');
  await expect(page.locator('li.empty')).toHaveCount(0);
  await expect(page.locator('button[data-scenario]')).toHaveCount(1);
  await expect(page.locator('button[data-scenario="server-only-call"]').locator('xpath=..')).toContainText('A call only the server has');
  await expect(page.getByTestId('session-note')).toBeHidden();
  await screenshot(page, 'classroom-server-only-call-menu');

  // When the file this browser gets does not load as the call the server checked, the trainee is told what to do.
  const other = await page.context().newPage();
  await other.route('**/api/sessions/*/scenarios/*', (route) => route.fulfill({ json: { file: 'server-only.yaml', text: renamed('server-only-call', 'Changed on the way') } }));
  await other.goto(`${server.url}/classroom/join.html?join=${created.code}`);
  await expect(other.locator('[data-screen="menu"]')).toBeVisible({ timeout: 30_000 });
  await expect(other.locator('button[data-scenario]')).toHaveCount(0);
  await expect(other.getByTestId('session-note')).toContainText('This class’s call could not be loaded in this browser. Reload the page; if it is still missing, tell your trainer');
  // Said once to a screen reader as the menu opens (the note itself is not a live region).
  await expect(other.getByTestId('announcer')).toContainText('This class’s call could not be loaded in this browser.');
  await expect(other.locator('li.empty')).toHaveText('No calls to show here yet.');
  await expect(other.getByTestId('career')).not.toContainText('You have handled every open call well');
  await screenshot(other, 'classroom-call-missing-note');
  await zoomedShot(other, 'classroom-call-missing-note');
  await other.close();
});

test('the trainer picks live pace; the trainee plays at live pace; the debrief says so', async ({ browser }) => {
  const trainer = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await trainer.goto(`${server.url}/classroom/trainer.html`);
  await trainer.locator('#title').fill('Live pace practice');
  await trainer.locator('#upload').setInputFiles({ name: 'pace-call.yaml', mimeType: 'text/yaml', buffer: Buffer.from(renamed('pace-call', 'Refund under pressure')) });
  await expect(trainer.locator('#upload-report')).toContainText('is ready');
  await trainer.getByRole('radio', { name: /Live pace/ }).check();
  await screenshot(trainer, 'classroom-trainer-pace-choice');
  await zoomedShot(trainer, 'classroom-trainer-pace-choice');
  await trainer.getByRole('button', { name: 'Create session' }).click();
  await expect(trainer.locator('#manage')).toBeVisible();
  await expect(trainer.locator('#pace-note')).toContainText('Live pace');
  await expect(trainer.locator('#session-calls')).toContainText('Refund under pressure');
  const code = (await trainer.locator('#code').textContent())!;
  await trainer.getByRole('button', { name: 'Start' }).click();
  await expect(trainer.locator('#status')).toHaveText('live');

  // The trainee's own setting is untimed: the session's pace wins, and the page says so.
  const trainee = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await trainee.addInitScript(() => localStorage.setItem('htl.settings.v1', JSON.stringify({ muted: true, volume: 0.5, readAloud: false, livePace: false })));
  await joinClass(trainee, code, 'Mo');
  await expect(trainee.locator('#session-pace')).toHaveAttribute('data-pace', 'live');
  await expect(trainee.locator('#session-pace')).toContainText('Live pace, set by your trainer');
  await expect(trainee.locator('#live-pace')).toBeChecked();
  await expect(trainee.locator('#live-pace')).toBeDisabled();
  await screenshot(trainee, 'classroom-trainee-live-pace-menu');
  await zoomedShot(trainee, 'classroom-trainee-live-pace-menu');
  await startCall(trainee, 'pace-call');
  await trainee.keyboard.press('a');
  await expect(trainee.getByTestId('customer-line')).toContainText('Are you still there?', { timeout: 25_000 });
  await screenshot(trainee, 'classroom-trainee-live-pace-call');
  await playSteps(trainee, REST, false);
  const results = trainee.locator('[data-screen="results"]');
  if (!(await results.isVisible())) await rateYourselfIfAsked(trainee).catch(() => undefined);
  await expect(results).toBeVisible({ timeout: 20_000 });
  await expect(trainee.getByTestId('pace')).toHaveAttribute('data-pace', 'live');
  await expect(trainee.locator('#submit-note')).toContainText('Call scored', { timeout: 20_000 });

  const key = new URLSearchParams(new URL(trainer.url()).hash.slice(1)).get('key')!;
  const debrief = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await debrief.goto(`${server.url}/classroom/debrief.html?code=${code}#key=${key}`);
  await expect(debrief.getByTestId('session-pace')).toContainText('live pace');
  await expect(debrief.locator('#people')).toContainText('Mo');
  await screenshot(debrief, 'classroom-debrief-live-pace');
  await zoomedShot(debrief, 'classroom-debrief-live-pace');
  await Promise.all([trainer.close(), trainee.close(), debrief.close()]);
});

test('the workbench adds the call being edited to a running session; trainer and trainee see it', async ({ browser }) => {
  const trainer = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const created = await (await trainer.request.post(`${server.url}/api/sessions`, { data: { title: 'Growing class', uploads: [{ file: 'first.yaml', text: renamed('first-call', 'The first call') }] } })).json();
  await trainer.request.post(`${server.url}/api/sessions/${created.code}/control`, { data: { action: 'start' }, headers: { 'x-trainer-key': created.trainerKey } });
  await trainer.goto(`${server.url}${created.trainerPath}`);
  await expect(trainer.locator('#session-calls li')).toHaveCount(1);

  // bypassCSP: the test injects axe itself (the server's policy allows only the page's own scripts).
  const trainee = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await joinClass(trainee, created.code, 'Ife');
  await expect(trainee.locator('button[data-scenario]')).toHaveCount(1);
  await expect(trainee.locator('#session-pace')).toHaveAttribute('data-pace', 'untimed');

  const bench = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await bench.goto(`${server.url}/workbench.html`);
  await bench.getByTestId('new-call').click();
  await expect(bench.getByTestId('problems-summary')).toContainText('0 errors', { timeout: 30_000 });
  await bench.getByTestId('tab-classroom').click();
  await bench.getByLabel('Session code').fill(created.code.toLowerCase());
  // The trainer page's whole address works as the key (the key is in its #key= part).
  await bench.getByLabel('Trainer key or trainer page address').fill(`${server.url}${created.trainerPath}`);
  await bench.getByRole('button', { name: 'Add it to this session' }).click();
  await expect(bench.locator('.wb-classroom')).toContainText(`added to session ${created.code} (2 calls in all)`);
  expect(await seriousViolations(bench), 'workbench send panel').toEqual([]);
  await screenshot(bench, 'workbench-classroom-added');
  await zoomedShot(bench, 'workbench-classroom-added');

  // A wrong key is refused in the server's words, and nothing is added.
  await bench.getByLabel('Trainer key or trainer page address').fill('A'.repeat(40));
  await bench.getByRole('button', { name: 'Add it to this session' }).click();
  await expect(bench.getByRole('alert')).toContainText('Only the trainer link can do that.');

  await expect(trainer.locator('#session-calls li')).toHaveCount(2);
  await expect(trainer.locator('#session-calls')).toContainText('Moving house, new address');
  await screenshot(trainer, 'classroom-trainer-call-added');
  await zoomedShot(trainer, 'classroom-trainer-call-added');

  await expect(trainee.locator('#added-calls')).toHaveText('Your trainer added a call: “Moving house, new address”. It is on your menu.');
  await expect(trainee.locator('button[data-scenario="my-new-call"]')).toBeVisible();

  // The trainer's own page adds a call from a file too; a clash with a call already there is refused in words.
  await trainer.locator('#add-call').setInputFiles({ name: 'second (copy).yaml', mimeType: 'text/yaml', buffer: Buffer.from(renamed('second-call', 'The second call')) });
  await expect(trainer.locator('#add-call-report')).toContainText('“The second call” added.');
  await expect(trainer.locator('#session-calls li')).toHaveCount(3);
  await trainer.locator('#add-call').setInputFiles({ name: 'clash.yaml', mimeType: 'text/yaml', buffer: Buffer.from(renamed('first-call', 'Another first call')) });
  await expect(trainer.locator('#add-call-report')).toContainText('clash.yaml was not added:');
  await expect(trainer.locator('#add-call-report')).toContainText('already has a call with the id “first-call” and other content');
  await expect(trainer.locator('#session-calls li')).toHaveCount(3);
  await screenshot(trainer, 'classroom-trainer-upload-refused');
  await zoomedShot(trainer, 'classroom-trainer-upload-refused');

  await expect(trainee.locator('#added-calls')).toHaveText('Your trainer added a call: “The second call”. It is on your menu.');
  expect(await seriousViolations(trainee), 'trainee page with the added-call note').toEqual([]);
  await screenshot(trainee, 'classroom-trainee-call-added');
  await expect(trainee.locator('button[data-scenario]')).toHaveCount(3);
  await expect(trainee.locator('button[data-scenario="my-new-call"]')).toBeVisible();
  await expect(trainee.locator('button[data-scenario="second-call"]')).toBeVisible();
  // After a reload the menu still has them, and there is no news to tell.
  await trainee.reload();
  await expect(trainee.locator('[data-screen="menu"]')).toBeVisible({ timeout: 30_000 });
  await expect(trainee.locator('button[data-scenario]')).toHaveCount(3);
  await expect(trainee.locator('#added-calls')).toHaveText('');
  await Promise.all([trainer.close(), trainee.close(), bench.close()]);
});
