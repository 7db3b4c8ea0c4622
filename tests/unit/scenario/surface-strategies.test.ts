/**
 * The checker plays the strategies over a tree of moves shared by every run (`StrategyTrie`), and
 * counts a strategy whose first run drew nothing from the seed once per seed instead of playing it
 * again: run by run and in sum, the results must be exactly those of the plain loop, which plays
 * every seed from the ringing phone and keeps nothing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../helpers/walkthrough.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import { playInPlace, runScore, STRATEGIES, surfaceStrategies, type Strategy, type StrategyResult } from '../../../src/scenario/surface-strategies.ts';
import { StrategyTrie } from '../../../src/scenario/strategy-trie.ts';
import type { CallDefinition } from '../../../src/core/engine/call-definition.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');
const SEEDS = 30;
const calls = readdirSync(SHIPPED)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => [name, loadScenarioFile(join(SHIPPED, name))] as const);

/** Every seed played by the plain loop: nothing remembered from one seed to the next. */
function everySeedAfresh(def: CallDefinition, strategy: Strategy, seeds: number): StrategyResult {
  const runner = new ConfigRunner(def);
  const cursor = runner.cursor();
  let good = 0;
  let qaTotal = 0;
  let stuck = 0;
  for (let seed = 1; seed <= seeds; seed += 1) {
    const run = playInPlace(def, runner, cursor, strategy, seed);
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
  playInPlace(def, runner, runner.cursor(), strategy, 1, seedFree);
  return seedFree.value;
}

describe('surface strategies', () => {
  it.each(calls)('%s: the same results as playing every seed afresh', (_, def) => {
    expect(surfaceStrategies(def, SEEDS)).toEqual(STRATEGIES.map((strategy) => everySeedAfresh(def, strategy, SEEDS)));
  });

  it.each(calls)('%s: every run over the shared tree is the plain loop\'s run, seed by seed', (_, def) => {
    const runner = new ConfigRunner(def);
    const cursor = runner.cursor();
    const trie = new StrategyTrie(runner, def, (context) => runScore(def, context));
    // Strategies in turn over one tree, as the checker plays them, at every seed it plays.
    for (const strategy of STRATEGIES) {
      for (let seed = 1; seed <= 200; seed += 1) {
        const plain = { value: true };
        const overTree = { value: true };
        expect([seed, trie.play(strategy, seed, overTree)]).toEqual([seed, playInPlace(def, runner, cursor, strategy, seed, plain)]);
        expect(overTree.value).toBe(plain.value);
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
