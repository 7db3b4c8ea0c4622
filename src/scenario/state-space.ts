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
  /** State 0 is the call's first step, just answered. Built on first use from the arrays below. */
  readonly states: readonly StaticState[];
  /** Built on first use from the arrays below. */
  readonly edges: readonly StaticEdge[];
  /** Indices into `edges`, per state. Built on first use. */
  readonly outgoing: readonly (readonly number[])[];
  /** The step ids, in file order; `stateNode` holds indices into it. */
  readonly nodeIds: readonly string[];
  /** Per state: the index of its step in `nodeIds`. */
  readonly stateNode: readonly number[];
  /** Per edge: its state of departure and arrival, its kind (index into EDGE_KINDS) and choice (-1 for none). */
  readonly edgeFrom: readonly number[];
  readonly edgeTo: readonly number[];
  readonly edgeKind: readonly number[];
  readonly edgeChoice: readonly number[];
  /** A state's edges are `outStart[state]` up to `outStart[state + 1]` (edges are in order of departure). */
  readonly outStart: readonly number[];
  /** True when exploration stopped at the limit. */
  readonly truncated: boolean;
  readonly limit: number;
  /** Whether states keep the ID&V verdict apart (see the module note); when not, every state says "not-done". */
  readonly tracksIdv: boolean;
  /** States some of whose moves were dropped at the limit: they are not dead ends. */
  readonly cut: ReadonlySet<number>;
}

export const EDGE_KINDS: readonly EdgeKind[] = ['choice', 'pass', 'fail', 'next', 'wrong'];

export const DEFAULT_STATE_LIMIT = 200_000;

/** The most entries (steps × keys) the flat index of found states may have (16 MB of Int32). */
const DENSE_INDEX_LIMIT = 4_000_000;

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
  /** `kind` as its index in EDGE_KINDS. */
  readonly kindCode: number;
  readonly choice?: number;
  readonly to: number;
  readonly when: MaskCondition | null;
  readonly effects: MaskEffects;
  /** The verdict the move gives (0 unchanged, 1 passed, 2 failed) and whether it is a true pass. */
  readonly verdict: 0 | 1 | 2;
  readonly idvTrue: boolean;
}

function compileMoves(scenario: Scenario, ids: ReadonlyMap<string, number>, flags: FlagSet): (readonly CompiledMove[])[] {
  const coded = (move: Omit<CompiledMove, 'kindCode'>): CompiledMove => ({ ...move, kindCode: EDGE_KINDS.indexOf(move.kind) });
  return uncodedMoves(scenario, ids, flags).map((moves) => moves.map(coded));
}

function uncodedMoves(scenario: Scenario, ids: ReadonlyMap<string, number>, flags: FlagSet): (readonly Omit<CompiledMove, 'kindCode'>[])[] {
  const none = flags.effects({});
  return Object.entries(scenario.nodes).map(([, node]) => {
    const to = (id: string) => ids.get(id) ?? -1;
    const plain = (kind: EdgeKind, next: string, effects: Pick<Choice, 'set' | 'clear'>): Omit<CompiledMove, 'kindCode'> => ({
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
  // The states found at each step, by the rest of their key (small integers while the flags that matter fit in 30 bits):
  // a flat table of every step × key while that is small, else a map per step.
  const keys = wide ? Infinity : 2 ** flags.size * 6;
  const dense = nodeIds.length * keys <= DENSE_INDEX_LIMIT ? new Int32Array(nodeIds.length * keys).fill(-1) : null;
  const index: Map<number | string, number>[] = dense === null ? nodeIds.map(() => new Map()) : [];
  const find = (n: number, key: number | string): number | undefined => {
    if (dense === null) return index[n]!.get(key);
    const found = dense[n * keys + (key as number)]!;
    return found < 0 ? undefined : found;
  };
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
    if (dense === null) index[n]!.set(key, node.length - 1);
    else dense[n * keys + (key as number)] = node.length - 1;
    return node.length - 1;
  };
  const start = ids.get(scenario.start);
  if (start !== undefined) add(start, 0, 0, 0, false, keyOf(0, 0, 0, false));

  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeKind: number[] = [];
  const edgeChoice: number[] = [];
  const outStart: number[] = [];
  const cut = new Set<number>();
  for (let from = 0; from < node.length; from += 1) {
    outStart.push(edgeFrom.length);
    const m = mask[from]!;
    const h = high[from]!;
    const v = idv[from]!;
    const t = idvTrue[from]!;
    const list = moves[node[from]!]!;
    for (let k = 0; k < list.length; k += 1) {
      const move = list[k]!;
      if (move.to < 0) continue;
      if (move.when !== null && !maskConditionHolds(move.when, m, h, IDV_CODES[v]!)) continue;
      const nm = applyMaskEffects(m, move.effects.clear, move.effects.set);
      const nh = wide ? applyMaskEffects(h, move.effects.clearHigh, move.effects.setHigh) : 0;
      const nv = tracksIdv && move.verdict !== 0 ? move.verdict : v;
      const nt = tracksIdv ? (move.verdict === 0 ? t : move.idvTrue) : false;
      const key = keyOf(nm, nh, nv, nt);
      let to = find(move.to, key);
      if (to === undefined) {
        if (node.length >= limit) {
          cut.add(from);
          continue;
        }
        to = add(move.to, nm, nh, nv, nt, key);
      }
      edgeFrom.push(from);
      edgeTo.push(to);
      edgeKind.push(move.kindCode);
      edgeChoice.push(move.choice ?? -1);
    }
  }
  outStart.push(edgeFrom.length);
  let states: StaticState[] | undefined;
  let edges: StaticEdge[] | undefined;
  let outgoing: number[][] | undefined;
  return {
    get states() {
      return (states ??= node.map((n, i) => new PackedState(nodeIds[n]!, mask[i]!, high[i]!, IDV_CODES[idv[i]!]!, idvTrue[i]!, flags)));
    },
    get edges() {
      return (edges ??= edgeFrom.map((from, e) => {
        const kind = EDGE_KINDS[edgeKind[e]!]!;
        const choice = edgeChoice[e]!;
        return choice < 0 ? { from, to: edgeTo[e]!, kind } : { from, to: edgeTo[e]!, kind, choice };
      }));
    },
    get outgoing() {
      return (outgoing ??= node.map((_, i) => Array.from({ length: outStart[i + 1]! - outStart[i]! }, (_, k) => outStart[i]! + k)));
    },
    nodeIds,
    stateNode: node,
    edgeFrom,
    edgeTo,
    edgeKind,
    edgeChoice,
    outStart,
    truncated: cut.size > 0,
    limit,
    tracksIdv,
    cut,
  };
}

/** The step ids some explored state is at. */
export function reachableNodes(space: StateSpace): Set<string> {
  const seen = new Uint8Array(space.nodeIds.length);
  for (const n of space.stateNode) seen[n] = 1;
  return new Set(space.nodeIds.filter((_, n) => seen[n] === 1));
}

/** Per state: whether it is at an ending. */
export function endingStates(scenario: Scenario, space: StateSpace): Uint8Array {
  const endingNode = space.nodeIds.map((id) => scenario.nodes[id]?.type === 'ending');
  const ending = new Uint8Array(space.stateNode.length);
  space.stateNode.forEach((n, i) => {
    if (endingNode[n] === true) ending[i] = 1;
  });
  return ending;
}

/** States from which some ending can be reached (endings included). */
export function statesReachingAnEnding(scenario: Scenario, space: StateSpace): boolean[] {
  const n = space.stateNode.length;
  const { edgeFrom, edgeTo } = space;
  // Incoming edges by state, as one array with offsets.
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < edgeTo.length; e += 1) inStart[edgeTo[e]! + 1]! += 1;
  for (let i = 0; i < n; i += 1) inStart[i + 1]! += inStart[i]!;
  const fill = inStart.slice(0, n);
  const incoming = new Int32Array(edgeTo.length);
  for (let e = 0; e < edgeTo.length; e += 1) incoming[fill[edgeTo[e]!]!++] = edgeFrom[e]!;
  const ending = endingStates(scenario, space);
  const good: boolean[] = new Array<boolean>(n).fill(false);
  const queue: number[] = [];
  for (let i = 0; i < n; i += 1) {
    if (ending[i] === 1) {
      good[i] = true;
      queue.push(i);
    }
  }
  while (queue.length > 0) {
    const at = queue.pop()!;
    for (let k = inStart[at]!; k < inStart[at + 1]!; k += 1) {
      const from = incoming[k]!;
      if (good[from]) continue;
      good[from] = true;
      queue.push(from);
    }
  }
  return good;
}
