/**
 * A desk that stays put (issue 15 §1): at 1280×720, 1920×1080, 1024×600 and 200 % zoom, through the
 * ringing, talking, ID&V, knowledge base, hold and wrap-up moments of one call, the softphone bar,
 * the latest line and the clock are inside the viewport (by their bounding boxes), no panel's content
 * spills sideways out of its box, and at the fixed sizes the page itself does not scroll.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openMenu, playSteps, startCall, watchConsole } from './helpers/play.ts';

interface Size { readonly name: string; readonly width: number; readonly height: number; readonly zoom: number }
// 200 % zoom of a 1280×720 window: the page lays out in 640×360 CSS pixels, drawn at twice the scale.
const SIZES: readonly Size[] = [
  { name: '1280x720', width: 1280, height: 720, zoom: 1 },
  { name: '1920x1080', width: 1920, height: 1080, zoom: 1 },
  { name: '1024x600', width: 1024, height: 600, zoom: 1 },
  { name: 'zoom200', width: 640, height: 360, zoom: 2 },
];
const PANELS = ['[data-testid="softphone"]', '.desk-grid', '.work', '.actions', '.desk-crm', '.conversation', '[data-testid="customer-line"]', '.stage', '.table-scroll'];

async function expectDeskInView(page: Page, size: Size, moment: string): Promise<void> {
  const where = `${size.name} ${moment}`;
  // What the trainee sees in the window (a full-page shot would unstick the sticky bar).
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/desk-${size.name}-${moment}.png` });
  for (const id of ['softphone', 'customer-line', 'call-clock']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, `${where}: ${id} is drawn`).not.toBeNull();
    expect(box!.x, `${where}: ${id} left`).toBeGreaterThanOrEqual(0);
    expect(box!.y, `${where}: ${id} top`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${where}: ${id} right`).toBeLessThanOrEqual(size.width + 0.5);
    expect(box!.y + box!.height, `${where}: ${id} bottom`).toBeLessThanOrEqual(size.height + 0.5);
  }
  const spills = await page.evaluate((selectors) => selectors.flatMap((sel) => Array.from(document.querySelectorAll<HTMLElement>(sel))
    .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
    .map((el) => `${sel} (${el.scrollWidth} > ${el.clientWidth})`)), PANELS);
  expect(spills, `${where}: panels whose content spills out sideways`).toEqual([]);
  if (size.zoom === 1) {
    const page2 = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollHeight, height: innerHeight, wide: document.scrollingElement!.scrollWidth, width: innerWidth }));
    expect(page2.scroll, `${where}: the page does not scroll`).toBeLessThanOrEqual(page2.height);
    expect(page2.wide, `${where}: nothing wider than the window`).toBeLessThanOrEqual(page2.width);
    for (const sel of ['.work', '.desk-crm', '.conversation']) {
      const box = (await page.locator(sel).boundingBox())!;
      expect(box.y + box.height, `${where}: ${sel} inside the window`).toBeLessThanOrEqual(size.height + 0.5);
    }
  }
}

// Whole calls, with checks at each moment: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });

for (const size of SIZES) {
  test(`the desk stays put at ${size.name}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.zoom });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openMenu(page);
    // Scrolled down the menu first: the desk must not open with the menu's scroll position.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await startCall(page, 'lost-parcel-delivery');
    await expectDeskInView(page, size, '1-ringing');
    await playSteps(page, ['good afternoon, carrick online']);
    await expectDeskInView(page, size, '2-talking');
    await playSteps(page, ["oh no, declan, and with niamh's birthday"], false);
    await expect(page.getByTestId('idv-panel')).toBeVisible();
    const idv = page.getByTestId('idv-panel');
    const [first, ...rest] = await idv.locator('tr[data-policy="true"][data-confirmed="false"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.idvKey!));
    await idv.locator(`tr[data-idv-key="${first}"] button`).press('Enter');
    await expectDeskInView(page, size, '3-idv');
    await idv.locator(`tr[data-idv-key="${first}"] input[value="match"]`).press('Space');
    await playSteps(page, [{ idv: 'pass', ask: rest }, "i've got the lumio watch here", "so it says 'porch'", 'number 41, and the gps puts the driver on kilmory avenue'], false);
    const kb = page.getByTestId('knowledge-base');
    await kb.getByRole('searchbox').fill('delivered not received');
    await kb.getByRole('button', { name: 'Search' }).click();
    await kb.locator('button[data-article="carrick-dnr-3"]').click();
    await expectDeskInView(page, size, '4-knowledge-base');
    await kb.locator('article[data-article="carrick-dnr-3"] button').click();
    await playSteps(page, ["until it's in your hands, it's ours", "it'll go next-day tracked for wednesday", 'check back'], false);
    await expect(page.getByTestId('cue')).toContainText('hold');
    await expectDeskInView(page, size, '5-hold');
    await playSteps(page, ['resume', "the replacement's on its way for wednesday, gift wrapped", "that's it. to recap"], false);
    await expect(page.locator('form.wrapup')).toBeVisible();
    await expectDeskInView(page, size, '6-wrapup');
    expect(errors).toEqual([]);
    await context.close();
  });
}
