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
import { applyFlagChanges, conditionHolds } from '../core/engine/apply-step.ts';
import { allEffectSites } from './scenario-parts.ts';
import { AUTHORITY_CHECKED } from './compile.ts';
import { compileFlagSet, type FlagSet } from './flag-masks.ts';
import { compileMoveTable, EDGE_KINDS, IDV_CODES, movesAreAcyclic, type EdgeKind, type MoveTable } from './move-table.ts';
import { EdgeList, StateTable, type DirectIndex } from './state-table.ts';

export { EDGE_KINDS, type EdgeKind };

export type IdvVerdict = NonNullable<Condition['idv']>;

export interface StaticState {
  readonly node: string;
  /** Set flags among those that matter (see the module note), sorted. */
  readonly flags: readonly string[];
  readonly idv: IdvVerdict;
  /** Whether the caller really passed ID&V (passed by the trainee, with every answer right). */
  readonly idvTrue: boolean;
}

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
  readonly stateNode: Int32Array;
  /** Per edge: its state of departure (built on first use from `outStart`) and arrival. */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** Per edge: its kind (index into EDGE_KINDS) and choice (-1 for none); built on first use. */
  readonly edgeKind: Int32Array;
  readonly edgeChoice: Int32Array;
  /** Whether a step's choice (the step by its index in `nodeIds`, the choice as written) is taken from some explored state. */
  choiceTaken(step: number, choice: number): boolean;
  /** A state's edges are `outStart[state]` up to `outStart[state + 1]` (edges are in order of departure). */
  readonly outStart: Int32Array;
  /** True when exploration stopped at the limit. */
  readonly truncated: boolean;
  readonly limit: number;
  /** Whether states keep the ID&V verdict apart (see the module note); when not, every state says "not-done". */
  readonly tracksIdv: boolean;
  /** States some of whose moves were dropped at the limit: they are not dead ends. */
  readonly cut: ReadonlySet<number>;
  /**
   * True when no step leads back round to itself by any move, whatever the flags: then no state
   * does either, and every walk through the states ends.
   */
  readonly acyclic: boolean;
}

export const DEFAULT_STATE_LIMIT = 200_000;

/** Whether `when` holds for a state: the engine's own choice rule. */
export function conditionHoldsIn(when: Condition | undefined, state: Pick<StaticState, 'flags' | 'idv'>): boolean {
  return conditionHolds(state, when ?? null);
}

/** Flags after a step, sorted: the engine's own rule (clear first, then set). */
export function applyFlags(flags: readonly string[], effects: Pick<Choice, 'set' | 'clear'>): readonly string[] {
  if (effects.set === undefined && effects.clear === undefined) return flags;
  return [...applyFlagChanges(flags, effects)].sort();
}

/** The flags that can change what happens: read by a `when`, or the authority flag the compliance check reads. */
function flagsThatMatter(scenario: Scenario): string[] {
  const read = new Set<string>();
  for (const node of Object.values(scenario.nodes)) {
    if (node.type !== undefined && node.type !== 'talk') continue;
    for (const choice of node.choices) {
      const when = choice.when;
      if (when === undefined) continue;
      for (const flag of when.flags ?? []) read.add(flag);
      for (const flag of when.notFlags ?? []) read.add(flag);
    }
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

/** The most states made room for up front; a larger space grows its columns as it goes. */
const MOST_ROOM = 1 << 16;

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

/**
 * How many states to make room for before exploring: every combination of the flags some move
 * sets, at every step, with each ID&V code when it is tracked (no more than the limit or
 * MOST_ROOM). Sized up front, the columns are not copied as they fill (each copy touches fresh
 * memory, and the table of states is indexed again).
 */
function expectedStates(moves: MoveTable, steps: number, tracksIdv: boolean, limit: number): number {
  let settable = 0;
  let settableHigh = 0;
  for (let k = 0; k < moves.set.length; k += 1) {
    settable |= moves.set[k]!;
    settableHigh |= moves.setHigh[k]!;
  }
  const combinations = 2 ** Math.min(20, bitCount(settable) + bitCount(settableHigh));
  const codes = tracksIdv ? 2 * IDV_CODES.length : 1;
  return Math.max(16, Math.min(limit + 1, MOST_ROOM, steps * combinations * codes));
}

/** The most places a direct index of states is given (4 MB). */
const MOST_PLACES = 1 << 20;

/**
 * A place for every state, when there are few enough: the flags some move sets all among the low
 * bits (a state's mask holds no other bit: the call starts with none set, and a move only sets
 * those), steps × 2^(highest such bit + 1) × ID&V codes within MOST_PLACES. A state is then found
 * at its place rather than by hashing.
 */
function directIndex(moves: MoveTable, steps: number, tracksIdv: boolean): DirectIndex | undefined {
  let settable = 0;
  for (let k = 0; k < moves.set.length; k += 1) {
    if (moves.setHigh[k] !== 0) return undefined;
    settable |= moves.set[k]!;
  }
  const span = 32 - Math.clz32(settable);
  const codes = tracksIdv ? 2 * IDV_CODES.length : 1;
  return steps * 2 ** span * codes <= MOST_PLACES ? { steps, span, codes } : undefined;
}

/**
 * The walk itself: states are taken in the order found and left by every move their flags allow,
 * a new state being numbered as it is found. Gives `outStart` (a larger copy when the table of
 * states outgrew it). This loop runs a few hundred thousand times per check, mostly before the
 * optimiser has compiled it (a check is one short run), so its body is written out with no
 * calls but the table's find-or-add: the mask rules are `bitsAllow` and `applyMaskEffects`'s.
 */
function walkStates(found: StateTable, moves: MoveTable, edges: EdgeList, first: Int32Array, taken: Uint8Array, tracksIdv: boolean, limit: number, cut: Set<number>): Int32Array {
  let outStart = first;
  for (let from = 0; from < found.count; from += 1) {
    if (from >= outStart.length - 1) {
      const bigger = new Int32Array(found.node.length + 1);
      bigger.set(outStart);
      outStart = bigger;
    }
    outStart[from] = edges.count;
    const m = found.mask[from]!;
    const h = found.high[from]!;
    const code = found.code[from]!;
    const v = code >> 1;
    const step = found.node[from]!;
    // The columns are read here rather than once above: a read made before the first loop would
    // be compiled with no record of what it reads (the function is optimised during its first
    // run), and the optimised code would be thrown away on the next check.
    for (let k = moves.start[step]!, end = moves.start[step + 1]!; k < end; k += 1) {
      const need = moves.need[k]!;
      const needHigh = moves.needHigh[k]!;
      if ((m & need) !== need || (m & moves.forbid[k]!) !== 0 || (h & needHigh) !== needHigh || (h & moves.forbidHigh[k]!) !== 0) continue;
      const wanted = moves.idv[k]!;
      if (wanted >= 0 && wanted !== v) continue;
      const gives = moves.verdict[k]!;
      const to = found.findOrAdd(
        moves.to[k]!,
        (m & ~moves.clear[k]!) | moves.set[k]!,
        (h & ~moves.clearHigh[k]!) | moves.setHigh[k]!,
        !tracksIdv ? 0 : gives === 0 ? code : gives * 2 + moves.truePass[k]!,
        limit,
      );
      if (to < 0) {
        cut.add(from);
      } else {
        edges.add(to, k);
        taken[k] = 1;
      }
    }
  }
  return outStart;
}

/**
 * Breadth-first from the first step: states are numbered in the order found, and a state's edges
 * are listed before the next state's. Everything is integers in typed arrays (see StateTable and
 * MoveTable), so the loop allocates nothing per state or edge.
 */
export function exploreStateSpace(scenario: Scenario, limit: number = DEFAULT_STATE_LIMIT): StateSpace {
  const nodeIds = Object.keys(scenario.nodes);
  const flags = compileFlagSet(flagsThatMatter(scenario));
  const tracksIdv = idvMatters(scenario);
  const moves = compileMoveTable(scenario, nodeIds, flags);
  const room = expectedStates(moves, nodeIds.length, tracksIdv, limit);
  const found = new StateTable(room, directIndex(moves, nodeIds.length, tracksIdv));
  const start = nodeIds.indexOf(scenario.start);
  if (start >= 0) found.add(start, 0, 0, 0);

  // Each state leaves by at most its step's moves: room for the average, so the columns rarely grow.
  const edges = new EdgeList(Math.max(16, Math.ceil((room * moves.to.length) / Math.max(1, nodeIds.length))));
  // A state's first edge; filled as states are left, so it grows with the table of states.
  const cut = new Set<number>();
  const taken = new Uint8Array(moves.to.length);
  const outStart = walkStates(found, moves, edges, new Int32Array(found.node.length + 1), taken, tracksIdv, limit, cut);
  outStart[found.count] = edges.count;
  const n = edges.count;
  return spaceOf({
    nodeIds, found, flags, tracksIdv, limit, cut,
    acyclic: movesAreAcyclic(moves, nodeIds.length),
    moves,
    taken,
    edgeTo: edges.to.subarray(0, n),
    edgeMove: edges.move.subarray(0, n),
    outStart: outStart.subarray(0, found.count + 1),
  });
}

interface Explored {
  readonly nodeIds: readonly string[];
  readonly found: StateTable;
  readonly flags: FlagSet;
  readonly tracksIdv: boolean;
  readonly limit: number;
  readonly cut: Set<number>;
  readonly acyclic: boolean;
  readonly moves: MoveTable;
  /** Per move: 1 when some explored state follows it. */
  readonly taken: Uint8Array;
  readonly edgeTo: Int32Array;
  readonly edgeMove: Int32Array;
  readonly outStart: Int32Array;
}

/** Per edge, the state it leaves (a state's edges are `outStart[state]` up to `outStart[state + 1]`). */
function departures(outStart: Int32Array, edges: number): Int32Array {
  const from = new Int32Array(edges);
  for (let state = 0; state + 1 < outStart.length; state += 1) from.fill(state, outStart[state]!, outStart[state + 1]!);
  return from;
}

/** Per edge, the given column of the move it follows. */
function column(edgeMove: Int32Array, ofMove: Int32Array): Int32Array {
  const out = new Int32Array(edgeMove.length);
  for (let e = 0; e < edgeMove.length; e += 1) out[e] = ofMove[edgeMove[e]!]!;
  return out;
}

/** The exploration's columns as a StateSpace, with the object views built on first use. */
function spaceOf(x: Explored): StateSpace {
  const count = x.found.count;
  const stateNode = x.found.node.subarray(0, count);
  const { mask, high, code } = x.found;
  const { edgeTo, edgeMove, moves, outStart } = x;
  let edgeFrom: Int32Array | undefined;
  let states: StaticState[] | undefined;
  let edgeKind: Int32Array | undefined;
  let edgeChoice: Int32Array | undefined;
  let edges: StaticEdge[] | undefined;
  let outgoing: number[][] | undefined;
  return {
    get states() {
      return (states ??= Array.from(stateNode, (n, i) => new PackedState(x.nodeIds[n]!, mask[i]!, high[i]!, IDV_CODES[code[i]! >> 1]!, (code[i]! & 1) === 1, x.flags)));
    },
    get edgeKind() {
      return (edgeKind ??= column(edgeMove, moves.kind));
    },
    get edgeChoice() {
      return (edgeChoice ??= column(edgeMove, moves.choice));
    },
    choiceTaken(step, choice) {
      for (let k = moves.start[step]!, end = moves.start[step + 1]!; k < end; k += 1) {
        if (moves.choice[k] === choice) return x.taken[k] === 1;
      }
      return false;
    },
    get edgeFrom() {
      return (edgeFrom ??= departures(outStart, edgeTo.length));
    },
    get edges() {
      const kinds = this.edgeKind;
      const choices = this.edgeChoice;
      return (edges ??= Array.from(this.edgeFrom, (from, e) => {
        const kind = EDGE_KINDS[kinds[e]!]!;
        const choice = choices[e]!;
        return choice < 0 ? { from, to: edgeTo[e]!, kind } : { from, to: edgeTo[e]!, kind, choice };
      }));
    },
    get outgoing() {
      return (outgoing ??= Array.from(stateNode, (_, i) => Array.from({ length: outStart[i + 1]! - outStart[i]! }, (_, k) => outStart[i]! + k)));
    },
    nodeIds: x.nodeIds,
    stateNode,
    edgeTo,
    outStart,
    truncated: x.cut.size > 0,
    limit: x.limit,
    tracksIdv: x.tracksIdv,
    cut: x.cut,
    acyclic: x.acyclic,
  };
}

/** The step ids some explored state is at. */
export function reachableNodes(space: StateSpace): Set<string> {
  const seen = new Uint8Array(space.nodeIds.length);
  const { stateNode } = space;
  for (let i = 0; i < stateNode.length; i += 1) seen[stateNode[i]!] = 1;
  return new Set(space.nodeIds.filter((_, n) => seen[n] === 1));
}

/** Per state: whether it is at an ending. */
export function endingStates(scenario: Scenario, space: StateSpace): Uint8Array {
  const endingNode = space.nodeIds.map((id) => scenario.nodes[id]?.type === 'ending');
  const { stateNode } = space;
  const ending = new Uint8Array(stateNode.length);
  for (let i = 0; i < stateNode.length; i += 1) if (endingNode[stateNode[i]!] === true) ending[i] = 1;
  return ending;
}

/**
 * Whether every state is at an ending or can move on. In a space with no way round (see
 * `StateSpace.acyclic`) every walk then ends, and only at an ending: every state can reach one.
 */
function everyWalkEnds(space: StateSpace, ending: Uint8Array): boolean {
  if (!space.acyclic) return false;
  const { outStart } = space;
  for (let i = 0; i < ending.length; i += 1) if (ending[i] === 0 && outStart[i + 1] === outStart[i]) return false;
  return true;
}

/**
 * Per state: 1 when some ending can be reached from it (endings included). `ending`, when given,
 * is `endingStates(scenario, space)`, which the answer may be written over.
 */
export function statesReachingAnEndingMask(scenario: Scenario, space: StateSpace, ending?: Uint8Array): Uint8Array {
  const good = ending ?? endingStates(scenario, space);
  if (everyWalkEnds(space, good)) return good.fill(1);
  const n = space.stateNode.length;
  const { outStart, edgeTo } = space;
  // Incoming edges by state, as one array with offsets.
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < edgeTo.length; e += 1) inStart[edgeTo[e]! + 1]! += 1;
  for (let i = 0; i < n; i += 1) inStart[i + 1]! += inStart[i]!;
  const fill = inStart.slice(0, n);
  const incoming = new Int32Array(edgeTo.length);
  for (let from = 0; from < n; from += 1) {
    for (let e = outStart[from]!, end = outStart[from + 1]!; e < end; e += 1) incoming[fill[edgeTo[e]!]!++] = from;
  }
  // Backwards from the endings; each state is queued at most once, so the queue is one column.
  const queue = new Int32Array(n);
  let queued = 0;
  for (let i = 0; i < n; i += 1) if (good[i] === 1) queue[queued++] = i;
  while (queued > 0) {
    const at = queue[--queued]!;
    for (let k = inStart[at]!, end = inStart[at + 1]!; k < end; k += 1) {
      const from = incoming[k]!;
      if (good[from] === 1) continue;
      good[from] = 1;
      queue[queued++] = from;
    }
  }
  return good;
}

/** States from which some ending can be reached (endings included). */
export function statesReachingAnEnding(scenario: Scenario, space: StateSpace): boolean[] {
  return Array.from(statesReachingAnEndingMask(scenario, space), (good) => good === 1);
}
