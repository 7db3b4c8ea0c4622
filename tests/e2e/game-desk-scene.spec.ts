/**
 * The desk scene: different callers look like different people, the face follows the mood, and the
 * scene fills the stage. Screenshots of the stage go to test-results/screens/desk-*.png to be looked at.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openMenu, startCall, watchConsole } from './helpers/play.ts';

// Reduced motion keeps the caller still (no blinking or breathing), so two shots differ only by what is drawn.
test.use({ deviceScaleFactor: 2, reducedMotion: 'reduce' });
// Several calls and screenshots per test: generous time on a busy machine.
test.describe.configure({ timeout: 240_000 });

async function stageShot(page: Page, name: string): Promise<Buffer> {
  mkdirSync('test-results/screens', { recursive: true });
  const stage = page.locator('.stage');
  await stage.scrollIntoViewIfNeeded();
  const box = (await stage.boundingBox())!;
  expect(box.height).toBeGreaterThan(60);
  await page.waitForTimeout(1200); // let any reaction settle, so shots compare the still scene
  // A page shot clipped to the stage: an element shot may resize the page, which redraws the desk.
  return page.screenshot({ path: `test-results/screens/desk-${name}.png`, clip: box });
}

/** Distinct colours the canvas shows across the stage: a drawn scene has many, an empty canvas one. */
async function coloursOnStage(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#desk-canvas canvas')!;
    const stage = document.querySelector('.stage')!.getBoundingClientRect();
    const box = canvas.getBoundingClientRect();
    const context = canvas.getContext('2d')!;
    const scale = canvas.width / box.width;
    const seen = new Set<string>();
    for (let i = 1; i < 10; i += 1) {
      for (let j = 1; j < 5; j += 1) {
        const x = Math.floor((stage.left - box.left + (stage.width * i) / 10) * scale);
        const y = Math.floor((stage.top - box.top + (stage.height * j) / 5) * scale);
        seen.add(Array.from(context.getImageData(x, y, 1, 1).data).join(','));
      }
    }
    return seen.size;
  });
}

async function answered(page: Page, id: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openMenu(page);
  await startCall(page, id);
  await page.waitForFunction(() => window.__HTL_DESK__?.last() !== null && window.__HTL_DESK__?.last() !== undefined);
  await page.keyboard.press('a');
}

test('each caller is drawn as their own person', async ({ page }) => {
  const errors = watchConsole(page);
  const shots: Buffer[] = [];
  for (const id of ['billing-double-charge', 'broadband-fault-engineer', 'demands-a-manager', 'vulnerable-bereavement']) {
    await answered(page, id);
    shots.push(await stageShot(page, `persona-${id}`));
    expect(await coloursOnStage(page)).toBeGreaterThan(5);
  }
  for (let i = 1; i < shots.length; i += 1) expect(shots[i]!.equals(shots[0]!)).toBe(false);
  expect(errors).toEqual([]);
});

test('the phone rings in the stage before the call is answered', async ({ page }) => {
  await openMenu(page);
  await startCall(page, 'billing-double-charge');
  await page.waitForFunction(() => window.__HTL_DESK__?.last()?.phase === 'ringing');
  await stageShot(page, 'ringing');
});

test('the face follows the mood: six moods, six different faces', async ({ page }) => {
  await answered(page, 'cancellation-retention');
  const shots: Buffer[] = [];
  for (const [mood, patience] of [[4, 80], [1, 70], [0, 60], [-1, 50], [-3, 40], [-5, 15]] as const) {
    await page.evaluate((next) => {
      const last = window.__HTL_DESK__!.last()!;
      window.__HTL_DESK__!.show({ ...last, ...next });
    }, { mood, patience });
    shots.push(await stageShot(page, `mood-${mood}`));
  }
  expect(new Set(shots.map((s) => s.toString('base64'))).size).toBe(shots.length);
});

// The canvas covers the first screenful of the page; at 200 % the stage sits below it until the
// call screen gives the canvas a container that follows the stage (issue 15 §1, the layout's owner).
test('small window at 200% zoom: the scene still fills its stage', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await answered(page, 'lost-parcel-delivery');
  await stageShot(page, 'zoom-200');
  expect(await coloursOnStage(page)).toBeGreaterThan(5);
  await context.close();
});

test('on hold, in dead air and after a turn, the scene shows it', async ({ page }) => {
  await answered(page, 'billing-double-charge');
  const base = await stageShot(page, 'talking');
  const showWith = (patch: Record<string, unknown>) => page.evaluate((p) => {
    const last = window.__HTL_DESK__!.last()!;
    window.__HTL_DESK__!.show({ ...last, ...p });
  }, patch);
  await showWith({ phase: 'hold' });
  const hold = await stageShot(page, 'hold');
  await showWith({ phase: 'talk', prompting: true });
  const prompting = await stageShot(page, 'prompting');
  const last = await page.evaluate(() => window.__HTL_DESK__!.last()!);
  await showWith({ prompting: false, turn: (last.turn ?? 0) + 1, mood: last.mood - 1 });
  await page.waitForTimeout(100);
  const reaction = await page.screenshot({ path: 'test-results/screens/desk-reaction.png', clip: (await page.locator('.stage').boundingBox())! });
  for (const shot of [hold, prompting, reaction]) expect(shot.equals(base)).toBe(false);
});
