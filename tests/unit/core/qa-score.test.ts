/**
 * The checker reads a run's QA score from `qaScore` instead of building the whole scorecard: over
 * thousands of finished runs of every shipped call (seeded random walks and the shortest run to
 * every ending), it must give exactly the scorecard's number, critical cap and breaches included.
 */
import { describe, expect, it } from 'vitest';
import { shippedFiles as files, shippedFinishedRuns } from './shipped-finished-runs.ts';
import { qaScorecard } from '../../../src/core/scoring/qa-scorecard.ts';
import { qaScore } from '../../../src/core/scoring/qa-score.ts';

describe('qaScore', () => {
  it('equals the scorecard’s score on every finished run of every shipped call', () => {
    let runs = 0;
    let capped = 0;
    let breached = 0;
    const seen = new Set<number>();
    for (const { name, def, context } of shippedFinishedRuns(7, 300)) {
      const card = qaScorecard(def.scenario, context);
      expect(qaScore(def.scenario, context), `${name}: a run scored ${card.score} on its card`).toBe(card.score);
      runs += 1;
      seen.add(card.score);
      if (card.critical.length > 0 && card.fatal.length === 0 && card.raw > card.score) capped += 1;
      if (card.fatal.length > 0) breached += 1;
    }
    // The runs cover the rules that matter: many different scores, the critical cap and breaches.
    expect(runs).toBeGreaterThan(files.length * 300);
    expect(seen.size).toBeGreaterThan(50);
    expect(capped).toBeGreaterThan(0);
    expect(breached).toBeGreaterThan(0);
  });
});
