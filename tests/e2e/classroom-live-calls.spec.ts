/**
 * A classroom session played end to end on a real classroom server, as trainer, projector and
 * trainee, for what the trainee and the room notice:
 * - the trainee joins by the projector's QR code address (the game's own page), its form and strip laid out;
 * - two different calls uploaded from files with the same name are both on the trainee's menu;
 * - the projector and the trainer's page show the session's pace in words;
 * - a call the trainer adds appears on the trainee's menu at once, without a reload, with focus
 *   left where it was and one polite note saying what was added;
 * - a call added while the trainee is on a call does not interrupt it, and is on the menu after;
 * - a call this browser cannot load says what to do;
 * - the trainee plays the added call, it is scored, and the debrief counts it.
 */
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { RunningClassroomServer } from '../../src/server/classroom-server.ts';
import { playSteps, startCall } from './helpers/play.ts';
import { seriousViolations } from './helpers/axe.ts';
import { DESKTOP_TABLET_AND_ZOOM, REST, renamed, root, shotsAt, startPagesServer } from './helpers/classroom-pages.ts';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let server: RunningClassroomServer;

test.beforeAll(async () => {
  server = await startPagesServer('classroom-live', join(root, 'scenarios'));
});
test.afterAll(async () => {
  await server?.close();
});

/** The page at 1280×800, on a 1024×600 tablet and at 640×400 (a 1280×800 window at 200 % zoom). */
const shots = (page: Page, name: string) => shotsAt(page, name, DESKTOP_TABLET_AND_ZOOM);

const upload = (name: string, id: string, title: string) => ({ name, mimeType: 'text/yaml', buffer: Buffer.from(renamed(id, title)) });

test('trainer, projector and trainee: calls added live, the pace in words, a call played and counted', async ({ browser }) => {
  // The trainer uploads two different calls from files with the same name.
  const trainer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await trainer.goto(`${server.url}/classroom/trainer.html`);
  await trainer.locator('#title').fill('Tuesday refunds');
  await trainer.locator('#upload').setInputFiles([upload('call.yaml', 'refund-morning', 'Refund in the morning'), upload('call.yaml', 'refund-evening', 'Refund in the evening')]);
  await expect(trainer.locator('#upload-report li.ok')).toHaveCount(2);
  // Choosing a file again adds to the list (it does not replace it), and the same call twice is one.
  await trainer.locator('#upload').setInputFiles([upload('copy.yaml', 'refund-morning', 'Refund in the morning')]);
  await expect(trainer.locator('#upload-report li')).toHaveCount(3);
  await expect(trainer.locator('#upload-report li').nth(2)).toHaveText('copy.yaml: this call is already in the list');
  await trainer.getByRole('button', { name: 'Create session' }).click();
  await expect(trainer.locator('#manage')).toBeVisible();
  await expect(trainer.locator('#pace-note')).toContainText('Untimed');
  await expect(trainer.locator('#session-calls li')).toHaveCount(2);
  const code = (await trainer.locator('#code').textContent())!;
  await trainer.getByRole('button', { name: 'Start' }).click();
  await expect(trainer.locator('#status')).toHaveText('live');

  // The projector says the pace in words, large enough for the back of the room.
  const projector = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await projector.goto(`${server.url}/classroom/projector.html?code=${code}`);
  await expect(projector.locator('#pace')).toHaveAttribute('data-pace', 'untimed');
  await expect(projector.locator('#pace')).toHaveText('Untimed: take the time you need on every call');
  const paceSize = await projector.locator('#pace').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(paceSize, 'pace text in px at 1280 wide').toBeGreaterThanOrEqual(32);
  expect(await seriousViolations(projector), 'projector with the pace').toEqual([]);
  await shots(projector, 'classroom-live-projector-pace');
  await projector.setViewportSize({ width: 1024, height: 600 });
  expect(await projector.evaluate(() => document.documentElement.scrollWidth), 'projector page width on a 1024-wide projector').toBeLessThanOrEqual(1024);

  // The trainee comes in by the QR code's address (the game's own page): the form's fields stand one above the other.
  const trainee = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await trainee.goto(`${server.url}/?join=${code}`);
  const codeBox = (await trainee.getByLabel('Class code').boundingBox())!;
  const nicknameBox = (await trainee.getByLabel('Nickname').boundingBox())!;
  expect(nicknameBox.y, 'nickname field below the class code field').toBeGreaterThan(codeBox.y + codeBox.height);
  await shots(trainee, 'classroom-live-trainee-join');
  await trainee.getByLabel('Nickname').fill('Priya');
  await trainee.getByRole('button', { name: 'Join' }).click();
  await expect(trainee.locator('[data-screen="menu"]')).toBeVisible({ timeout: 30_000 });
  // The class strip's parts are apart, not run together.
  const banner = (await trainee.locator('#banner').boundingBox())!;
  const pace = (await trainee.locator('#session-pace').boundingBox())!;
  expect(pace.x - (banner.x + banner.width), 'space between the class and the pace on the strip').toBeGreaterThanOrEqual(8);
  // Both calls uploaded from files named call.yaml are on the menu.
  await expect(trainee.locator('button[data-scenario]')).toHaveCount(2);
  await expect(trainee.locator('button[data-scenario="refund-morning"]')).toBeVisible();
  await expect(trainee.locator('button[data-scenario="refund-evening"]')).toBeVisible();
  await expect(trainee.locator('#added-calls')).toHaveText('');

  // The trainer adds a call while the trainee's focus is on a call's button: it appears, focus stays, one polite note.
  const evening = trainee.locator('button[data-scenario="refund-evening"]');
  await evening.focus();
  await trainer.locator('#add-call').setInputFiles(upload('call.yaml', 'moving-house', 'Moving house'));
  await expect(trainer.locator('#add-call-report')).toContainText('“Moving house” added.');
  await expect(trainee.locator('button[data-scenario="moving-house"]')).toBeVisible({ timeout: 20_000 });
  await expect(trainee.locator('button[data-scenario]')).toHaveCount(3);
  await expect(evening).toBeFocused();
  const note = trainee.locator('#added-calls');
  await expect(note).toHaveAttribute('role', 'status');
  await expect(note).toHaveText('Your trainer added a call: “Moving house”. It is on your menu.');
  await expect(trainee.getByTestId('announcer')).not.toContainText('Your trainer added');
  expect(await seriousViolations(trainee), 'trainee menu with an added call').toEqual([]);
  await shots(trainee, 'classroom-live-trainee-call-added');

  // On a call, a call added is not allowed to interrupt it; it is on the menu afterwards.
  await startCall(trainee, 'refund-morning');
  await trainee.keyboard.press('a');
  await trainer.locator('#add-call').setInputFiles(upload('late.yaml', 'late-call', 'A late addition'));
  await expect(trainer.locator('#add-call-report')).toContainText('“A late addition” added.');
  await expect(note).toHaveText('Your trainer added a call: “A late addition”. It is on your menu when this call ends.', { timeout: 20_000 });
  await expect(trainee.locator('[data-screen="call"]')).toBeVisible();
  await expect(trainee.getByTestId('customer-line')).not.toBeEmpty();
  await shots(trainee, 'classroom-live-trainee-added-during-call');
  await playSteps(trainee, REST, false);
  await expect(trainee.locator('[data-screen="results"]')).toBeVisible({ timeout: 20_000 });
  await expect(trainee.locator('#submit-note')).toContainText('Call scored', { timeout: 20_000 });
  await trainee.getByRole('button', { name: 'Choose another call' }).click();
  await expect(trainee.locator('[data-screen="menu"]')).toBeVisible();
  await expect(trainee.locator('button[data-scenario]')).toHaveCount(4);

  // The added call is played and counted.
  await startCall(trainee, 'moving-house');
  await playSteps(trainee, REST);
  await expect(trainee.locator('[data-screen="results"]')).toBeVisible({ timeout: 20_000 });
  await expect(trainee.locator('#submit-note')).toContainText('Call scored', { timeout: 20_000 });
  await expect(trainee.locator('#my-place')).toContainText('2 of 4 session calls played', { timeout: 20_000 });

  const key = new URLSearchParams(new URL(trainer.url()).hash.slice(1)).get('key')!;
  const debrief = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await debrief.goto(`${server.url}/classroom/debrief.html?code=${code}#key=${key}`);
  await expect(debrief.locator('#people')).toContainText('Priya');
  await expect(debrief.getByTestId('session-pace')).toContainText('untimed');
  await shots(debrief, 'classroom-live-debrief');
  await shots(trainer, 'classroom-live-trainer');
  await Promise.all([trainer.close(), projector.close(), trainee.close(), debrief.close()]);
});

test('a call the trainer adds that this browser cannot load says what to do', async ({ browser }) => {
  const trainee = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const created = await (await trainee.request.post(`${server.url}/api/sessions`, { data: { title: 'Broken on the way', pace: 'live', uploads: [{ file: 'first.yaml', text: renamed('first-call', 'The first call') }] } })).json();
  await trainee.request.post(`${server.url}/api/sessions/${created.code}/control`, { data: { action: 'start' }, headers: { 'x-trainer-key': created.trainerKey } });
  await trainee.goto(`${server.url}/classroom/join.html?join=${created.code}`);
  await trainee.getByLabel('Nickname').fill('Tom');
  await trainee.getByRole('button', { name: 'Join' }).click();
  await expect(trainee.locator('button[data-scenario]')).toHaveCount(1, { timeout: 30_000 });
  // The file for the next call arrives changed on the way (a proxy, an old cache): it must not be offered as the trainer's call.
  await trainee.route('**/api/sessions/*/scenarios/*', (route) => route.fulfill({ json: { file: 'second.yaml', text: renamed('second-call', 'Changed on the way') } }));
  const added = await trainee.request.post(`${server.url}/api/sessions/${created.code}/calls`, { data: { file: 'second.yaml', text: renamed('second-call', 'The second call') }, headers: { 'x-trainer-key': created.trainerKey } });
  expect(added.ok()).toBe(true);
  await expect(trainee.locator('#added-calls')).toHaveText('Your trainer added a call: “The second call”. It could not be loaded in this browser: reload the page, and if it is still missing, tell your trainer.', { timeout: 20_000 });
  await expect(trainee.locator('button[data-scenario]')).toHaveCount(1);
  await expect(trainee.getByTestId('session-note')).toContainText('1 of this class’s 2 calls could not be loaded in this browser.');
  await shots(trainee, 'classroom-live-trainee-call-unloadable');

  const projector = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await projector.goto(`${server.url}/classroom/projector.html?code=${created.code}`);
  await expect(projector.locator('#pace')).toHaveText('Live pace: silence while you decide counts as dead air');
  expect(await seriousViolations(projector), 'projector with live pace').toEqual([]);
  await shots(projector, 'classroom-live-projector-live-pace');
  await Promise.all([trainee.close(), projector.close()]);
});
