/**
 * A strategy whose first run drew nothing from the seed is counted once per seed instead of played
 * again: the results must be exactly those of playing every seed from scratch.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../helpers/walkthrough.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import { newVisit, playInPlace, playStrategy, STRATEGIES, surfaceStrategies, type Strategy, type StrategyResult } from '../../../src/scenario/surface-strategies.ts';
import type { CallDefinition } from '../../../src/core/engine/call-definition.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');
const SEEDS = 30;
const calls = readdirSync(SHIPPED)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => [name, loadScenarioFile(join(SHIPPED, name))] as const);

/** Every seed played on a fresh tree of its own: nothing remembered from one seed to the next. */
function everySeedAfresh(def: CallDefinition, strategy: Strategy, seeds: number): StrategyResult {
  const runner = new ConfigRunner(def);
  let good = 0;
  let qaTotal = 0;
  let stuck = 0;
  for (let seed = 1; seed <= seeds; seed += 1) {
    const run = playStrategy(def, runner, strategy, seed, newVisit(runner.initial()));
    if (run === null) stuck += 1;
    else {
      qaTotal += run.qa;
      if (run.good) good += 1;
    }
  }
  return { strategy, runs: seeds, good: good / seeds, meanQa: Math.round((qaTotal / seeds) * 10) / 10, stuck };
}

function seedFreeAtFirstSeed(def: CallDefinition, strategy: Strategy): boolean {
  const runner = new ConfigRunner(def);
  const seedFree = { value: true };
  playStrategy(def, runner, strategy, 1, newVisit(runner.initial()), seedFree);
  return seedFree.value;
}

describe('surface strategies', () => {
  it.each(calls)('%s: the same results as playing every seed afresh', (_, def) => {
    expect(surfaceStrategies(def, SEEDS)).toEqual(STRATEGIES.map((strategy) => everySeedAfresh(def, strategy, SEEDS)));
  });

  it.each(calls)('%s: a run stepped in place is the run played over visits, seed by seed', (_, def) => {
    const runner = new ConfigRunner(def);
    const cursor = runner.cursor();
    for (const strategy of STRATEGIES) {
      for (let seed = 1; seed <= 10; seed += 1) {
        const overVisits = { value: true };
        const inPlace = { value: true };
        expect(playInPlace(def, runner, cursor, strategy, seed, inPlace)).toEqual(playStrategy(def, runner, strategy, seed, newVisit(runner.initial()), overVisits));
        expect(inPlace.value).toBe(overVisits.value);
      }
    }
  });

  it('finds runs that no seed can change in the shipped library (so the shortcut is taken), and never for the random strategy', () => {
    const free = calls.flatMap(([name, def]) => STRATEGIES.filter((s) => seedFreeAtFirstSeed(def, s)).map((s) => `${name} ${s}`));
    expect(free.length).toBeGreaterThan(0);
    expect(free.filter((entry) => entry.endsWith(' random'))).toEqual([]);
  });

  it('does not take the shortcut where the order shown decides the pick', () => {
    // "first" takes whatever is shown first: wherever a step shows two or more choices, the seed decides.
    const multi = calls.filter(([, def]) => Object.values(def.scenario.nodes).some((node) => 'choices' in node && node.choices.filter((c) => c.when === undefined).length > 1));
    expect(multi.length).toBeGreaterThan(0);
    for (const [, def] of multi) expect(seedFreeAtFirstSeed(def, 'first')).toBe(false);
  });
});
