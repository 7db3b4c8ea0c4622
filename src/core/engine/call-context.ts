/**
 * The call's state between steps. Flat on purpose: every step copies it once, so it holds only
 * numbers, strings and short arrays.
 */
import type { QaMark } from '../../shared/scorecard.ts';
import type { BreachCode } from '../model/breaches.ts';
import type { Outcome } from '../model/outcomes.ts';

export type IdvState = 'not-done' | 'passed' | 'failed';

export interface BreachRecord {
  readonly code: BreachCode;
  /** Simulated seconds into the call. */
  readonly at: number;
  readonly step: number;
}

export interface CallContext {
  readonly mood: number;
  readonly patience: number;
  readonly flags: readonly string[];
  readonly idv: IdvState;
  /** Whether the caller really passed: the trainee passed them and their answers were right. */
  readonly idvTrue: boolean;
  /** Whether every ID&V verdict the trainee gave matched the caller's answers; null before any. */
  readonly idvVerdictRight: boolean | null;
  /** Whether every answer the trainee marked was marked rightly, over the whole call; null before any. */
  readonly idvMarksRight: boolean | null;
  /** Questions asked at the current ID&V step, in the order asked. */
  readonly idvAsked: readonly string[];
  /** Questions asked beyond the policy, over the call. */
  readonly idvOverAsked: number;
  /** The last verdict: whether it was right, the answers marked the wrong way, policy questions not asked. */
  readonly idvLast: { readonly right: boolean; readonly misread: readonly string[]; readonly unasked: readonly string[] } | null;
  /** Knowledge base at the current look-up: the last search, articles any search found, articles opened. */
  readonly kbQuery: string | null;
  readonly kbFound: readonly string[];
  readonly kbOpened: readonly string[];
  /** Whether a right article was used at every look-up so far; null before any. */
  readonly kbRight: boolean | null;
  /** Transfers and escalations: right team every time, warm when due, right handover; null before any. */
  readonly routeTeamRight: boolean | null;
  readonly routeWarmRight: boolean | null;
  readonly routeHandoverRight: boolean | null;
  /** Check-backs in the current hold, and the silence the last one ended. */
  readonly holdChecks: number;
  readonly holdLastGap: number;
  readonly talk: number;
  readonly hold: number;
  readonly wrap: number;
  /** Work done in the current hold, and the time since the last check-back. */
  readonly holdElapsed: number;
  readonly holdSinceCheck: number;
  /** The longest stretch any hold went without a check-back; null before any hold. */
  readonly holdLongestGap: number | null;
  readonly coldTransfer: boolean;
  readonly qa: Readonly<Record<string, QaMark>>;
  readonly breaches: readonly BreachRecord[];
  readonly disclosed: readonly string[];
  readonly outcome: Outcome | null;
  readonly endingNode: string | null;
  readonly disposition: string | null;
  readonly dispositionRight: boolean | null;
  readonly notes: string | null;
  /** Share of the ending's must-mention facts the notes cover, 0-1; null when none are asked. */
  readonly notesCoverage: number | null;
  /** Events the machine has accepted. */
  readonly step: number;
}

export function initialContext(mood: number, patience: number): CallContext {
  return {
    mood,
    patience,
    flags: [],
    idv: 'not-done',
    idvTrue: false,
    idvVerdictRight: null,
    idvMarksRight: null,
    idvAsked: [],
    idvOverAsked: 0,
    idvLast: null,
    kbQuery: null,
    kbFound: [],
    kbOpened: [],
    kbRight: null,
    routeTeamRight: null,
    routeWarmRight: null,
    routeHandoverRight: null,
    holdChecks: 0,
    holdLastGap: 0,
    talk: 0,
    hold: 0,
    wrap: 0,
    holdElapsed: 0,
    holdSinceCheck: 0,
    holdLongestGap: null,
    coldTransfer: false,
    qa: {},
    breaches: [],
    disclosed: [],
    outcome: null,
    endingNode: null,
    disposition: null,
    dispositionRight: null,
    notes: null,
    notesCoverage: null,
    step: 0,
  };
}

/** Simulated seconds into the call so far. */
export function callTime(context: CallContext): number {
  return context.talk + context.hold + context.wrap;
}
