/**
 * The checker reads a run's CSAT from `csatStars` instead of `csatRating` (which also writes the
 * reasons and the comment): over the finished runs of every shipped call (the shortest run to
 * every ending and seeded random walks) it must give exactly the rating's stars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load.ts';
import { sharedLibrary } from '../../../src/server/knowledge-files.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import { RandomWalker, shortestRuns } from '../../../src/scenario/sample-runs.ts';
import { mulberry32 } from '../../../src/scenario/seeded-random.ts';
import { csatRating, csatStars } from '../../../src/core/scoring/csat.ts';
import type { CallContext } from '../../../src/core/engine/call-context.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');
const files = readdirSync(SHIPPED).filter((n) => /\.ya?ml$/.test(n));

describe('csatStars', () => {
  it('equals csatRating’s stars on every finished run of every shipped call', () => {
    const seen = new Set<number>();
    let runs = 0;
    for (const name of files) {
      const def = loadScenario(readFileSync(join(SHIPPED, name), 'utf8'), name, sharedLibrary()).definition!;
      const runner = new ConfigRunner(def);
      const ends: CallContext[] = shortestRuns(def, runner).runs.map((run) => run.final.context);
      const walker = new RandomWalker(runner, def);
      const random = mulberry32(5);
      for (let i = 0; i < 200; i += 1) {
        const walk = walker.walk(random);
        if (walk !== null) ends.push(walk.final.context);
      }
      for (const context of ends) {
        const { stars } = csatRating(context, undefined);
        expect(csatStars(context), `${name}: a run rated ${stars}`).toBe(stars);
        seen.add(stars);
        runs += 1;
      }
    }
    // Every rating from one to five stars was compared, not just a few.
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(runs).toBeGreaterThan(files.length * 200);
  });
});
