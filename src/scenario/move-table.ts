/**
 * Every move out of every step, compiled once for the checker's exploration into flat integer
 * columns: where it goes, the flag bits its `when` needs and forbids, the ID&V verdict it asks for,
 * the bits it clears and sets, and the verdict it gives. A step's moves are `start[step]` up to
 * `start[step + 1]`, in the order the step lists them. The rules are the engine's: a choice is
 * offered when its `when` holds; ID&V passes or fails; an action step goes on, or down its `wrong`
 * route.
 */
import type { Choice, Scenario } from '../core/model/scenario-schema.ts';
import { idvAnswersRight } from '../core/engine/idv-check.ts';
import type { FlagSet } from './flag-masks.ts';

/** Codes of the ID&V verdict, in the order the exploration numbers them. */
export const IDV_CODES = ['not-done', 'passed', 'failed'] as const;

/** Edge kinds, in the order the exploration numbers them. */
export const EDGE_KINDS = ['choice', 'pass', 'fail', 'next', 'wrong'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface MoveTable {
  readonly start: Int32Array;
  readonly to: Int32Array;
  readonly kind: Int32Array;
  /** The choice's index as written, or -1 for a move that is not a choice. */
  readonly choice: Int32Array;
  readonly need: Int32Array;
  readonly needHigh: Int32Array;
  readonly forbid: Int32Array;
  readonly forbidHigh: Int32Array;
  /** The ID&V verdict the `when` asks for (index in IDV_CODES), or -1 for any. */
  readonly idv: Int32Array;
  readonly clear: Int32Array;
  readonly clearHigh: Int32Array;
  readonly set: Int32Array;
  readonly setHigh: Int32Array;
  /** The verdict the move gives (0 none, 1 passed, 2 failed). */
  readonly verdict: Int32Array;
  /** 1 when the move is a pass with every answer right. */
  readonly truePass: Int32Array;
}

interface Move {
  readonly to: string;
  readonly kind: EdgeKind;
  readonly choice: number;
  readonly when: Choice['when'];
  readonly effects: Pick<Choice, 'set' | 'clear'>;
  readonly truePass: boolean;
}

function movesOf(scenario: Scenario, id: string): Move[] {
  const node = scenario.nodes[id]!;
  const plain = (kind: EdgeKind, to: string, effects: Pick<Choice, 'set' | 'clear'>): Move => ({ to, kind, choice: -1, when: undefined, effects, truePass: false });
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.map((choice, index) => ({ to: choice.next, kind: 'choice', choice: index, when: choice.when, effects: choice, truePass: false }));
    case 'idv':
      return [
        { ...plain('pass', node.pass, {}), truePass: idvAnswersRight(scenario, node.answers) },
        plain('fail', node.fail, {}),
      ];
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
}

/** The moves of the steps `nodeIds` (a move whose target is not a step is left out). */
export function compileMoveTable(scenario: Scenario, nodeIds: readonly string[], flags: FlagSet): MoveTable {
  const stepOf = new Map(nodeIds.map((id, i) => [id, i]));
  const perStep = nodeIds.map((id) => movesOf(scenario, id).filter((move) => stepOf.has(move.to)));
  const total = perStep.reduce((n, moves) => n + moves.length, 0);
  const column = () => new Int32Array(total);
  const table = {
    start: new Int32Array(nodeIds.length + 1),
    to: column(),
    kind: column(),
    choice: column(),
    need: column(),
    needHigh: column(),
    forbid: column(),
    forbidHigh: column(),
    idv: column(),
    clear: column(),
    clearHigh: column(),
    set: column(),
    setHigh: column(),
    verdict: column(),
    truePass: column(),
  } satisfies MoveTable;
  let k = 0;
  perStep.forEach((moves, step) => {
    table.start[step] = k;
    for (const move of moves) {
      const when = move.when === undefined ? null : flags.condition(move.when);
      const effects = flags.effects(move.effects);
      table.to[k] = stepOf.get(move.to)!;
      table.kind[k] = EDGE_KINDS.indexOf(move.kind);
      table.choice[k] = move.choice;
      table.need[k] = when?.need ?? 0;
      table.needHigh[k] = when?.needHigh ?? 0;
      table.forbid[k] = when?.forbid ?? 0;
      table.forbidHigh[k] = when?.forbidHigh ?? 0;
      table.idv[k] = when?.idv === undefined ? -1 : IDV_CODES.indexOf(when.idv);
      table.clear[k] = effects.clear;
      table.clearHigh[k] = effects.clearHigh;
      table.set[k] = effects.set;
      table.setHigh[k] = effects.setHigh;
      table.verdict[k] = move.kind === 'pass' ? 1 : move.kind === 'fail' ? 2 : 0;
      table.truePass[k] = move.truePass ? 1 : 0;
      k += 1;
    }
  });
  table.start[nodeIds.length] = k;
  return table;
}

/**
 * Whether no step can lead back round to itself by any of its moves, whatever the flags (Kahn's
 * order over the steps: every step is taken once all the steps leading to it are). When so, no
 * state of the exploration can come back to itself either, since every edge between states follows
 * a move between steps.
 */
export function movesAreAcyclic(moves: MoveTable, steps: number): boolean {
  const into = new Int32Array(steps);
  for (let k = 0; k < moves.to.length; k += 1) into[moves.to[k]!]! += 1;
  const ready: number[] = [];
  for (let step = 0; step < steps; step += 1) if (into[step] === 0) ready.push(step);
  let taken = 0;
  while (ready.length > 0) {
    const step = ready.pop()!;
    taken += 1;
    for (let k = moves.start[step]!, end = moves.start[step + 1]!; k < end; k += 1) {
      const to = moves.to[k]!;
      into[to]! -= 1;
      if (into[to] === 0) ready.push(to);
    }
  }
  return taken === steps;
}
