/**
 * axe on every screen of the game (the built pages with their real style sheets), once in normal
 * colours and once in forced-colours mode: no serious or critical violation anywhere, including the
 * call desk's moments, the dialogs, the self-rating, the scorecard, the development screens, a shift's
 * wallboard, the classroom's join form, the shift calculator and the workbench.
 */
import { test, expect, type Page } from '@playwright/test';
import { openMenu, playSteps, startCall } from './helpers/play.ts';
import { seriousViolations } from './helpers/axe.ts';

async function expectNoSerious(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `${screen}: serious or critical violations`).toEqual([]);
}

// Whole calls, with checks at each moment: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });

for (const mode of ['none', 'active'] as const) {
  test(`every game screen passes axe (forced colours: ${mode})`, async ({ page }) => {
    await page.emulateMedia({ forcedColors: mode });
    await openMenu(page);
    await expectNoSerious(page, 'menu');
    await page.locator('#skill-filter').selectOption({ index: 1 });
    await expectNoSerious(page, 'menu, filtered');
    await page.locator('#skill-filter').selectOption('');
    await startCall(page, 'lost-parcel-delivery');
    await expectNoSerious(page, 'call ringing');
    await playSteps(page, ['good afternoon, carrick online', "oh no, declan, and with niamh's birthday"]);
    const idv = page.getByTestId('idv-panel');
    const [first, ...rest] = await idv.locator('tr[data-policy="true"][data-confirmed="false"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.idvKey!));
    await idv.locator(`tr[data-idv-key="${first}"] button`).press('Enter');
    await expectNoSerious(page, 'call ID&V');
    await idv.locator(`tr[data-idv-key="${first}"] input[value="match"]`).press('Space');
    await playSteps(page, [{ idv: 'pass', ask: rest }, "i've got the lumio watch here", "so it says 'porch'", 'number 41, and the gps puts the driver on kilmory avenue'], false);
    await page.getByTestId('knowledge-base').getByRole('searchbox').fill('delivered not received');
    await page.getByTestId('knowledge-base').getByRole('button', { name: 'Search' }).click();
    await page.locator('button[data-article="carrick-dnr-3"]').click();
    await expectNoSerious(page, 'call knowledge base');
    await page.locator('article[data-article="carrick-dnr-3"] button').click();
    await playSteps(page, ["until it's in your hands, it's ours", "it'll go next-day tracked for wednesday"], false);
    await expectNoSerious(page, 'call on hold');
    await page.getByRole('button', { name: 'My development plan' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSerious(page, 'leave-the-call dialog');
    await page.getByRole('button', { name: 'Stay on the call' }).click();
    // Focus is back on the top bar's button, where shortcut keys do nothing: back to the call first.
    await page.getByTestId('actions').focus();
    await playSteps(page, ['check back', 'resume', "the replacement's on its way for wednesday, gift wrapped", "that's it. to recap"], false);
    await page.getByRole('button', { name: 'Submit wrap-up' }).click();
    await expect(page.getByText('Choose a disposition code first.')).toBeVisible();
    await expectNoSerious(page, 'wrap-up with an error');
    await page.locator('#disposition').selectOption('dnr-replacement');
    await page.getByRole('button', { name: 'Submit wrap-up' }).click();
    await expect(page.getByRole('heading', { name: 'Rate yourself first' })).toBeVisible();
    await expectNoSerious(page, 'rate yourself');
    for (const group of await page.locator('fieldset[data-area]').all()) await group.locator('input[value="3"]').check();
    await page.getByRole('button', { name: 'Show my scorecard' }).click();
    await expect(page.getByRole('heading', { name: /^Scorecard/ })).toBeVisible();
    await expectNoSerious(page, 'results');
    await page.getByRole('button', { name: 'Reflect and set goals' }).click();
    await expect(page.getByRole('heading', { name: /^Your development/ })).toBeVisible();
    await expectNoSerious(page, 'development');
    await page.getByTestId('dev-continue').click();
    await page.getByRole('button', { name: 'My development plan' }).click();
    await expect(page.getByTestId('plan-close')).toBeVisible();
    await expectNoSerious(page, 'development plan');
    await page.getByTestId('plan-close').click();
    await page.getByTestId('start-shift').click();
    await expect(page.locator('h1')).toBeVisible();
    await expectNoSerious(page, 'shift');
    // A call saved mid-way is offered back in a dialog.
    await page.evaluate(() => localStorage.setItem('htl.saved-call.v2', JSON.stringify({ scenarioId: 'no-such-call', scenarioHash: '0'.repeat(64), seed: 1, events: [] })));
    await page.reload();
    await expect(page.getByRole('dialog')).toBeVisible({ timeout: 20_000 });
    await expectNoSerious(page, 'saved-call dialog');
    await page.goto('/?join=ABCDEF');
    await expect(page.getByLabel('Nickname')).toBeVisible();
    await expectNoSerious(page, 'classroom join');
    // The other pages of the same build: the trainer's queue calculator and the workbench.
    await page.goto('/shift.html');
    await expect(page.locator('h1')).toBeVisible();
    await expectNoSerious(page, 'shift calculator');
    await page.goto('/workbench.html');
    await expect(page.locator('.cm-editor')).toBeVisible({ timeout: 20_000 });
    await expectNoSerious(page, 'workbench');
  });
}
