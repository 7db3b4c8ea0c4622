/** The path report's best and worst QA come from runs aimed at them, not only from random walks. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load.ts';
import { aimedRuns } from '../../../src/scenario/aimed-runs.ts';
import { analyseScenario, DEFAULT_SEED, DEFAULT_WALKS } from '../../../src/scenario/analyse.ts';
import { RandomWalker } from '../../../src/scenario/sample-runs.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import { mulberry32 } from '../../../src/scenario/seeded-random.ts';
import { qaScore } from '../../../src/core/scoring/qa-score.ts';
import { replay } from '../../../src/core/engine/replay.ts';
import { ending, scenarioText } from './scenario-text.ts';

const STEPS = 8;

/** Eight steps in a row, each with one choice that keeps the greeting met and two that miss it: one way in 6,561 is clean. */
function narrowCall(): string {
  const steps = Array.from({ length: STEPS }, (_, i) => {
    const next = i === STEPS - 1 ? 'done' : `step-${i + 1}`;
    return `  step-${i}:
    choices:
      - { say: The careful answer at step ${i}., next: ${next}, qa: { met: [greeting] } }
      - { say: A hasty answer at step ${i}., next: ${next}, qa: { missed: [greeting] }, trap: Hasty. }
      - { say: A curt answer at step ${i}., next: ${next}, qa: { missed: [greeting] }, trap: Curt. }
`;
  }).join('');
  return scenarioText(`${steps}${ending('done')}`);
}

const loaded = loadScenario(narrowCall(), 'narrow.yaml');
const def = loaded.definition!;

describe('runs aimed at the ends of the QA scale', () => {
  it('loads the call', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reach the one clean run that the random walks miss, and the report says 100', () => {
    const walker = new RandomWalker(new ConfigRunner(def), def);
    const random = mulberry32(DEFAULT_SEED);
    let walkBest = -1;
    for (let i = 0; i < DEFAULT_WALKS; i += 1) {
      const walk = walker.walk(random);
      if (walk !== null) walkBest = Math.max(walkBest, qaScore(def.scenario, walk.final.context));
    }
    expect(walkBest).toBeLessThan(100);

    const aimed = aimedRuns(def, new ConfigRunner(def));
    const best = aimed.reduce((top, run) => (qaScore(def.scenario, run.final.context) > qaScore(def.scenario, top.final.context) ? run : top));
    expect(qaScore(def.scenario, best.final.context)).toBe(100);
    // A real run: the game's own replay of its events ends in the same state.
    const real = replay(def, best.events);
    expect(real.ok && real.snapshot.context).toEqual(best.final.context);

    const report = analyseScenario(def);
    expect(report.qa?.best).toBe(100);
    expect(report.mismatch.scoreDisagreements).toBe(0);
  });

  it('also reach the worst: every step missed and the wrong disposition', () => {
    const aimed = aimedRuns(def, new ConfigRunner(def));
    const worst = Math.min(...aimed.map((run) => qaScore(def.scenario, run.final.context)));
    expect(worst).toBe(analyseScenario(def).qa?.worst);
    expect(worst).toBeLessThan(50);
  });
});
