/** Checks that the results screen shows exactly the core's scorecard for the run the page played. */
import { expect, type Page } from '@playwright/test';
import { loadScenarioFile } from '../../helpers/walkthrough.ts';
import { scoreRun } from '../../../src/core/scoring/score.ts';
import type { RunLog } from '../../../src/shared/call-events.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';
import { formatDuration, formatPercent, formatStars } from '../../../src/ui/format.ts';

export async function expectResultsMatchCore(page: Page, scenarioFile: string): Promise<Scorecard> {
  await expect(page.locator('[data-screen="results"]')).toBeVisible();
  const run = await page.evaluate(() => window.__HTL__!.runLog) as RunLog;
  const scored = scoreRun(loadScenarioFile(scenarioFile), run);
  if (!scored.ok) throw new Error(scored.error);
  const card = scored.scorecard;
  for (const part of ['talk', 'hold', 'wrap', 'total', 'target'] as const) {
    await expect(page.getByTestId(`aht-${part}`)).toHaveText(formatDuration(card.aht[part]));
  }
  await expect(page.getByTestId('fcr-value')).toHaveAttribute('data-value', card.fcr.value);
  await expect(page.getByTestId('csat-stars')).toHaveText(formatStars(card.csat.stars));
  await expect(page.getByTestId('csat-comment')).toHaveText(`“${card.csat.comment}”`);
  await expect(page.getByTestId('qa-score')).toHaveText(formatPercent(card.qa.score));
  for (const section of card.qa.sections) {
    await expect(page.getByTestId(`qa-section-${section.id}`)).toHaveText(section.score === null ? 'n/a' : formatPercent(section.score));
  }
  await expect(page.getByTestId('key-moments').locator('li')).toHaveCount(card.keyMoments.length);
  expect(await page.evaluate(() => window.__HTL__!.scorecard)).toEqual(card);
  return card;
}
