/**
 * Complete runs of a compiled call, for scoring: the shortest way to every distinct ending state
 * (found by xstate/graph on the real machine) with each wrap-up, and seeded random walks.
 */
import { getShortestPaths } from 'xstate/graph';
import type { CallEvent } from '../shared/call-events.ts';
import { MAX_RUN_EVENTS } from '../shared/call-events.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { ConfigRunner, RunnerState } from './config-runner.ts';
import type { CallSnapshot } from '../core/engine/replay.ts';
import { candidateEvents, isWrapUpState } from './call-moves.ts';
import type { Random } from './seeded-random.ts';

/**
 * The part of a call's state that decides what can happen next: the step, and the flags and ID&V
 * state that choices' conditions read. Mood, time and QA marks never change what is possible.
 * `exact` adds the patience (with the hold clock that costs it), which decides whether the
 * customer hangs up: slower, since every patience level becomes its own state.
 */
export function serializeCallState(snapshot: CallSnapshot, exact = false): string {
  const { flags, idv, idvTrue, patience, holdElapsed, holdSinceCheck, idvAsked, kbFound, kbOpened } = snapshot.context;
  const coarse = `${String(snapshot.value)}|${[...flags].sort().join(',')}|${idv}|${idvTrue ? 1 : 0}|${idvAsked.length}|${kbFound.join(',')}|${kbOpened.join(',')}`;
  return exact ? `${coarse}|${patience}|${holdElapsed}|${holdSinceCheck}` : coarse;
}

/** The most states the engine-side search explores before giving up. */
export const ENGINE_STATE_LIMIT = 100_000;

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

export function shortestRuns(def: CallDefinition, runner: ConfigRunner, exact = false): ShortestRuns {
  const { scenario } = def;
  let paths;
  try {
    paths = getShortestPaths(def.machine, {
      events: (snapshot: CallSnapshot) => candidateEvents(def, String(snapshot.value), snapshot.context, { wrapUp: false }),
      serializeState: (snapshot: CallSnapshot) => serializeCallState(snapshot, exact),
      limit: ENGINE_STATE_LIMIT,
    });
  } catch {
    return { runs: [], reached: null };
  }
  const reached = new Set<string>();
  const runs: FinishedRun[] = [];
  for (const path of paths) {
    const value = String(path.state.value);
    reached.add(value);
    if (!isWrapUpState(scenario, value)) continue;
    const events = path.steps.map((step) => step.event as CallEvent).filter((event) => !event.type.startsWith('xstate.'));
    // Stepped again: states merged by `serializeCallState` may carry another path's context.
    const atEnding = runAll(runner, events);
    if (atEnding === null) continue;
    for (const wrap of candidateEvents(def, value, atEnding.context, { wrapUp: true })) {
      const final = runner.send(atEnding, wrap);
      if (final !== null) runs.push({ events: [...events, wrap], final });
    }
  }
  return { runs, reached };
}

export interface WalkResult {
  /** The events of the walk, from the ringing phone to the wrap-up. */
  events(): CallEvent[];
  /** The call's state at the end, from the config runner. */
  readonly final: RunnerState;
}

interface PrefixNode {
  readonly state: RunnerState;
  readonly parent: PrefixNode | null;
  readonly event: CallEvent | null;
  readonly depth: number;
  options?: readonly CallEvent[];
  readonly children: (PrefixNode | null | undefined)[];
  result?: WalkResult;
}

function eventsTo(node: PrefixNode): CallEvent[] {
  const events: CallEvent[] = [];
  for (let at: PrefixNode | null = node; at?.event != null; at = at.parent) events.push(at.event);
  return events.reverse();
}

/**
 * Seeded random play-throughs. Walks share their beginnings, so each distinct prefix is stepped
 * once and remembered: the same walks as stepping each from scratch, for a fraction of the work.
 * Walks that end the same way return the same result object, so per-ending work can be cached.
 */
export class RandomWalker {
  private readonly root: PrefixNode;

  constructor(
    private readonly runner: ConfigRunner,
    private readonly def: CallDefinition,
  ) {
    this.root = { state: runner.initial(), parent: null, event: null, depth: 0, children: [] };
  }

  /** One walk; null if it got stuck or did not finish within the longest run allowed. */
  walk(random: Random): WalkResult | null {
    let node = this.root;
    while (!node.state.done) {
      if (node.depth >= MAX_RUN_EVENTS) return null;
      node.options ??= candidateEvents(this.def, node.state.value, node.state.context, { wrapUp: true });
      if (node.options.length === 0) return null;
      const index = Math.floor(random() * node.options.length);
      let child = node.children[index];
      if (child === undefined) {
        const event = node.options[index] as CallEvent;
        const next = this.runner.send(node.state, event);
        child = next === null ? null : { state: next, parent: node, event, depth: node.depth + 1, children: [] };
        node.children[index] = child;
      }
      if (child === null) return null;
      node = child;
    }
    const leaf = node;
    leaf.result ??= { events: () => eventsTo(leaf), final: leaf.state };
    return leaf.result;
  }
}
