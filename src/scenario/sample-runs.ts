/**
 * Complete runs of a compiled call, for scoring: the shortest way to every distinct ending state
 * (a breadth-first search stepped by the engine's pure runner) with each wrap-up, and seeded
 * random walks.
 */
import type { CallEvent } from '../shared/call-events.ts';
import { MAX_RUN_EVENTS } from '../shared/call-events.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { ConfigRunner, RunnerState } from './config-runner.ts';
import type { RunnerCursor } from '../core/engine/call-runner.ts';
import { isWrapUpState, moveMemoOf, movesAt, movesIn, type MoveMemo } from './call-moves.ts';
import type { Random } from './seeded-random.ts';

/**
 * The part of a call's state that decides what can happen next: the step, and the flags and ID&V
 * state that choices' conditions read. Mood, time and QA marks never change what is possible.
 * `exact` adds the patience (with the hold clock that costs it), which decides whether the
 * customer hangs up: slower, since every patience level becomes its own state.
 */
export function serializeCallState(snapshot: RunnerState, exact = false): string {
  const { flags, idv, idvTrue, patience, holdElapsed, holdSinceCheck, idvAsked, kbFound, kbOpened } = snapshot.context;
  const coarse = `${snapshot.value}|${[...flags].sort().join(',')}|${idv}|${idvTrue ? 1 : 0}|${idvAsked.length}|${kbFound.join(',')}|${kbOpened.join(',')}`;
  return exact ? `${coarse}|${patience}|${holdElapsed}|${holdSinceCheck}` : coarse;
}

/** The most states the engine-side search explores before giving up. */
export const ENGINE_STATE_LIMIT = 100_000;

/**
 * How many of the engine's states each of the checker's states splits into, at most, as measured:
 * the engine also keeps apart flags no `when` reads, the questions asked so far and the articles
 * found and opened. Over the shipped library the engine's search visits 1.3-3.9 states per checker
 * state (cancellation-retention the most: 128 for 33); over generated calls of 30-300 steps,
 * 2.0-3.8 (the 300-step call: 135,945 for 35,564).
 */
export const ENGINE_STATES_PER_CHECKER_STATE = 4;

/**
 * Whether the engine-side search would give up on a call whose checker found `checkerStates`
 * states (or stopped counting): then it is not started. Without this, a call just too big for the
 * search spent its whole budget (1.4 s on the generated 300-step call) before the result was
 * thrown away.
 */
export function engineSearchHopeless(checkerStates: number, truncated: boolean): boolean {
  return truncated || checkerStates * ENGINE_STATES_PER_CHECKER_STATE > ENGINE_STATE_LIMIT;
}

export interface FinishedRun {
  readonly events: readonly CallEvent[];
  /** The call's state at the end, from the config runner. */
  readonly final: RunnerState;
}

export interface ShortestRuns {
  /** The shortest way to each distinct ending state, finished with every wrap-up on offer there. */
  readonly runs: readonly FinishedRun[];
  /** Every state value the engine reached (step ids and the engine's own `__` states); null
   *  when the call has more states than ENGINE_STATE_LIMIT and the search was abandoned. */
  readonly reached: ReadonlySet<string> | null;
}

/** The state after `events` from the ringing phone, or null if the call cannot take them. */
export function runAll(runner: ConfigRunner, events: readonly CallEvent[]): RunnerState | null {
  let state: RunnerState | null = runner.initial();
  for (const event of events) {
    state = runner.send(state, event);
    if (state === null) return null;
  }
  return state;
}

interface Visited {
  readonly state: RunnerState;
  readonly parent: number;
  readonly event: CallEvent | null;
}

function pathTo(visited: readonly Visited[], at: number): CallEvent[] {
  const events: CallEvent[] = [];
  for (let i = at; visited[i]!.event !== null; i = visited[i]!.parent) events.push(visited[i]!.event!);
  return events.reverse();
}

/**
 * Breadth-first from the ringing phone over the events worth trying, one visit per distinct
 * `serializeCallState`: the shortest way to every state that matters. Null past `ENGINE_STATE_LIMIT`.
 */
function shortestToEveryState(def: CallDefinition, runner: ConfigRunner, exact: boolean): Visited[] | null {
  const first = runner.initial();
  const visited: Visited[] = [{ state: first, parent: -1, event: null }];
  const seen = new Set([serializeCallState(first, exact)]);
  for (let at = 0; at < visited.length; at += 1) {
    const { state } = visited[at]!;
    for (const event of movesAt(def, state.value, state.context, { wrapUp: false })) {
      const next = runner.send(state, event);
      if (next === null) continue;
      const key = serializeCallState(next, exact);
      if (seen.has(key)) continue;
      if (visited.length >= ENGINE_STATE_LIMIT) return null;
      seen.add(key);
      visited.push({ state: next, parent: at, event });
    }
  }
  return visited;
}

export function shortestRuns(def: CallDefinition, runner: ConfigRunner, exact = false): ShortestRuns {
  const { scenario } = def;
  const visited = shortestToEveryState(def, runner, exact);
  if (visited === null) return { runs: [], reached: null };
  const reached = new Set<string>();
  const runs: FinishedRun[] = [];
  visited.forEach(({ state }, at) => {
    reached.add(state.value);
    if (!isWrapUpState(scenario, state.value)) return;
    const events = pathTo(visited, at);
    for (const wrap of movesAt(def, state.value, state.context, { wrapUp: true })) {
      const final = runner.send(state, wrap);
      if (final !== null) runs.push({ events: [...events, wrap], final });
    }
  });
  return { runs, reached };
}

export interface WalkResult {
  /** The events of the walk, from the ringing phone to the wrap-up. */
  events(): CallEvent[];
  /** The call's state at the end, from the config runner. */
  readonly final: RunnerState;
}

const WRAP_UP = { wrapUp: true } as const;

/** Every this many events a point keeps the call's state, so a walk that goes somewhere new steps at most this many events again to get back there. */
const CHECKPOINT_EVERY = 4;

/**
 * How deep the walks' shared tree goes. Walks share their beginnings, but seldom anything after
 * dozens of random moves: past this depth a walk is stepped in place and kept nowhere, which
 * spares the collector a tree of points no other walk comes back to. The shipped calls' walks end
 * well before it (their longest is under 40 events), so they are stepped as before; on a
 * generated 1,000-step call (walks of some 300 events) the walks' stage took ~1.5 s with every
 * point kept.
 */
const TREE_DEPTH = 64;

/**
 * A point walks have reached: what was taken to get there and what can be taken next. Walks step
 * one working context in place; a point keeps the call's state only every few events (a
 * checkpoint), and a finished walk keeps its end.
 */
interface PrefixNode {
  readonly parent: PrefixNode | null;
  readonly event: CallEvent | null;
  readonly depth: number;
  readonly done: boolean;
  readonly checkpoint: RunnerState | null;
  /** The events on offer here; undefined until a walk first stands here. */
  options: readonly CallEvent[] | undefined;
  /** Per option: the point it leads to, null when the call refused it, undefined before it was tried. */
  children: (PrefixNode | null | undefined)[] | undefined;
  /** A finished walk's result, made the first time a walk ends here. */
  result: WalkResult | undefined;
}

/** A new point: every field written, in one order, so all points share one shape (walks read them at every step). */
function prefixNode(parent: PrefixNode | null, event: CallEvent | null, depth: number, done: boolean, checkpoint: RunnerState | null): PrefixNode {
  return { parent, event, depth, done, checkpoint, options: undefined, children: undefined, result: undefined };
}

/** A point of a tree of runs: the event that led to it from its parent (null at the root). */
export interface RunPoint {
  readonly parent: RunPoint | null;
  readonly event: CallEvent | null;
}

/** The events from the root of a tree of runs down to `node`. */
export function eventsTo(node: RunPoint): CallEvent[] {
  const events: CallEvent[] = [];
  for (let at: RunPoint | null = node; at?.event != null; at = at.parent) events.push(at.event);
  return events.reverse();
}

/**
 * Seeded random play-throughs. Walks share their beginnings, so the options at each point and the
 * end of each distinct walk are worked out once and remembered; the call itself is stepped (in
 * place, on one working context, from the last checkpoint) only when a walk goes somewhere new.
 * The same walks, with the same random draws, as stepping each from scratch. Walks that end the
 * same way return the same result object, so per-ending work can be cached.
 */
export class RandomWalker {
  private readonly root: PrefixNode;
  private readonly cursor: RunnerCursor;
  private readonly start: RunnerState;
  private readonly moves: MoveMemo;

  constructor(
    runner: ConfigRunner,
    private readonly def: CallDefinition,
  ) {
    this.moves = moveMemoOf(def);
    this.start = runner.initial();
    this.cursor = runner.cursor(this.start);
    this.root = prefixNode(null, null, 0, this.start.done, this.start);
  }

  /** Puts the cursor at `node`, stepping from the last checkpoint on the way there. */
  private stepTo(node: PrefixNode): void {
    const events: CallEvent[] = [];
    let at = node;
    while (at.checkpoint === null) {
      events.push(at.event!);
      at = at.parent!;
    }
    this.cursor.reset(at.checkpoint);
    for (let i = events.length - 1; i >= 0; i -= 1) this.cursor.take(events[i]!);
  }

  /** One walk; null if it got stuck or did not finish within the longest run allowed. */
  walk(random: Random): WalkResult | null {
    let node = this.root;
    // Whether the cursor stands at `node`: only once the walk needs the call's state.
    let here = false;
    while (!node.done) {
      if (node.depth >= MAX_RUN_EVENTS) return null;
      if (node.depth >= TREE_DEPTH) {
        if (!here) this.stepTo(node);
        return this.finishInPlace(node, random);
      }
      if (node.options === undefined) {
        if (!here) this.stepTo(node);
        here = true;
        node.options = movesIn(this.moves, this.def, this.cursor.value, this.cursor.context, WRAP_UP);
        // Filled with undefined (none tried yet), so the array is never holey.
        node.children = new Array<PrefixNode | null | undefined>(node.options.length).fill(undefined);
      }
      if (node.options.length === 0) return null;
      const index = Math.floor(random() * node.options.length);
      let child = node.children![index];
      if (child === undefined) {
        if (!here) this.stepTo(node);
        const event = node.options[index] as CallEvent;
        // A refused event leaves the cursor where it was, still at `node`.
        here = this.cursor.take(event);
        const depth = node.depth + 1;
        const checkpoint = here && depth % CHECKPOINT_EVERY === 0 ? this.cursor.state() : null;
        child = here ? prefixNode(node, event, depth, this.cursor.done, checkpoint) : null;
        node.children![index] = child;
      } else here = false;
      if (child === null) return null;
      node = child;
    }
    let result = node.result;
    if (result === undefined) {
      if (!here) this.stepTo(node);
      const leaf = node;
      result = { events: () => eventsTo(leaf), final: this.cursor.state() };
      leaf.result = result;
    }
    return result;
  }

  /**
   * The rest of a walk from `from` (where the cursor stands), stepped in place with the same draws
   * the tree would make, and kept nowhere: its result is its own.
   */
  private finishInPlace(from: PrefixNode, random: Random): WalkResult | null {
    const { cursor } = this;
    const tail: CallEvent[] = [];
    for (let depth = from.depth; !cursor.done; depth += 1) {
      if (depth >= MAX_RUN_EVENTS) return null;
      const options = movesIn(this.moves, this.def, cursor.value, cursor.context, WRAP_UP);
      if (options.length === 0) return null;
      const event = options[Math.floor(random() * options.length)] as CallEvent;
      if (!cursor.take(event)) return null;
      tail.push(event);
    }
    return { events: () => [...eventsTo(from), ...tail], final: cursor.state() };
  }
}
