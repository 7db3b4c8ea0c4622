/**
 * The honest floor for the engine benchmark: the same decisions walked over the story compiled to
 * flat arrays (step and flag ids as integers, flags as a bitmask, QA marks as ranks), doing the
 * same work as the engines — each decision's condition checked, its flags, mood, patience (with
 * the hold's silence and the hang-up at zero), QA marks and ID&V verdict applied. Bench-only.
 */
import { HUNG_UP, MARK_RANK, RANK_MARK, type StoryModel, type Summary } from './story-model.ts';

interface TableDecision {
  readonly next: number;
  readonly need: number;
  readonly forbid: number;
  /** 0 any, 1 not-done, 2 passed, 3 failed. */
  readonly idvNeed: number;
  readonly set: number;
  readonly clear: number;
  readonly mood: number;
  readonly holdPenalty: number;
  readonly patience: number;
  /** Pairs of (QA item index, rank). */
  readonly qa: Int32Array;
  /** 0 unchanged, 2 passed, 3 failed. */
  readonly idv: number;
}

export interface WalkTable {
  readonly start: number;
  readonly hungUp: number;
  readonly mood: number;
  readonly patience: number;
  readonly final: Uint8Array;
  readonly decisions: readonly (readonly TableDecision[])[];
  readonly ids: readonly string[];
  readonly flags: readonly string[];
  readonly qaItems: readonly string[];
}

export interface WalkState {
  at: number;
  mood: number;
  patience: number;
  flags: number;
  idv: number;
  readonly qa: Uint8Array;
}

const IDV_CODE = { 'not-done': 1, passed: 2, failed: 3 } as const;
const IDV_NAME = ['not-done', 'not-done', 'passed', 'failed'] as const;

export function buildWalkTable(model: StoryModel): WalkTable {
  if (model.flags.length > 31) throw new Error('table walk: more than 31 flags');
  const ids = [...model.nodes.keys()];
  const idOf = new Map(ids.map((id, i) => [id, i]));
  const bit = (flags: readonly string[] | undefined) => (flags ?? []).reduce((mask, f) => mask | (1 << model.flags.indexOf(f)), 0);
  const final = new Uint8Array(ids.length);
  const decisions = ids.map((id, i) => {
    const node = model.nodes.get(id)!;
    final[i] = node.final ? 1 : 0;
    return node.decisions.map((d) => ({
      next: d.next === null ? -1 : idOf.get(d.next)!,
      need: bit(d.when?.flags),
      forbid: bit(d.when?.notFlags),
      idvNeed: d.when?.idv === undefined ? 0 : IDV_CODE[d.when.idv],
      set: bit(d.set),
      clear: bit(d.clear),
      mood: d.mood,
      holdPenalty: d.holdPenalty,
      patience: d.patience,
      qa: Int32Array.from(Object.entries(d.qa).flatMap(([item, mark]) => [model.qaItems.indexOf(item), MARK_RANK[mark]])),
      idv: d.idv === null ? 0 : IDV_CODE[d.idv],
    }));
  });
  return {
    start: idOf.get(model.start)!,
    hungUp: idOf.get(HUNG_UP)!,
    mood: model.mood,
    patience: model.patience,
    final,
    decisions,
    ids,
    flags: model.flags,
    qaItems: model.qaItems,
  };
}

export function newWalkState(table: WalkTable): WalkState {
  return { at: table.start, mood: table.mood, patience: table.patience, flags: 0, idv: 1, qa: new Uint8Array(table.qaItems.length) };
}

/** Walks one path from the start into `state` (reused between paths); false when a decision is not on offer. */
export function tableWalk(table: WalkTable, decisions: readonly number[], state: WalkState): boolean {
  state.at = table.start;
  state.mood = table.mood;
  state.patience = table.patience;
  state.flags = 0;
  state.idv = 1;
  state.qa.fill(0);
  for (let i = 0; i < decisions.length; i += 1) {
    if (state.at < 0) return false;
    if (table.final[state.at] === 0 && state.patience <= 0) state.at = table.hungUp;
    const d = table.decisions[state.at]![decisions[i]!];
    if (d === undefined) return false;
    if ((state.flags & d.need) !== d.need || (state.flags & d.forbid) !== 0 || (d.idvNeed !== 0 && d.idvNeed !== state.idv)) return false;
    state.flags = (state.flags & ~d.clear) | d.set;
    if (d.idv !== 0) state.idv = d.idv;
    state.mood = Math.min(5, Math.max(-5, state.mood + d.mood));
    const afterHold = Math.min(100, Math.max(0, state.patience - d.holdPenalty));
    state.patience = Math.min(100, Math.max(0, afterHold + d.patience));
    for (let q = 0; q < d.qa.length; q += 2) {
      const item = d.qa[q]!;
      if (state.qa[item]! < d.qa[q + 1]!) state.qa[item] = d.qa[q + 1]!;
    }
    state.at = d.next === -1 ? state.at : d.next;
  }
  return true;
}

export function walkSummary(table: WalkTable, state: WalkState): Summary {
  const qa: Record<string, NonNullable<(typeof RANK_MARK)[number]>> = {};
  table.qaItems.forEach((item, i) => {
    const mark = RANK_MARK[state.qa[i]!];
    if (mark !== undefined) qa[item] = mark;
  });
  return {
    at: table.ids[state.at]!,
    mood: state.mood,
    patience: state.patience,
    flags: table.flags.filter((_, i) => (state.flags & (1 << i)) !== 0),
    qa,
    idv: IDV_NAME[state.idv]!,
  };
}
