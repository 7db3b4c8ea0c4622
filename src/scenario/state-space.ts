/**
 * Every situation a call can be in, found statically from `start`: which step, which flags are
 * set, the ID&V verdict the trainee gave, and whether the caller truly passed. Choices' `when`
 * conditions are honoured, so a choice that is never offered adds no edge. Mood, patience and
 * time are left out (they never decide which choices are offered), which keeps the space small.
 *
 * Only what can change what happens is kept apart: the flags some `when` reads (plus the
 * representative's authority flag, which the compliance check reads), and the ID&V verdict only
 * when a `when` reads it or a step discloses data. Two states differing in anything else offer the
 * same moves forever after, so merging them changes no path count, time or finding. Exploration
 * runs over integer step ids and flag bitmasks, compiled once per scenario.
 */
import type { Choice, Condition, Scenario } from '../core/model/scenario-schema.ts';
import { idvAnswersRight } from '../core/engine/idv-check.ts';
import { applyFlagChanges, conditionHolds } from '../core/engine/apply-step.ts';
import { allEffectSites } from './scenario-parts.ts';
import { AUTHORITY_CHECKED } from './compile.ts';
import { compileFlagSet, type FlagSet, type MaskCondition, type MaskEffects, maskConditionHolds, applyMaskEffects } from './flag-masks.ts';

export type IdvVerdict = NonNullable<Condition['idv']>;

export interface StaticState {
  readonly node: string;
  /** Set flags among those that matter (see the module note), sorted. */
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
  /** Whether states keep the ID&V verdict apart (see the module note); when not, every state says "not-done". */
  readonly tracksIdv: boolean;
  /** States some of whose moves were dropped at the limit: they are not dead ends. */
  readonly cut: ReadonlySet<number>;
}

export const DEFAULT_STATE_LIMIT = 200_000;

const IDV_CODES: readonly IdvVerdict[] = ['not-done', 'passed', 'failed'];

/** Whether `when` holds for a state: the engine's own choice rule. */
export function conditionHoldsIn(when: Condition | undefined, state: Pick<StaticState, 'flags' | 'idv'>): boolean {
  return conditionHolds(state, when ?? null);
}

/** Flags after a step, sorted: the engine's own rule (clear first, then set). */
export function applyFlags(flags: readonly string[], effects: Pick<Choice, 'set' | 'clear'>): readonly string[] {
  if (effects.set === undefined && effects.clear === undefined) return flags;
  return [...applyFlagChanges(flags, effects)].sort();
}

/** One move out of a step, compiled: where it goes and what it does to the tracked parts. */
interface CompiledMove {
  readonly kind: EdgeKind;
  readonly choice?: number;
  readonly to: number;
  readonly when: MaskCondition | null;
  readonly effects: MaskEffects;
  /** The verdict the move gives (0 unchanged, 1 passed, 2 failed) and whether it is a true pass. */
  readonly verdict: 0 | 1 | 2;
  readonly idvTrue: boolean;
}

function compileMoves(scenario: Scenario, ids: ReadonlyMap<string, number>, flags: FlagSet): (readonly CompiledMove[])[] {
  const none = flags.effects({});
  return Object.entries(scenario.nodes).map(([, node]) => {
    const to = (id: string) => ids.get(id) ?? -1;
    const plain = (kind: EdgeKind, next: string, effects: Pick<Choice, 'set' | 'clear'>): CompiledMove => ({
      kind,
      to: to(next),
      when: null,
      effects: flags.effects(effects),
      verdict: 0,
      idvTrue: false,
    });
    switch (node.type) {
      case undefined:
      case 'talk':
        return node.choices.map((choice, index) => ({
          kind: 'choice' as const,
          choice: index,
          to: to(choice.next),
          when: choice.when === undefined ? null : flags.condition(choice.when),
          effects: flags.effects(choice),
          verdict: 0 as const,
          idvTrue: false,
        }));
      case 'idv': {
        const right = idvAnswersRight(scenario, node.answers);
        return [
          { kind: 'pass' as const, to: to(node.pass), when: null, effects: none, verdict: 1 as const, idvTrue: right },
          { kind: 'fail' as const, to: to(node.fail), when: null, effects: none, verdict: 2 as const, idvTrue: false },
        ];
      }
      case 'ending':
        return [];
      case 'lookup':
      case 'transfer':
      case 'escalate': {
        const wrong = node.wrong ?? {};
        return [plain('next', node.next, node), plain('wrong', wrong.next ?? node.next, wrong)];
      }
      default:
        return [plain('next', node.next, node)];
    }
  });
}

/** The flags that can change what happens: read by a `when`, or the authority flag the compliance check reads. */
function flagsThatMatter(scenario: Scenario): string[] {
  const read = new Set<string>();
  for (const node of Object.values(scenario.nodes)) {
    if (node.type !== undefined && node.type !== 'talk') continue;
    for (const choice of node.choices) for (const flag of [...(choice.when?.flags ?? []), ...(choice.when?.notFlags ?? [])]) read.add(flag);
  }
  const role = scenario.customer.role;
  if (role !== 'holder' && role !== 'third-party' && scenario.customer.authority !== undefined) {
    read.add(scenario.customer.authority.checkedFlag ?? AUTHORITY_CHECKED);
  }
  return [...read].sort();
}

/** Whether the ID&V verdict can change what happens: a `when` reads it, or a step discloses data. */
function idvMatters(scenario: Scenario): boolean {
  for (const node of Object.values(scenario.nodes)) {
    if ((node.type === undefined || node.type === 'talk') && node.choices.some((c) => c.when?.idv !== undefined)) return true;
  }
  return allEffectSites(scenario).some((site) => (site.effects.discloses?.length ?? 0) > 0);
}

class PackedState implements StaticState {
  constructor(
    readonly node: string,
    private readonly mask: number,
    private readonly high: number,
    readonly idv: IdvVerdict,
    readonly idvTrue: boolean,
    private readonly flagSet: FlagSet,
  ) {}

  get flags(): readonly string[] {
    return this.flagSet.names(this.mask, this.high);
  }
}

export function exploreStateSpace(scenario: Scenario, limit: number = DEFAULT_STATE_LIMIT): StateSpace {
  const nodeIds = Object.keys(scenario.nodes);
  const ids = new Map(nodeIds.map((id, i) => [id, i]));
  const flags = compileFlagSet(flagsThatMatter(scenario));
  const tracksIdv = idvMatters(scenario);
  const moves = compileMoves(scenario, ids, flags);
  const wide = flags.size > 30;

  // Parallel arrays per state: step, flag mask (low 30 bits and the rest), ID&V verdict and truth.
  const node: number[] = [];
  const mask: number[] = [];
  const high: number[] = [];
  const idv: number[] = [];
  const idvTrue: boolean[] = [];
  // The states found at each step, by the rest of their key (small integers while the flags that matter fit in 30 bits).
  const index: Map<number | string, number>[] = nodeIds.map(() => new Map());
  const keyOf = (m: number, h: number, v: number, t: boolean): number | string => {
    const packed = m * 6 + v * 2 + (t ? 1 : 0);
    return wide ? `${packed}|${h}` : packed;
  };
  const add = (n: number, m: number, h: number, v: number, t: boolean, key: number | string): number => {
    node.push(n);
    mask.push(m);
    high.push(h);
    idv.push(v);
    idvTrue.push(t);
    index[n]!.set(key, node.length - 1);
    return node.length - 1;
  };
  const start = ids.get(scenario.start);
  if (start !== undefined) add(start, 0, 0, 0, false, keyOf(0, 0, 0, false));

  const edges: StaticEdge[] = [];
  const outgoing: number[][] = start === undefined ? [] : [[]];
  const cut = new Set<number>();
  for (let from = 0; from < node.length; from += 1) {
    const m = mask[from]!;
    const h = high[from]!;
    const v = idv[from]!;
    const t = idvTrue[from]!;
    for (const move of moves[node[from]!]!) {
      if (move.to < 0) continue;
      if (move.when !== null && !maskConditionHolds(move.when, m, h, IDV_CODES[v]!)) continue;
      const nm = applyMaskEffects(m, move.effects.clear, move.effects.set);
      const nh = wide ? applyMaskEffects(h, move.effects.clearHigh, move.effects.setHigh) : 0;
      const nv = tracksIdv && move.verdict !== 0 ? move.verdict : v;
      const nt = tracksIdv ? (move.verdict === 0 ? t : move.idvTrue) : false;
      const key = keyOf(nm, nh, nv, nt);
      let to = index[move.to]!.get(key);
      if (to === undefined) {
        if (node.length >= limit) {
          cut.add(from);
          continue;
        }
        to = add(move.to, nm, nh, nv, nt, key);
        outgoing.push([]);
      }
      outgoing[from]!.push(edges.length);
      edges.push(move.choice === undefined ? { from, to, kind: move.kind } : { from, to, kind: move.kind, choice: move.choice });
    }
  }
  const states = node.map((n, i) => new PackedState(nodeIds[n]!, mask[i]!, high[i]!, IDV_CODES[idv[i]!]!, idvTrue[i]!, flags));
  return { states, edges, outgoing, truncated: cut.size > 0, limit, tracksIdv, cut };
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
