/** What a trainee could do at a point in a compiled call: the events worth trying there, for analysis. */
import type { CallEvent } from '../shared/call-events.ts';
import type { Scenario, ScenarioNode } from '../core/model/scenario-schema.ts';
import type { CallContext } from '../core/engine/call-context.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import { CALL_STATES } from '../core/engine/call-setup.ts';
import { conditionHolds } from '../core/engine/apply-step.ts';
import { HANG_UP_DISPOSITIONS } from '../core/engine/hang-up.ts';
import { answerMatches } from '../core/engine/idv-check.ts';
import { engineSearch } from '../core/engine/kb-search.ts';
import { getOrInsert } from '../shared/get-or-insert.ts';

/** Notes that mention every fact an ending asks for (the first word of each), or none. */
export function goodNotes(mustMention: readonly (readonly string[])[]): string {
  return mustMention.length === 0 ? 'Call handled.' : `Notes: ${mustMention.map((words) => words[0] ?? '').join(', ')}.`;
}

function wrapEvents(dispositions: readonly { code: string }[], mustMention: readonly (readonly string[])[]): CallEvent[] {
  const notes = ['', goodNotes(mustMention)];
  return dispositions.flatMap((d) => notes.map((text) => ({ type: 'wrap.submit' as const, disposition: d.code, notes: text })));
}

export interface MoveOptions {
  /** Include the wrap-up submissions at an ending (every disposition, with and without notes). */
  readonly wrapUp: boolean;
}

type IdvNode = Extract<ScenarioNode, { type: 'idv' }>;
type LookupNode = Extract<ScenarioNode, { type: 'lookup' }>;
type RouteNode = Extract<ScenarioNode, { type: 'transfer' | 'escalate' }>;

/** Ask every policy question in turn, then give each verdict with every answer marked truly. */
function idvMoves(scenario: Scenario, node: IdvNode, context: CallContext): CallEvent[] {
  const next = (scenario.idv?.ask ?? []).find((key) => !context.idvAsked.includes(key) && !context.idvEverAsked.includes(key));
  if (next !== undefined) return [{ type: 'idv.ask', key: next }];
  const marks = Object.fromEntries(
    context.idvAsked.map((key) => [key, answerMatches(scenario, key, node.answers[key]) ? ('match' as const) : ('mismatch' as const)]),
  );
  return [
    { type: 'agent.idv', verdict: 'pass', marks },
    { type: 'agent.idv', verdict: 'fail', marks },
  ];
}

/** A right article and one wrong one (found by the task's words if possible): search, open, use. */
export function lookupTargets(def: CallDefinition, node: LookupNode): string[] {
  const found = engineSearch(def.searchIndex, node.task);
  const wrong = found.find((id) => !node.right.includes(id)) ?? def.articles.find((a) => !node.right.includes(a.id))?.id;
  return [node.right[0]!, ...(wrong === undefined ? [] : [wrong])];
}

const targetsByNode = new WeakMap<LookupNode, readonly string[]>();
/** `lookupTargets`, searched once per look-up step (the search reads only the call, never the run). */
function targetsOf(def: CallDefinition, node: LookupNode): readonly string[] {
  return getOrInsert(targetsByNode, node, () => lookupTargets(def, node));
}

function lookupMoves(def: CallDefinition, node: LookupNode, context: CallContext): CallEvent[] {
  return targetsOf(def, node).map((id): CallEvent => {
    if (context.kbOpened.includes(id)) return { type: 'kb.use', article: id };
    if (context.kbFound.includes(id)) return { type: 'kb.open', article: id };
    const title = def.articles.find((a) => a.id === id)?.title ?? id;
    return { type: 'kb.search', query: title.slice(0, 80) };
  });
}

function routeMoves(def: CallDefinition, node: RouteNode): CallEvent[] {
  const handovers = node.handover ?? [];
  const rightHandover = handovers.length === 0 ? null : Math.max(0, handovers.findIndex((h) => h.right === true));
  const wrongTeam = def.teams.find((t) => !node.to.includes(t.id));
  const moves: CallEvent[] = [{ type: 'agent.transfer', team: node.to[0]!, mode: 'warm', handover: rightHandover }];
  if (wrongTeam !== undefined) moves.push({ type: 'agent.transfer', team: wrongTeam.id, mode: 'warm', handover: rightHandover });
  moves.push({ type: 'agent.transfer', team: node.to[0]!, mode: 'cold', handover: null });
  return moves;
}

export function candidateEvents(def: CallDefinition, state: string, context: CallContext, options: MoveOptions): CallEvent[] {
  const { scenario } = def;
  if (state === CALL_STATES.ringing) return [{ type: 'call.answer' }];
  if (state === CALL_STATES.done) return [];
  if (state === CALL_STATES.hungUp) return options.wrapUp ? wrapEvents(HANG_UP_DISPOSITIONS, []) : [];
  const node = scenario.nodes[state];
  if (node === undefined) return [];
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.flatMap((choice, index) =>
        conditionHolds(context, choice.when ?? null) ? [{ type: 'agent.choose' as const, index }] : [],
      );
    case 'idv':
      return idvMoves(scenario, node, context);
    case 'hold':
      return context.holdElapsed < node.seconds
        ? [{ type: 'hold.checkBack' }, { type: 'hold.resume' }]
        : [{ type: 'hold.resume' }];
    case 'lookup':
      return lookupMoves(def, node, context);
    case 'transfer':
    case 'escalate':
      return routeMoves(def, node);
    case 'ending':
      return options.wrapUp ? wrapEvents(node.wrapup.dispositions, node.wrapup.notesMustMention ?? []) : [];
    case 'callback':
      return [{ type: 'agent.continue' }];
  }
}

/** The ending-like states where a call waits for its wrap-up. */
export function isWrapUpState(scenario: Scenario, state: string): boolean {
  return state === CALL_STATES.hungUp || scenario.nodes[state]?.type === 'ending';
}

/**
 * Which of a step's cases `context` is in, as far as `candidateEvents` can tell them apart: the
 * same number means the same events. -1 when the events depend on more than a small number says
 * (the ID&V verdict's marks, read from the questions asked in order; a talk step with more choices
 * than a mask holds): those are worked out afresh.
 */
function caseOf(def: CallDefinition, node: ScenarioNode, context: CallContext): number {
  switch (node.type) {
    case undefined:
    case 'talk': {
      const { choices } = node;
      if (choices.length > 30) return -1;
      let mask = 0;
      for (let i = 0; i < choices.length; i += 1) if (conditionHolds(context, choices[i]!.when ?? null)) mask |= 1 << i;
      return mask;
    }
    case 'idv': {
      const ask = def.scenario.idv?.ask ?? [];
      for (let i = 0; i < ask.length; i += 1) if (!context.idvAsked.includes(ask[i]!) && !context.idvEverAsked.includes(ask[i]!)) return i;
      return -1;
    }
    case 'hold':
      return context.holdElapsed < node.seconds ? 1 : 0;
    case 'lookup': {
      const targets = targetsOf(def, node);
      let key = 0;
      for (let i = targets.length - 1; i >= 0; i -= 1) {
        const id = targets[i]!;
        key = key * 3 + (context.kbOpened.includes(id) ? 2 : context.kbFound.includes(id) ? 1 : 0);
      }
      return key;
    }
    default:
      return 0;
  }
}

type MovesByCase = Map<number, readonly CallEvent[]>;
/** A call's remembered moves: by state, then by case (see `caseOf`). */
export type MoveMemo = Map<string, MovesByCase>;
const movesByDefinition = new WeakMap<CallDefinition, MoveMemo>();
/** Made once, not per call: `movesAt` runs at every step of every walk. */
const newStateMap = (): MoveMemo => new Map();
const newCaseMap = (): MovesByCase => new Map();

/** The memo `movesAt` keeps for `def`: a caller that asks at many steps holds it and calls `movesIn`. */
export function moveMemoOf(def: CallDefinition): MoveMemo {
  return getOrInsert(movesByDefinition, def, newStateMap);
}

/**
 * `candidateEvents`, remembered: the same events in the same order, but one array (and one event
 * object each) per step and case, shared by every caller and never to be changed. For walks that
 * ask at every step of thousands of runs.
 */
export function movesAt(def: CallDefinition, state: string, context: CallContext, options: MoveOptions): readonly CallEvent[] {
  return movesIn(moveMemoOf(def), def, state, context, options);
}

/** `movesAt` with the call's memo already in hand (`moveMemoOf(def)`). */
export function movesIn(memo: MoveMemo, def: CallDefinition, state: string, context: CallContext, options: MoveOptions): readonly CallEvent[] {
  const node = def.scenario.nodes[state];
  // The call's own states (ringing, hung up, done) and the ending steps differ only by `wrapUp`.
  const key = node === undefined || node.type === 'ending' ? (options.wrapUp ? 1 : 0) : caseOf(def, node, context);
  if (key < 0) return candidateEvents(def, state, context, options);
  let byCase = memo.get(state);
  if (byCase === undefined) {
    byCase = newCaseMap();
    memo.set(state, byCase);
  }
  let moves = byCase.get(key);
  if (moves === undefined) {
    moves = candidateEvents(def, state, context, options);
    byCase.set(key, moves);
  }
  return moves;
}
