/**
 * What the watch panel shows after every turn of a test call: where the call is, the customer's
 * mood and patience, the flags set, the QA items met and missed so far, and the simulated time.
 * Walkthrough files record the same thing, so a replay can be compared turn by turn.
 */
import type { CallContext } from '../core/engine/call-context.ts';
import { callTime } from '../core/engine/call-context.ts';

export interface WatchState {
  /** The step the call is at, or the phase (`__ringing`, `__hung-up`, `__done`) between steps. */
  readonly at: string;
  readonly mood: number;
  readonly patience: number;
  readonly flags: readonly string[];
  readonly idv: string;
  readonly qaMet: readonly string[];
  readonly qaMissed: readonly string[];
  /** Simulated seconds into the call. */
  readonly time: number;
}

export function watchState(value: unknown, context: CallContext): WatchState {
  const marks = Object.entries(context.qa);
  return {
    at: String(value),
    mood: context.mood,
    patience: context.patience,
    flags: [...context.flags].sort(),
    idv: context.idv,
    qaMet: marks.filter(([, m]) => m === 'met').map(([id]) => id).sort(),
    qaMissed: marks.filter(([, m]) => m === 'missed' || m === 'partial').map(([id]) => id).sort(),
    time: callTime(context),
  };
}
