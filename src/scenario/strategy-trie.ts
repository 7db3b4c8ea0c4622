/**
 * Surface-strategy runs over one tree of moves. The runner's next state follows from the state and
 * the event alone (no seed reaches it), so two runs that took the same moves stand at the same
 * state whatever their seeds: a move the tree holds is not stepped again, and what the trainee
 * would be shown at a point is read once (a `StrategyMenu`, ordered per seed). Only the decisions
 * are made afresh for every run, from the menu at its seed; a decision no seed can change (no
 * random draw, no tie settled by the order shown) is remembered per strategy where it was made.
 *
 * The tree grows by one point per run, where the run first leaves it; the rest of the run is
 * stepped in place, as the plain loop does, and kept nowhere. So the tree holds at most one point
 * per run, each with the call's state (a checkpoint to step on from), and it fills in where runs
 * go again and again: near the start, where every run passes, and along the runs that repeat one
 * another. Keeping every point of every run costs more in memory (and the collector's time) than
 * stepping the runs' unshared tails saves: over the library, the strategies' stage took ~720 ms
 * (GC ~420 ms) with every point kept against ~530 ms (GC ~190 ms) for the plain loop (whole
 * process, 5 interleaved runs under load); one point per run kept 7,253 points and stepped 57,539
 * moves in place (of ~117,000 for "first" and "random"), two per run 13,348 and 46,905, with no
 * clear gain in time.
 */
import type { CallEvent } from '../shared/call-events.ts';
import { MAX_RUN_EVENTS } from '../shared/call-events.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { CallContext } from '../core/engine/call-context.ts';
import type { RunnerCursor, RunnerState } from '../core/engine/call-runner.ts';
import type { ConfigRunner } from './config-runner.ts';
import { strategyMenu, strategyView, type StrategyMenu } from './strategy-view.ts';
import { decide, STRATEGIES, type OrderFree, type Strategy } from './strategy-decide.ts';
import { mulberry32, type Random } from './seeded-random.ts';

/** What a strategy decided at a point, kept when no seed could change it; undefined: not kept. */
type Decision = CallEvent | null | undefined;

interface Point<S> {
  readonly depth: number;
  /** The call's state here. */
  readonly state: RunnerState;
  /** What is shown here, read the first time a run decides here. */
  menu: StrategyMenu | undefined;
  /** Per strategy (its index in STRATEGIES): its decision here when no seed can change it. */
  fixed: Decision[] | undefined;
  /** Where each move taken here led (by `moveKey`; null: the call refused it). */
  next: Map<string, Point<S> | null> | undefined;
  /** The end's score, the first time a run finishes here. */
  score: S | undefined;
}

/** A new point: every field written, in one order, so all points share one shape. */
function point<S>(depth: number, state: RunnerState): Point<S> {
  return { depth, state, menu: undefined, fixed: undefined, next: undefined, score: undefined };
}

/** A key that tells moves apart: the same key only for events that do the same thing. */
export function moveKey(event: CallEvent): string {
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

/** Scores a finished run from the call's state at its end. */
export type ScoreEnd<S> = (context: CallContext) => S;

export class StrategyTrie<S> {
  private readonly root: Point<S>;
  private readonly cursor: RunnerCursor;

  constructor(
    runner: ConfigRunner,
    private readonly def: CallDefinition,
    private readonly scoreEnd: ScoreEnd<S>,
  ) {
    const start = runner.initial();
    this.cursor = runner.cursor(start);
    this.root = point(0, start);
  }

  /**
   * One run of `strategy` at `seed`: the end's score, or null when it got stuck (no move, a move
   * refused, or no end within the longest run allowed). `seedFree.value` ends false when a
   * decision of the run drew from the seed (a random draw, or a pick the order shown settled).
   */
  play(strategy: Strategy, seed: number, seedFree: OrderFree = { value: true }): S | null {
    const random = mulberry32(seed ^ 0x5bd1e995);
    if (strategy === 'random') seedFree.value = false;
    const which = STRATEGIES.indexOf(strategy);
    let at = this.root;
    let grown = false;
    for (;;) {
      if (at.state.done) return (at.score ??= this.scoreEnd(at.state.context));
      if (at.depth >= MAX_RUN_EVENTS) return null;
      let event = at.fixed?.[which];
      if (event === undefined) {
        const orderFree = { value: strategy !== 'random' };
        event = decide((at.menu ??= strategyMenu(this.def, at.state))(seed), this.def, strategy, random, orderFree);
        if (orderFree.value) (at.fixed ??= new Array<Decision>(STRATEGIES.length).fill(undefined))[which] = event;
        else seedFree.value = false;
      }
      if (event === null) return null;
      const key = moveKey(event);
      const next = at.next?.get(key);
      if (next === null) return null;
      if (next !== undefined) {
        at = next;
        continue;
      }
      this.cursor.reset(at.state);
      if (!this.cursor.take(event)) {
        (at.next ??= new Map()).set(key, null);
        return null;
      }
      if (grown) return this.finishInPlace(strategy, seed, random, seedFree, at.depth + 1);
      grown = true;
      const made = point<S>(at.depth + 1, this.cursor.state());
      (at.next ??= new Map()).set(key, made);
      at = made;
    }
  }

  /** The rest of a run that left the tree, stepped in place on the cursor from `depth` moves in. */
  private finishInPlace(strategy: Strategy, seed: number, random: Random, seedFree: OrderFree, depth: number): S | null {
    const { cursor, def } = this;
    for (let step = depth; step < MAX_RUN_EVENTS && !cursor.done; step += 1) {
      const event = decide(strategyView(def, cursor, seed), def, strategy, random, seedFree);
      if (event === null || !cursor.take(event)) return null;
    }
    return cursor.done ? this.scoreEnd(cursor.context) : null;
  }
}
