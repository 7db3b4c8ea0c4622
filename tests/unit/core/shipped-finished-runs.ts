/**
 * Finished runs of every shipped call, for tests that hold a fast reading of a run (QA score, CSAT
 * stars) to the full one: the shortest run to every ending, then `walks` seeded random walks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../../src/scenario/load.ts';
import { sharedLibrary } from '../../../src/server/knowledge-files.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import { RandomWalker, shortestRuns } from '../../../src/scenario/sample-runs.ts';
import { mulberry32 } from '../../../src/scenario/seeded-random.ts';
import type { CallContext } from '../../../src/core/engine/call-context.ts';
import type { CallDefinition } from '../../../src/core/engine/call-definition.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');

/** The shipped call files (YAML). */
export const shippedFiles = readdirSync(SHIPPED).filter((n) => /\.ya?ml$/.test(n));

export interface FinishedRun {
  readonly name: string;
  readonly def: CallDefinition;
  readonly context: CallContext;
}

export function* shippedFinishedRuns(seed: number, walks: number): Generator<FinishedRun> {
  for (const name of shippedFiles) {
    const def = loadScenario(readFileSync(join(SHIPPED, name), 'utf8'), name, sharedLibrary()).definition!;
    const runner = new ConfigRunner(def);
    for (const run of shortestRuns(def, runner).runs) yield { name, def, context: run.final.context };
    const walker = new RandomWalker(runner, def);
    const random = mulberry32(seed);
    for (let i = 0; i < walks; i += 1) {
      const walk = walker.walk(random);
      if (walk !== null) yield { name, def, context: walk.final.context };
    }
  }
}
