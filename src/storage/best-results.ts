/** The trainee's best result per scenario, for the scenario cards. */
import { z } from 'zod';
import type { Scorecard } from '../shared/scorecard.ts';
import { BestResultSchema, type BestResult, type BestResultsStore } from '../core/ports/best-results.ts';

export { BestResultSchema, type BestResult };
const BestTableSchema = z.record(z.string(), BestResultSchema);
const KEY = 'htl.best-results.v1';

export function loadBestResults(storage: Storage = localStorage): Record<string, BestResult> {
  const raw = storage.getItem(KEY);
  if (raw === null) return {};
  try {
    const parsed = BestTableSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Better means a higher QA score; a tie goes to the shorter call. */
export function mergeBest(previous: BestResult | undefined, card: Scorecard): BestResult {
  const next: BestResult = {
    qa: card.qa.score,
    csat: card.csat.stars,
    aht: card.aht.total,
    fatal: card.qa.fatal.length > 0,
    plays: (previous?.plays ?? 0) + 1,
  };
  if (previous === undefined) return next;
  const better = next.qa > previous.qa || (next.qa === previous.qa && next.aht < previous.aht);
  return better ? next : { ...previous, plays: next.plays };
}

export function recordResult(card: Scorecard, storage: Storage = localStorage): BestResult {
  const table = loadBestResults(storage);
  const best = mergeBest(table[card.scenarioId], card);
  table[card.scenarioId] = best;
  storage.setItem(KEY, JSON.stringify(table));
  return best;
}

/** The best results the game uses: this browser's localStorage. */
export const BROWSER_BEST_RESULTS: BestResultsStore = Object.freeze({ load: () => loadBestResults(), record: (card: Scorecard) => recordResult(card) });
