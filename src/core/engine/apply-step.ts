/** The pure state changes behind the call machine's actions. */
import type { QaMark } from '../../shared/scorecard.ts';
import type { Condition } from '../model/scenario-schema.ts';
import type { CallContext } from './call-context.ts';
import { callTime } from './call-context.ts';
import type { StepParams, WrapParams } from './step-params.ts';
import { CHECK_BACK_COVERS, holdGapPenalty, wrapSeconds } from './timing.ts';
import { containsCardData } from './card-numbers.ts';

const MARK_RANK: Record<QaMark, number> = { na: 0, met: 1, partial: 2, missed: 3 };
const HOLD_QA_ITEM = 'auto-hold-check-back';
const IDV_QA_ITEM = 'auto-idv-verdict';

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The worst mark an item gets on a call stands. */
export function worseMark(a: QaMark | undefined, b: QaMark): QaMark {
  return a !== undefined && MARK_RANK[a] >= MARK_RANK[b] ? a : b;
}

function markAll(
  marks: Readonly<Record<string, QaMark>>,
  updates: Readonly<Record<string, QaMark>>,
): Readonly<Record<string, QaMark>> {
  const next: Record<string, QaMark> = { ...marks };
  for (const [id, mark] of Object.entries(updates)) next[id] = worseMark(next[id], mark);
  return next;
}

export function conditionHolds(context: CallContext, when: Condition | null): boolean {
  if (when === null) return true;
  if (when.idv !== undefined && context.idv !== when.idv) return false;
  if (when.flags?.some((flag) => !context.flags.includes(flag))) return false;
  if (when.notFlags?.some((flag) => context.flags.includes(flag))) return false;
  return true;
}

function closeHoldGap(context: CallContext, gap: number): Pick<CallContext, 'holdLongestGap' | 'patience' | 'qa'> {
  const longest = Math.max(context.holdLongestGap ?? 0, gap);
  return {
    holdLongestGap: longest,
    patience: clamp(context.patience - holdGapPenalty(gap), 0, 100),
    qa: markAll(context.qa, { [HOLD_QA_ITEM]: gap > 60 ? 'missed' : 'met' }),
  };
}

/** One check-back during a hold: covers up to 45 s of the remaining work. */
export function holdCheckBack(context: CallContext, holdSeconds: number): CallContext {
  const advance = Math.min(CHECK_BACK_COVERS, holdSeconds - context.holdElapsed);
  const closed = closeHoldGap(context, context.holdSinceCheck + advance);
  return {
    ...context,
    ...closed,
    hold: context.hold + advance,
    holdElapsed: context.holdElapsed + advance,
    holdSinceCheck: 0,
    step: context.step + 1,
  };
}

/** A whole step: talk time, hold finished, customer reaction, flags, QA marks, compliance. */
export function applyStep(context: CallContext, p: StepParams): CallContext {
  let next: CallContext = { ...context, talk: context.talk + p.talk, step: context.step + 1 };
  if (p.holdFinish !== undefined) {
    const remaining = p.holdFinish - context.holdElapsed;
    next = {
      ...next,
      ...closeHoldGap(next, context.holdSinceCheck + remaining),
      hold: next.hold + remaining,
      holdElapsed: 0,
      holdSinceCheck: 0,
    };
  }
  if (p.idv !== undefined) {
    const passed = p.idv.verdict === 'pass';
    next = {
      ...next,
      idv: passed ? 'passed' : 'failed',
      idvTrue: passed && p.idv.right,
      idvVerdictRight: (context.idvVerdictRight ?? true) && p.idv.right,
      qa: markAll(next.qa, { [IDV_QA_ITEM]: p.idv.right ? 'met' : 'missed' }),
    };
  }
  if (p.mood !== undefined || p.patience !== undefined) {
    next = {
      ...next,
      mood: clamp(next.mood + (p.mood ?? 0), -5, 5),
      patience: clamp(next.patience + (p.patience ?? 0), 0, 100),
    };
  }
  if (p.set !== undefined || p.clear !== undefined) {
    const cleared = next.flags.filter((flag) => !p.clear?.includes(flag));
    next = { ...next, flags: [...cleared, ...(p.set ?? []).filter((flag) => !cleared.includes(flag))] };
  }
  if (p.qa !== undefined) next = { ...next, qa: markAll(next.qa, p.qa) };
  const at = callTime(next);
  const breaches = [...(p.breaches ?? [])];
  if (p.discloses !== undefined && p.discloses.length > 0) {
    next = { ...next, disclosed: [...next.disclosed, ...p.discloses.filter((k) => !next.disclosed.includes(k))] };
    if (!next.idvTrue && p.disclosureBreach !== undefined) breaches.push(p.disclosureBreach);
  }
  if (breaches.length > 0) {
    const known = new Set(next.breaches.map((b) => b.code));
    const added = breaches.filter((code) => !known.has(code)).map((code) => ({ code, at, step: next.step }));
    next = { ...next, breaches: [...next.breaches, ...added] };
  }
  if (p.coldTransfer === true) next = { ...next, coldTransfer: true };
  if (p.ending !== undefined) next = { ...next, outcome: p.ending.outcome, endingNode: p.ending.node };
  return next;
}

export function hangUp(context: CallContext): CallContext {
  return { ...context, outcome: 'hung-up', endingNode: null };
}

function notesCoverage(notes: string, mustMention: WrapParams['mustMention']): number | null {
  if (mustMention.length === 0) return null;
  const lower = notes.toLowerCase();
  const covered = mustMention.filter((alternatives) =>
    alternatives.some((word) => lower.includes(word.toLowerCase())),
  ).length;
  return covered / mustMention.length;
}

/** After-call work: the disposition and notes, their time, and card data in the notes. */
export function wrapUp(context: CallContext, p: WrapParams, disposition: string, notes: string): CallContext {
  const coverage = notesCoverage(notes, p.mustMention);
  const right = p.correct.includes(disposition);
  const marks: Record<string, QaMark> = { 'auto-disposition': right ? 'met' : 'missed' };
  if (coverage !== null) marks['auto-notes'] = coverage >= 1 ? 'met' : coverage >= 0.5 ? 'partial' : 'missed';
  const wrap = wrapSeconds(notes);
  let next: CallContext = {
    ...context,
    wrap: context.wrap + wrap,
    disposition,
    dispositionRight: right,
    notes,
    notesCoverage: coverage,
    qa: markAll(context.qa, marks),
    step: context.step + 1,
  };
  if (containsCardData(notes) && !next.breaches.some((b) => b.code === 'card-in-notes')) {
    next = { ...next, breaches: [...next.breaches, { code: 'card-in-notes', at: callTime(next), step: next.step }] };
  }
  return next;
}
