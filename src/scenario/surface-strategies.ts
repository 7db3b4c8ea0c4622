/**
 * Does the call measure judgement? Plays it the way someone pressing keys would — always the first
 * option shown, always the longest, always the shortest, or at random — over many seeds (so over
 * many presentation orders), and reports how often each reaches a good call (QA ≥ 80 and FCR) and
 * its mean QA. If a surface strategy does well, the call teaches nothing.
 */
import { MAX_RUN_EVENTS } from '../shared/call-events.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { CallContext } from '../core/engine/call-context.ts';
import { strategyView } from './strategy-view.ts';
import { qaScore } from '../core/scoring/qa-score.ts';
import { firstContactResolution } from '../core/scoring/fcr.ts';
import type { Diagnostic } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
import type { Locate } from './parse.ts';
import { ConfigRunner } from './config-runner.ts';
import type { RunnerCursor } from '../core/engine/call-runner.ts';
import { mulberry32 } from './seeded-random.ts';
import { decide, STRATEGIES, type OrderFree, type Strategy } from './strategy-decide.ts';
import { StrategyTrie } from './strategy-trie.ts';

export { decide, STRATEGIES, type Strategy } from './strategy-decide.ts';

export const STRATEGY_SEEDS = 200;
export const GOOD_CALL_QA = 80;
export const MAX_GOOD_SHARE = 0.2;
export const MAX_MEAN_QA = 55;

export interface StrategyResult {
  readonly strategy: Strategy;
  readonly runs: number;
  /** Share of runs that were good calls (QA ≥ 80 and FCR yes), 0-1. */
  readonly good: number;
  readonly meanQa: number;
  /** Runs that could not finish (counted as QA 0, not good). */
  readonly stuck: number;
}


export type RunScore = { readonly qa: number; readonly good: boolean };

/** A finished run's QA, and whether it was a good call. */
export function runScore(def: CallDefinition, context: CallContext): RunScore {
  const qa = qaScore(def.scenario, context);
  return { qa, good: qa >= GOOD_CALL_QA && firstContactResolution(context).value === 'yes' };
}

/**
 * One run of a strategy at a seed, played plainly: stepped in place on `cursor` (put back at the
 * ringing phone first), deciding from the view at every step, nothing kept from one run to the
 * next. The reference `StrategyTrie` must agree with, run by run. `seedFree.value` ends false
 * when a decision drew from the seed.
 */
export function playInPlace(
  def: CallDefinition,
  runner: ConfigRunner,
  cursor: RunnerCursor,
  strategy: Strategy,
  seed: number,
  seedFree: OrderFree = { value: true },
): RunScore | null {
  const random = mulberry32(seed ^ 0x5bd1e995);
  if (strategy === 'random') seedFree.value = false;
  cursor.reset(runner.initial());
  for (let step = 0; step < MAX_RUN_EVENTS && !cursor.done; step += 1) {
    const event = decide(strategyView(def, cursor, seed), def, strategy, random, seedFree);
    if (event === null || !cursor.take(event)) return null;
  }
  return cursor.done ? runScore(def, cursor.context) : null;
}

/**
 * Each strategy played at seeds 1…`seeds`, over one `StrategyTrie` for the call. When the first
 * seed's run made no decision a seed could change (no draw; each pick the only item or the one
 * best by size), every seed plays that same run to the same score: it is counted once for each
 * seed instead of being played again.
 */
export function surfaceStrategies(def: CallDefinition, seeds = STRATEGY_SEEDS): StrategyResult[] {
  const trie = new StrategyTrie(new ConfigRunner(def), def, (context) => runScore(def, context));
  return STRATEGIES.map((strategy) => {
    let good = 0;
    let qaTotal = 0;
    let stuck = 0;
    for (let seed = 1; seed <= seeds; seed += 1) {
      const seedFree = { value: true };
      const run = trie.play(strategy, seed, seedFree);
      const times = seed === 1 && seedFree.value ? seeds : 1;
      if (run === null) stuck += times;
      else {
        qaTotal += run.qa * times;
        if (run.good) good += times;
      }
      if (times === seeds) break;
    }
    return { strategy, runs: seeds, good: good / seeds, meanQa: Math.round((qaTotal / seeds) * 10) / 10, stuck };
  });
}

export function strategyFailures(results: readonly StrategyResult[]): StrategyResult[] {
  return results.filter((r) => r.good > MAX_GOOD_SHARE || r.meanQa > MAX_MEAN_QA);
}

export function strategyDiagnostics(results: readonly StrategyResult[], file: string, locate: Locate): Diagnostic[] {
  const failing = strategyFailures(results);
  if (failing.length === 0) return [];
  const detail = failing
    .map((r) => `always "${r.strategy}" reaches a good call on ${Math.round(r.good * 100)} % of seeds with mean QA ${r.meanQa}`)
    .join('; ');
  return [makeDiagnostic('HTL0063', { detail }, file, locate(['nodes']))];
}

/** One line per strategy, for the checker's report. */
export function formatStrategyReport(results: readonly StrategyResult[]): string[] {
  return results.map(
    (r) =>
      `surface strategy ${r.strategy.padEnd(8)} good calls ${String(Math.round(r.good * 100)).padStart(3)} % · mean QA ${r.meanQa.toFixed(1).padStart(5)}` +
      `${r.stuck > 0 ? ` · ${r.stuck} stuck` : ''} (${r.runs} seeds)`,
  );
}
