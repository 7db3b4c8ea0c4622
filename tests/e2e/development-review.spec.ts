import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './development-axe.ts';
import { shoot } from './development-shots.ts';

/** Rates every area 4 with the keyboard alone: Space picks the first option, arrows move, Tab goes on. */
async function rateByKeyboard(page: Page): Promise<void> {
  // Focus starts on the heading (so the explanation is read first); Tab reaches the first rating.
  await expect(page.getByRole('heading', { name: 'Rate yourself first' })).toBeFocused();
  await page.keyboard.press('Tab');
  for (let area = 0; area < 5; area += 1) {
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
  }
  await page.getByRole('button', { name: 'Show my scorecard' }).press('Enter');
}

async function play(page: Page, kind: 'careful' | 'sloppy', accept = false): Promise<void> {
  await page.getByRole('button', { name: kind === 'careful' ? 'Play a careful call' : 'Play a sloppy call' }).click();
  await rateByKeyboard(page);
  await expect(page.getByRole('heading', { name: /^Your development:/ })).toBeVisible();
  if (accept) {
    // One call is too few for a suggestion from the data: the trainee sets one anyway.
    await page.getByRole('button', { name: 'Set a goal anyway for Resolution' }).click();
    await page.locator('article[data-goal]').first().getByRole('button', { name: 'Accept' }).click();
  }
  await page.getByTestId('dev-continue').click();
}

test('a goal comes due and is reviewed; a corrupted record is set aside and reported', async ({ page }) => {
  await page.goto('/development.html');
  await play(page, 'sloppy', true);
  await expect(page.locator('#page-status')).toHaveText('Finished: sloppy call');
  await play(page, 'careful');
  await play(page, 'careful');

  await page.getByRole('button', { name: 'Open plan' }).click();
  await expect(page.getByTestId('reviews-due')).toHaveText('1 goal is due for review.');
  const goal = page.locator('.dev article[data-goal][data-status]');
  await expect(goal.getByTestId('goal-status')).toHaveText('Achieved');
  await expect(goal.locator('svg.chart circle')).toHaveCount(2);
  await goal.getByRole('button', { name: 'Record review' }).click();
  await expect(goal.getByRole('alert')).toContainText('say in a sentence what happened');
  await goal.getByLabel('What happened?').fill('I checked back every minute and recapped on both calls.');
  await goal.getByLabel('What is your next step?').fill('Keep it up on harder calls with longer holds.');
  // Both calls scored 100%: there is nothing higher to renew to, and the form says so.
  await expect(goal.getByLabel('Renew it from where I am now')).toBeDisabled();
  await expect(goal).toContainText('You reached 100%, the top of this measure');
  await shoot(page, 'dev-8-review-form');
  await goal.getByRole('button', { name: 'Record review' }).click();
  await expect(page.getByTestId('plan-message')).toHaveText('Review recorded; the goal is closed.');
  await expect(page.getByText('No active goals.')).toBeVisible();
  const closed = page.locator('.dev article[data-goal][data-status]');
  await expect(closed.getByTestId('goal-status')).toHaveText('Closed');
  await expect(closed).toContainText('What happened: I checked back every minute and recapped on both calls.');
  await expect(closed).toContainText('Next step: Keep it up on harder calls with longer holds.');
  await shoot(page, 'dev-9-plan-after-review');
  await expectAccessible(page, 'plan after a review');

  // A stored run torn by some other cause: it is set aside, reported, and the rest still loads.
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const req = indexedDB.open('hold-the-line-development', 2);
    req.onsuccess = () => {
      const tx = req.result.transaction('runs', 'readwrite');
      tx.objectStore('runs').put({ id: 'torn', v: 2, data: { id: 'torn', scorecard: '{"qa":' } });
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await page.getByRole('button', { name: 'Open plan' }).click();
  await expect(page.getByTestId('quarantine-notice')).toContainText('1 saved entry could not be read and was set aside, not deleted');
  await expect(page.getByRole('heading', { name: 'Set-aside data' })).toBeVisible();
  await expect(page.getByText(/runs entry “torn”/)).toBeVisible();
  await expect(page.getByText('3 calls recorded.')).toBeVisible();
  await shoot(page, 'dev-10-quarantine');
});

test('a file that is not an export is refused with a clear message and nothing changes', async ({ page }) => {
  await page.goto('/development.html');
  await page.getByRole('button', { name: 'Open plan' }).click();
  await page.getByLabel('Import a JSON export from another device').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByTestId('plan-message')).toContainText('This is not a development export from Hold the Line');
  await expect(page.getByText('0 calls recorded.')).toBeVisible();
});

test('when the browser refuses storage (private mode), the trainee is told plainly and can still work and export', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: { open() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } } });
  });
  await page.goto('/development.html');
  await page.getByRole('button', { name: 'Play a sloppy call' }).click();
  await rateByKeyboard(page);
  await expect(page.getByTestId('storage-warning')).toContainText('This browser is not letting the game save anything');
  await expect(page.locator('tr[data-area="control-time"]')).toHaveAttribute('data-verdict', 'over');
  await shoot(page, 'dev-11-private-mode');
  await page.getByTestId('dev-continue').click();
  await page.getByRole('button', { name: 'Open plan' }).click();
  await expect(page.getByText('1 call recorded.')).toBeVisible();
});
