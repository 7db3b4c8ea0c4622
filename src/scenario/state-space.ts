/**
 * Every situation a call can be in, found statically from `start`: which step, which flags are
 * set, the ID&V verdict the trainee gave, and whether the caller truly passed. Choices' `when`
 * conditions are honoured, so a choice that is never offered adds no edge. Mood, patience and
 * time are left out (they never decide which choices are offered), which keeps the space small.
 */
import type { Choice, Condition, Scenario, ScenarioNode } from '../core/model/scenario-schema.ts';
import { idvAnswersRight } from '../core/engine/idv-check.ts';

export type IdvVerdict = NonNullable<Condition['idv']>;

export interface StaticState {
  readonly node: string;
  /** Set flags, sorted. */
  readonly flags: readonly string[];
  readonly idv: IdvVerdict;
  /** Whether the caller really passed ID&V (passed by the trainee, with every answer right). */
  readonly idvTrue: boolean;
}

export type EdgeKind = 'choice' | 'pass' | 'fail' | 'next' | 'wrong';

export interface StaticEdge {
  readonly from: number;
  readonly to: number;
  readonly kind: EdgeKind;
  /** For a choice: its index in the step's `choices`, as written. */
  readonly choice?: number;
}

export interface StateSpace {
  /** State 0 is the call's first step, just answered. */
  readonly states: readonly StaticState[];
  readonly edges: readonly StaticEdge[];
  /** Indices into `edges`, per state. */
  readonly outgoing: readonly (readonly number[])[];
  /** True when exploration stopped at the limit. */
  readonly truncated: boolean;
  readonly limit: number;
}

export const DEFAULT_STATE_LIMIT = 200_000;

export function conditionHoldsIn(when: Condition | undefined, state: Pick<StaticState, 'flags' | 'idv'>): boolean {
  if (when === undefined) return true;
  if (when.idv !== undefined && when.idv !== state.idv) return false;
  if (when.flags?.some((flag) => !state.flags.includes(flag))) return false;
  if (when.notFlags?.some((flag) => state.flags.includes(flag))) return false;
  return true;
}

/** Flags after a step: its `clear` first, then its `set`. */
export function applyFlags(flags: readonly string[], effects: Pick<Choice, 'set' | 'clear'>): readonly string[] {
  if (effects.set === undefined && effects.clear === undefined) return flags;
  const kept = flags.filter((flag) => !effects.clear?.includes(flag));
  const added = (effects.set ?? []).filter((flag) => !kept.includes(flag));
  return [...kept, ...added].sort();
}

interface Move {
  readonly to: StaticState;
  readonly kind: EdgeKind;
  readonly choice?: number;
}

/** The moves out of a state, in the order the step lists them. */
export function movesFrom(scenario: Scenario, state: StaticState): Move[] {
  const node: ScenarioNode | undefined = scenario.nodes[state.node];
  if (node === undefined) return [];
  const keep = { idv: state.idv, idvTrue: state.idvTrue };
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.flatMap((choice, index) =>
        conditionHoldsIn(choice.when, state)
          ? [{ kind: 'choice' as const, choice: index, to: { node: choice.next, flags: applyFlags(state.flags, choice), ...keep } }]
          : [],
      );
    case 'idv': {
      const right = idvAnswersRight(scenario, node.answers);
      return [
        { kind: 'pass', to: { node: node.pass, flags: state.flags, idv: 'passed', idvTrue: right } },
        { kind: 'fail', to: { node: node.fail, flags: state.flags, idv: 'failed', idvTrue: false } },
      ];
    }
    case 'ending':
      return [];
    case 'lookup':
    case 'transfer':
    case 'escalate': {
      const wrong = node.wrong ?? {};
      return [
        { kind: 'next', to: { node: node.next, flags: applyFlags(state.flags, node), ...keep } },
        { kind: 'wrong', to: { node: wrong.next ?? node.next, flags: applyFlags(state.flags, wrong), ...keep } },
      ];
    }
    default:
      return [{ kind: 'next', to: { node: node.next, flags: applyFlags(state.flags, node), ...keep } }];
  }
}

export function stateKey(state: StaticState): string {
  return `${state.node}|${state.flags.join(',')}|${state.idv}|${state.idvTrue ? 1 : 0}`;
}

export function exploreStateSpace(scenario: Scenario, limit: number = DEFAULT_STATE_LIMIT): StateSpace {
  const initial: StaticState = { node: scenario.start, flags: [], idv: 'not-done', idvTrue: false };
  const states: StaticState[] = [initial];
  const index = new Map<string, number>([[stateKey(initial), 0]]);
  const edges: StaticEdge[] = [];
  const outgoing: number[][] = [[]];
  let truncated = false;
  for (let from = 0; from < states.length; from += 1) {
    const state = states[from];
    if (state === undefined) break;
    for (const move of movesFrom(scenario, state)) {
      if (!(move.to.node in scenario.nodes)) continue;
      const key = stateKey(move.to);
      let to = index.get(key);
      if (to === undefined) {
        if (states.length >= limit) {
          truncated = true;
          continue;
        }
        to = states.length;
        states.push(move.to);
        outgoing.push([]);
        index.set(key, to);
      }
      outgoing[from]?.push(edges.length);
      edges.push(move.choice === undefined ? { from, to, kind: move.kind } : { from, to, kind: move.kind, choice: move.choice });
    }
  }
  return { states, edges, outgoing, truncated, limit };
}

/** The step ids some explored state is at. */
export function reachableNodes(space: StateSpace): Set<string> {
  return new Set(space.states.map((state) => state.node));
}

export function isEndingState(scenario: Scenario, state: StaticState): boolean {
  return scenario.nodes[state.node]?.type === 'ending';
}

/** States from which some ending can be reached (endings included). */
export function statesReachingAnEnding(scenario: Scenario, space: StateSpace): boolean[] {
  const incoming: number[][] = space.states.map(() => []);
  for (const edge of space.edges) incoming[edge.to]?.push(edge.from);
  const good = space.states.map((state) => isEndingState(scenario, state));
  const queue = good.flatMap((isGood, i) => (isGood ? [i] : []));
  while (queue.length > 0) {
    const at = queue.pop() as number;
    for (const from of incoming[at] ?? []) {
      if (good[from] === true) continue;
      good[from] = true;
      queue.push(from);
    }
  }
  return good;
}
