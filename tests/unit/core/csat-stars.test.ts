/**
 * The checker reads a run's CSAT from `csatStars` instead of `csatRating` (which also writes the
 * reasons and the comment): over the finished runs of every shipped call (the shortest run to
 * every ending and seeded random walks) it must give exactly the rating's stars.
 */
import { describe, expect, it } from 'vitest';
import { shippedFiles as files, shippedFinishedRuns } from './shipped-finished-runs.ts';
import { csatRating, csatStars } from '../../../src/core/scoring/csat.ts';

describe('csatStars', () => {
  it('equals csatRating’s stars on every finished run of every shipped call', () => {
    const seen = new Set<number>();
    let runs = 0;
    for (const { name, context } of shippedFinishedRuns(5, 200)) {
      const { stars } = csatRating(context, undefined);
      expect(csatStars(context), `${name}: a run rated ${stars}`).toBe(stars);
      seen.add(stars);
      runs += 1;
    }
    // Every rating from one to five stars was compared, not just a few.
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(runs).toBeGreaterThan(files.length * 200);
  });
});
