/**
 * Does the call measure judgement? Plays it the way someone pressing keys would — always the first
 * option shown, always the longest, always the shortest, or at random — over many seeds (so over
 * many presentation orders), and reports how often each reaches a good call (QA ≥ 80 and FCR) and
 * its mean QA. If a surface strategy does well, the call teaches nothing.
 */
import type { CallEvent } from '../shared/call-events.ts';
import { MAX_RUN_EVENTS } from '../shared/call-events.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import { strategyView, type StrategyView } from './strategy-view.ts';
import { qaScore } from '../core/scoring/qa-score.ts';
import { firstContactResolution } from '../core/scoring/fcr.ts';
import type { Diagnostic } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
import type { Locate } from './parse.ts';
import { ConfigRunner, type RunnerState } from './config-runner.ts';
import type { RunnerCursor } from '../core/engine/call-runner.ts';
import { mulberry32, type Random } from './seeded-random.ts';

export const STRATEGIES = ['first', 'longest', 'shortest', 'random'] as const;
export type Strategy = (typeof STRATEGIES)[number];

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

/** Whether every pick of a decision was the same whatever order the items were shown in. */
interface OrderFree {
  value: boolean;
}

/**
 * The item `strategy` picks from those shown, in the order shown; undefined when none is. A plain
 * function with its sizes passed in, not a closure per decision: strategies decide at every step.
 */
function pick<T>(strategy: Strategy, random: Random, orderFree: OrderFree, items: readonly T[], size: (item: T) => number): T | undefined {
  if (items.length === 0) return undefined;
  // The random strategy draws even from one item, so its stream of draws stays the same.
  if (strategy === 'random') {
    orderFree.value = false;
    return items[Math.floor(random() * items.length)];
  }
  if (items.length === 1) return items[0];
  if (strategy === 'first') {
    orderFree.value = false;
    return items[0];
  }
  const longest = strategy === 'longest';
  let best = items[0]!;
  let bestSize = size(best);
  for (let i = 1; i < items.length; i += 1) {
    const itemSize = size(items[i]!);
    if (longest ? itemSize > bestSize : itemSize < bestSize) {
      best = items[i]!;
      bestSize = itemSize;
    }
  }
  // A tie for the best size is settled by the order shown, which the seed draws.
  for (let i = 0; i < items.length; i += 1) {
    if (items[i] !== best && size(items[i]!) === bestSize) {
      orderFree.value = false;
      break;
    }
  }
  return best;
}

const saidLength = (item: { readonly say: string }): number => item.say.length;
const handlesLength = (team: { readonly handles: string }): number => team.handles.length;
const labelLength = (disposition: { readonly label: string }): number => disposition.label.length;

const bodyLengths = new WeakMap<CallDefinition, ReadonlyMap<string, number>>();
function bodyLengthOf(def: CallDefinition): (id: string) => number {
  let lengths = bodyLengths.get(def);
  if (lengths === undefined) {
    lengths = new Map([...def.articles].reverse().map((a) => [a.id, a.body.length]));
    bodyLengths.set(def, lengths);
  }
  const known = lengths;
  return (id) => known.get(id) ?? 0;
}

/** What a strategy does next, from what the trainee sees (the whole view or the strategy's part of it). */
export function decide(view: StrategyView, def: CallDefinition, strategy: Strategy, random: Random, orderFree: OrderFree = { value: true }): CallEvent | null {
  switch (view.phase) {
    case 'ringing':
      return { type: 'call.answer' };
    case 'talk': {
      const choice = pick(strategy, random, orderFree, view.choices, saidLength);
      return choice === undefined ? null : { type: 'agent.choose', index: choice.index };
    }
    case 'idv': {
      const questions = view.idv ?? [];
      if (strategy === 'random') {
        const toAsk = questions.find((q) => !q.asked && random() < 0.6);
        if (toAsk !== undefined) return { type: 'idv.ask', key: toAsk.key };
        const marks = Object.fromEntries(questions.filter((q) => q.asked).map((q) => [q.key, random() < 0.5 ? 'match' : 'mismatch'] as const));
        return { type: 'agent.idv', verdict: random() < 0.5 ? 'pass' : 'fail', marks };
      }
      const next = questions.find((q) => q.policy && !q.asked);
      if (next !== undefined) return { type: 'idv.ask', key: next.key };
      const marks = Object.fromEntries(questions.filter((q) => q.asked).map((q) => [q.key, 'match'] as const));
      return { type: 'agent.idv', verdict: 'pass', marks };
    }
    case 'hold':
      if (strategy === 'random' && view.hold !== null && view.hold.done < view.hold.total && random() < 0.5) return { type: 'hold.checkBack' };
      return { type: 'hold.resume' };
    case 'lookup': {
      const kb = view.knowledge!;
      if (kb.query === null) return { type: 'kb.search', query: kb.task.slice(0, 80) };
      const bodyLength = bodyLengthOf(def);
      const chosen = pick(strategy, random, orderFree, kb.results, (r) => bodyLength(r.id));
      if (chosen === undefined) return null;
      if (!kb.opened.some((a) => a.id === chosen.id)) return { type: 'kb.open', article: chosen.id };
      return { type: 'kb.use', article: chosen.id };
    }
    case 'transfer':
    case 'escalate': {
      const routing = view.routing!;
      const team = pick(strategy, random, orderFree, routing.directory, handlesLength);
      if (team === undefined) return null;
      const cold = strategy === 'random' ? random() < 0.5 : false;
      const handover = cold ? undefined : pick(strategy, random, orderFree, routing.handovers, saidLength);
      return { type: 'agent.transfer', team: team.id, mode: cold ? 'cold' : 'warm', handover: handover?.index ?? null };
    }
    case 'callback':
      return { type: 'agent.continue' };
    case 'wrapup': {
      const wrap = view.wrapup!;
      const disposition = pick(strategy, random, orderFree, wrap.dispositions, labelLength);
      if (disposition === undefined) return null;
      const notes = strategy === 'longest' || (strategy === 'random' && random() < 0.5) ? wrap.summary : '';
      return { type: 'wrap.submit', disposition: disposition.code, notes };
    }
    case 'done':
      return null;
  }
}

type RunScore = { qa: number; good: boolean };

/**
 * Where runs have been: each state with the states its events led to, and its score once scored.
 * Runs at different seeds that share their moves step each move and score each end once; the
 * decisions themselves are still made afresh at every seed. Only the strategies whose runs mostly
 * repeat one another ("longest", "shortest") are played this way; see `IN_PLACE`.
 */
interface Visit {
  readonly state: RunnerState;
  /** Where each event taken here led (by `eventKey`; null: refused); made on the first one. */
  next: Map<string, Visit | null> | null;
  /** Per strategy (its index in STRATEGIES): its decision here when no seed can change it (no random draw, no tie settled by the order shown). */
  fixed: (CallEvent | null | undefined)[] | null;
  score?: RunScore;
}

export const newVisit = (state: RunnerState): Visit => ({ state, next: null, fixed: null });

function eventKey(event: CallEvent): string {
  switch (event.type) {
    case 'agent.choose':
      return `c${event.index}`;
    case 'idv.ask':
      return `a${event.key}`;
    case 'kb.search':
      return `s${event.query}`;
    case 'kb.open':
      return `o${event.article}`;
    case 'kb.use':
      return `u${event.article}`;
    default:
      return JSON.stringify(event);
  }
}

function scoreOf(def: CallDefinition, visit: Visit): RunScore {
  if (visit.score === undefined) {
    const qa = qaScore(def.scenario, visit.state.context);
    visit.score = { qa, good: qa >= GOOD_CALL_QA && firstContactResolution(visit.state.context).value === 'yes' };
  }
  return visit.score;
}

/**
 * One run of a strategy at a seed: its QA and whether it was a good call; null if it got stuck.
 * `seedFree.value` ends true when no decision of the run drew from the seed (see `surfaceStrategies`).
 */
export function playStrategy(
  def: CallDefinition,
  runner: ConfigRunner,
  strategy: Strategy,
  seed: number,
  start: Visit = newVisit(runner.initial()),
  seedFree: OrderFree = { value: true },
): RunScore | null {
  const random = mulberry32(seed ^ 0x5bd1e995);
  if (strategy === 'random') seedFree.value = false;
  const which = STRATEGIES.indexOf(strategy);
  let visit = start;
  for (let step = 0; step < MAX_RUN_EVENTS && !visit.state.done; step += 1) {
    // The strategy's next event: remembered where no seed can change it, else decided from the view at this seed.
    let event = visit.fixed?.[which];
    if (event === undefined) {
      const orderFree = { value: strategy !== 'random' };
      event = decide(strategyView(def, visit.state, seed), def, strategy, random, orderFree);
      if (orderFree.value) (visit.fixed ??= [])[which] = event;
      else seedFree.value = false;
    }
    if (event === null) return null;
    const key = eventKey(event);
    let next = visit.next?.get(key);
    if (next === undefined) {
      const state = runner.send(visit.state, event);
      next = state === null ? null : newVisit(state);
      (visit.next ??= new Map()).set(key, next);
    }
    if (next === null) return null;
    visit = next;
  }
  return visit.state.done ? scoreOf(def, visit) : null;
}

/**
 * The strategies played by stepping one working context in place (`playInPlace`) rather than over
 * a tree of visits. Their runs part ways early (a random draw, or a shown order that changes with
 * the seed), so a tree keeps a copy of the call's state for most steps and shares few of them:
 * measured over the library (median of 5, interleaved, under load), the strategies took 981 ms
 * with every strategy on visits, 764 ms with "random" in place, 655 ms with "first" too.
 */
const IN_PLACE: ReadonlySet<Strategy> = new Set<Strategy>(['random', 'first']);

/**
 * One run of a strategy at a seed, stepped in place on `cursor` (put back at the ringing phone
 * first): the same run as `playStrategy`, with nothing kept along the way. `seedFree.value` ends
 * true when no decision drew from the seed, as in `playStrategy`.
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
  if (!cursor.done) return null;
  const qa = qaScore(def.scenario, cursor.context);
  return { qa, good: qa >= GOOD_CALL_QA && firstContactResolution(cursor.context).value === 'yes' };
}

/**
 * Each strategy played at seeds 1…`seeds`. A seed reaches a strategy's decisions only through the
 * order things are shown in and the random strategy's draws. When the first seed's run made no
 * decision either could change (no draw; each pick the only item or the one best by size), every
 * decision of that run follows from the call's state alone, and the runner's next state from the
 * state and the event: so every seed plays that same run, from the same states to the same score,
 * and it is counted once for each seed instead of being played again.
 */
export function surfaceStrategies(def: CallDefinition, seeds = STRATEGY_SEEDS): StrategyResult[] {
  const runner = new ConfigRunner(def);
  const start = newVisit(runner.initial());
  const cursor = runner.cursor();
  return STRATEGIES.map((strategy) => {
    let good = 0;
    let qaTotal = 0;
    let stuck = 0;
    for (let seed = 1; seed <= seeds; seed += 1) {
      const seedFree = { value: true };
      const run = IN_PLACE.has(strategy) ? playInPlace(def, runner, cursor, strategy, seed, seedFree) : playStrategy(def, runner, strategy, seed, start, seedFree);
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
