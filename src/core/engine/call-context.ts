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
