/**
 * The checker reads a run's QA score from `qaScore` instead of building the whole scorecard: over
 * thousands of finished runs of every shipped call (seeded random walks and the shortest run to
 * every ending), it must give exactly the scorecard's number, critical cap and breaches included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load.ts';
import { sharedLibrary } from '../../../src/server/knowledge-files.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import { RandomWalker, shortestRuns } from '../../../src/scenario/sample-runs.ts';
import { mulberry32 } from '../../../src/scenario/seeded-random.ts';
import { qaScorecard } from '../../../src/core/scoring/qa-scorecard.ts';
import { qaScore } from '../../../src/core/scoring/qa-score.ts';
import type { CallContext } from '../../../src/core/engine/call-context.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');
const files = readdirSync(SHIPPED).filter((n) => /\.ya?ml$/.test(n));

describe('qaScore', () => {
  it('equals the scorecard’s score on every finished run of every shipped call', () => {
    let runs = 0;
    let capped = 0;
    let breached = 0;
    const seen = new Set<number>();
    for (const name of files) {
      const loaded = loadScenario(readFileSync(join(SHIPPED, name), 'utf8'), name, sharedLibrary());
      const def = loaded.definition!;
      const runner = new ConfigRunner(def);
      const ends: CallContext[] = shortestRuns(def, runner).runs.map((run) => run.final.context);
      const walker = new RandomWalker(runner, def);
      const random = mulberry32(7);
      for (let i = 0; i < 300; i += 1) {
        const walk = walker.walk(random);
        if (walk !== null) ends.push(walk.final.context);
      }
      for (const context of ends) {
        const card = qaScorecard(def.scenario, context);
        expect(qaScore(def.scenario, context), `${name}: a run scored ${card.score} on its card`).toBe(card.score);
        runs += 1;
        seen.add(card.score);
        if (card.critical.length > 0 && card.fatal.length === 0 && card.raw > card.score) capped += 1;
        if (card.fatal.length > 0) breached += 1;
      }
    }
    // The runs cover the rules that matter: many different scores, the critical cap and breaches.
    expect(runs).toBeGreaterThan(files.length * 300);
    expect(seen.size).toBeGreaterThan(50);
    expect(capped).toBeGreaterThan(0);
    expect(breached).toBeGreaterThan(0);
  });
});
