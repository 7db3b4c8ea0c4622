/** The pure state changes behind the call machine's actions. */
import type { QaMark } from '../../shared/scorecard.ts';
import type { Condition } from '../model/scenario-schema.ts';
import type { BreachCode } from '../model/breaches.ts';
import type { CallContext } from './call-context.ts';
import { callTime } from './call-context.ts';
import type { CallEvent } from '../../shared/call-events.ts';
import type { IdvAskParams, IdvCheckParams, RouteParams, SearchIndexEntry, StepParams, WrapParams } from './step-params.ts';
import { articleReadSeconds, engineSearch, KB_SEARCH_SECONDS } from './kb-search.ts';
import { CHECK_BACK_COVERS, holdGapPenalty, wrapSeconds } from './timing.ts';
import { containsCardData } from './card-numbers.ts';

const MARK_RANK: Record<QaMark, number> = { na: 0, met: 1, partial: 2, missed: 3 };
const HOLD_QA_ITEM = 'auto-hold-check-back';
const IDV_QA_ITEM = 'auto-idv-verdict';
const IDV_MARKS_ITEM = 'auto-idv-marks';
const IDV_PROPORTIONATE_ITEM = 'auto-idv-proportionate';
const KB_ITEM = 'auto-kb-article';
const ROUTE_TEAM_ITEM = 'auto-transfer-team';
const ROUTE_WARM_ITEM = 'auto-transfer-warm';
const ROUTE_HANDOVER_ITEM = 'auto-transfer-handover';

/** A call context whose fields a step may write (the runner's working copy, or a fresh copy). */
export type WorkingContext = { -readonly [K in keyof CallContext]: CallContext[K] };

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
  let next: Record<string, QaMark> | null = null;
  for (const id in updates) {
    const mark = worseMark((next ?? marks)[id], updates[id]!);
    if (mark === (next ?? marks)[id]) continue;
    next ??= { ...marks };
    next[id] = mark;
  }
  return next ?? marks;
}

/** Whether a choice's `when` holds: every `flags` set, no `notFlags` set, the ID&V verdict equal. */
export function conditionHolds(context: Pick<CallContext, 'flags' | 'idv'>, when: Condition | null): boolean {
  if (when === null) return true;
  if (when.idv !== undefined && context.idv !== when.idv) return false;
  // Plain loops: this runs at almost every step of every replay.
  const { flags } = context;
  if (when.flags !== undefined) for (let i = 0; i < when.flags.length; i += 1) if (!flags.includes(when.flags[i]!)) return false;
  if (when.notFlags !== undefined) for (let i = 0; i < when.notFlags.length; i += 1) if (flags.includes(when.notFlags[i]!)) return false;
  return true;
}

/** Whether every one of `wanted` is in `flags`. */
function allIn(flags: readonly string[], wanted: readonly string[]): boolean {
  for (let i = 0; i < wanted.length; i += 1) if (!flags.includes(wanted[i]!)) return false;
  return true;
}

/** Flags after a step: its `clear` first, then its `set` (new flags after the kept ones). The same array when nothing changes. */
export function applyFlagChanges(flags: readonly string[], changes: { readonly set?: readonly string[] | undefined; readonly clear?: readonly string[] | undefined }): readonly string[] {
  const { set, clear } = changes;
  const clears = clear !== undefined && clear.some((flag) => flags.includes(flag));
  if (!clears && (set === undefined || allIn(flags, set))) return flags;
  const cleared = clears ? flags.filter((flag) => !clear.includes(flag)) : flags;
  return [...cleared, ...(set ?? []).filter((flag) => !cleared.includes(flag))];
}

/** A check-back or the end of a hold closes a gap of silence: the longest gap, patience, the QA mark. */
function closeHoldGap(next: WorkingContext, gap: number): void {
  next.holdLongestGap = Math.max(next.holdLongestGap ?? 0, gap);
  next.holdLastGap = gap;
  next.patience = clamp(next.patience - holdGapPenalty(gap), 0, 100);
  next.qa = markAll(next.qa, { [HOLD_QA_ITEM]: gap > 60 ? 'missed' : 'met' });
}

/** Writes a pure action's in-place form into a fresh copy of the context. */
function copied<A extends unknown[]>(context: CallContext, inPlace: (next: WorkingContext, ...args: A) => void, ...args: A): CallContext {
  const next: WorkingContext = { ...context };
  inPlace(next, ...args);
  return next;
}

/** One check-back during a hold: covers up to 45 s of the remaining work. */
export function holdCheckBack(context: CallContext, holdSeconds: number): CallContext {
  return copied(context, holdCheckBackInPlace, holdSeconds);
}

export function holdCheckBackInPlace(next: WorkingContext, holdSeconds: number): void {
  const advance = Math.min(CHECK_BACK_COVERS, holdSeconds - next.holdElapsed);
  closeHoldGap(next, next.holdSinceCheck + advance);
  next.hold += advance;
  next.holdElapsed += advance;
  next.holdSinceCheck = 0;
  next.holdChecks += 1;
  next.step += 1;
}

/** The trainee asks the caller one ID&V question: it takes time, and the answer shows. */
export function idvAsk(context: CallContext, event: CallEvent, p: IdvAskParams): CallContext {
  return event.type === 'idv.ask' ? copied(context, idvAskInPlace, event.key, p) : context;
}

export function idvAskInPlace(next: WorkingContext, key: string, p: IdvAskParams): void {
  // Asking again for an answer the caller already gave rightly is effort for them; re-asking after
  // a wrong answer is not.
  const again = next.idvEverAsked.includes(key);
  const right = p.matches[key] === true;
  next.talk += p.seconds;
  next.idvAsked = [...next.idvAsked, key];
  if (!again && right) next.idvEverAsked = [...next.idvEverAsked, key];
  if (again) next.idvRepeats += 1;
  next.step += 1;
}

/** A search of the knowledge base: it takes time, and what it finds can then be opened. */
export function kbSearch(context: CallContext, event: CallEvent, p: { index: readonly SearchIndexEntry[] }): CallContext {
  return event.type === 'kb.search' ? copied(context, kbSearchInPlace, event.query, p) : context;
}

export function kbSearchInPlace(next: WorkingContext, query: string, p: { index: readonly SearchIndexEntry[] }): void {
  const found = engineSearch(p.index, query);
  const before = next.kbFound;
  next.talk += KB_SEARCH_SECONDS;
  next.kbQuery = query;
  // The first search of a look-up keeps the remembered list itself (context arrays are never changed in place).
  next.kbFound = before.length === 0 ? found : [...before, ...found.filter((id) => !before.includes(id))];
  next.step += 1;
}

/** Opening an article found by a search: reading it takes time. */
export function kbOpen(context: CallContext, event: CallEvent, p: { index: readonly SearchIndexEntry[] }): CallContext {
  return event.type === 'kb.open' ? copied(context, kbOpenInPlace, event.article, p) : context;
}

export function kbOpenInPlace(next: WorkingContext, article: string, p: { index: readonly SearchIndexEntry[] }): void {
  next.talk += articleReadSeconds(p.index, article);
  if (!next.kbOpened.includes(article)) next.kbOpened = [...next.kbOpened, article];
  next.step += 1;
}

/** Whether each asked answer was marked rightly, and whether the verdict was the right one. */
export function judgeIdv(context: CallContext, p: IdvCheckParams & { verdict: 'pass' | 'fail' }, marks: Readonly<Record<string, 'match' | 'mismatch'>>) {
  const asked = context.idvAsked;
  const misread = asked.filter((key) => (marks[key] === 'match') !== (p.matches[key] === true));
  // A question the caller already answered rightly earlier in the call need not be asked again.
  const confirmed = (key: string) => !asked.includes(key) && context.idvEverAsked.includes(key);
  const unasked = p.policy.filter((key) => !asked.includes(key) && !confirmed(key));
  const callerMatches =
    asked.every((key) => p.matches[key] === true) && p.policy.every((key) => confirmed(key) || p.matches[key] === true);
  const realPass = unasked.length === 0 && callerMatches;
  const right = p.verdict === 'pass' ? realPass : !callerMatches;
  const overAsked = asked.filter((key) => !p.policy.includes(key)).length;
  return { misread, unasked, right, realPass, overAsked };
}

function routeMarks(p: RouteParams, event: CallEvent): { team: boolean; warm: boolean | null; handover: boolean | null; seconds: number; cold: boolean } {
  if (event.type !== 'agent.transfer') return { team: false, warm: null, handover: null, seconds: 0, cold: false };
  const cold = event.mode === 'cold';
  return {
    team: p.right.includes(event.team),
    warm: p.warmDue ? !cold : null,
    handover: p.warmDue && p.handovers > 0 ? !cold && event.handover !== null && p.rightHandovers.includes(event.handover) : null,
    seconds: cold ? p.coldSeconds : p.warmSeconds,
    // A cold transfer costs the customer effort only where a warm one was due.
    cold: cold && p.warmDue,
  };
}

/**
 * A whole step: talk time, hold finished, customer reaction, flags, QA marks, compliance. The
 * pure form: one fresh copy of the context, filled in place (the caller's context is never changed).
 */
export function applyStep(context: CallContext, p: StepParams, event?: CallEvent): CallContext {
  const next: WorkingContext = { ...context };
  applyStepInPlace(next, p, event);
  return next;
}

/**
 * The same step written into `next` itself: its own fields change, while the arrays and records
 * it holds are replaced, never changed, so a copy of it taken earlier stays as it was. The pure
 * runner steps a working copy with this, one copy per replay rather than one per event.
 */
export function applyStepInPlace(next: WorkingContext, p: StepParams, event?: CallEvent): void {
  next.talk += p.talk;
  next.step += 1;
  if (p.kbUsed !== undefined) {
    next.kbRight = (next.kbRight ?? true) && p.kbUsed.right;
    next.kbQuery = null;
    next.kbFound = [];
    next.kbOpened = [];
    next.qa = markAll(next.qa, { [KB_ITEM]: p.kbUsed.right ? 'met' : 'missed' });
  }
  if (p.route !== undefined && event !== undefined) {
    const r = routeMarks(p.route, event);
    const marks: Record<string, QaMark> = { [ROUTE_TEAM_ITEM]: r.team ? 'met' : 'missed' };
    if (r.warm !== null) marks[ROUTE_WARM_ITEM] = r.warm ? 'met' : 'missed';
    if (r.handover !== null) marks[ROUTE_HANDOVER_ITEM] = r.handover ? 'met' : 'missed';
    next.talk += r.seconds;
    next.routeTeamRight = (next.routeTeamRight ?? true) && r.team;
    next.routeWarmRight = r.warm === null ? next.routeWarmRight : (next.routeWarmRight ?? true) && r.warm;
    next.routeHandoverRight = r.handover === null ? next.routeHandoverRight : (next.routeHandoverRight ?? true) && r.handover;
    next.coldTransfer = next.coldTransfer || r.cold;
    next.qa = markAll(next.qa, marks);
  }
  if (p.holdFinish !== undefined) {
    const remaining = p.holdFinish - next.holdElapsed;
    closeHoldGap(next, next.holdSinceCheck + remaining);
    next.hold += remaining;
    next.holdElapsed = 0;
    next.holdSinceCheck = 0;
    next.holdChecks = 0;
  }
  if (p.idv !== undefined && event?.type === 'agent.idv') {
    const passed = p.idv.verdict === 'pass';
    const judged = judgeIdv(next, p.idv, event.marks);
    const marks: Record<string, QaMark> = {
      [IDV_QA_ITEM]: judged.right ? 'met' : 'missed',
      [IDV_MARKS_ITEM]: judged.misread.length === 0 ? 'met' : 'missed',
    };
    if (p.idv.overAskingFault) marks[IDV_PROPORTIONATE_ITEM] = judged.overAsked > 0 ? 'missed' : 'met';
    next.idv = passed ? 'passed' : 'failed';
    next.idvTrue = passed && judged.realPass;
    next.idvVerdictRight = (next.idvVerdictRight ?? true) && judged.right;
    next.idvMarksRight = (next.idvMarksRight ?? true) && judged.misread.length === 0;
    next.idvOverAsked += judged.overAsked;
    next.idvAsked = [];
    next.idvLast = { right: judged.right, misread: judged.misread, unasked: judged.unasked };
    next.qa = markAll(next.qa, marks);
  }
  if (p.mood !== undefined || p.patience !== undefined) {
    next.mood = clamp(next.mood + (p.mood ?? 0), -5, 5);
    next.patience = clamp(next.patience + (p.patience ?? 0), 0, 100);
  }
  if (p.set !== undefined || p.clear !== undefined) next.flags = applyFlagChanges(next.flags, p);
  if (p.qa !== undefined) next.qa = markAll(next.qa, p.qa);
  let breaches: BreachCode[] | null = p.breaches === undefined || p.breaches.length === 0 ? null : [...p.breaches];
  if (p.discloses !== undefined && p.discloses.length > 0) {
    const disclosed = next.disclosed;
    next.disclosed = [...disclosed, ...p.discloses.filter((k) => !disclosed.includes(k))];
    let breach: BreachCode | null = null;
    if (p.authority !== undefined) {
      // The representative must be who they say (their own ID&V, where the call has a policy) and
      // their authority checked before anything is said; then only what it covers.
      const checked = next.flags.includes(p.authority.flag) && (!p.authority.needsIdv || next.idvTrue);
      if (!checked) breach = 'third-party-disclosure';
      else if (p.discloses.some((key) => !p.authority!.scope.includes(key))) breach = 'outside-authority';
    } else if ((p.disclosureAlways === true || !next.idvTrue) && p.disclosureBreach !== undefined) breach = p.disclosureBreach;
    if (breach !== null) (breaches ??= []).push(breach);
  }
  if (breaches !== null) {
    const at = callTime(next);
    const known = new Set(next.breaches.map((b) => b.code));
    const step = next.step;
    const added = breaches.filter((code) => !known.has(code)).map((code) => ({ code, at, step }));
    next.breaches = [...next.breaches, ...added];
  }
  if (p.ending !== undefined) {
    next.outcome = p.ending.outcome;
    next.endingNode = p.ending.node;
  }
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
  return copied(context, wrapUpInPlace, p, disposition, notes);
}

export function wrapUpInPlace(next: WorkingContext, p: WrapParams, disposition: string, notes: string): void {
  const coverage = notesCoverage(notes, p.mustMention);
  const right = p.correct.includes(disposition);
  const marks: Record<string, QaMark> = { 'auto-disposition': right ? 'met' : 'missed' };
  if (coverage !== null) marks['auto-notes'] = coverage >= 1 ? 'met' : coverage >= 0.5 ? 'partial' : 'missed';
  next.wrap += wrapSeconds(notes);
  next.disposition = disposition;
  next.dispositionRight = right;
  next.notes = notes;
  next.notesCoverage = coverage;
  next.qa = markAll(next.qa, marks);
  next.step += 1;
  if (containsCardData(notes) && !next.breaches.some((b) => b.code === 'card-in-notes')) {
    next.breaches = [...next.breaches, { code: 'card-in-notes', at: callTime(next), step: next.step }];
  }
}
