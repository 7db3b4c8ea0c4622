/**
 * What one transition does to the call, worked out by the compiler from the scenario so that the
 * machine applies a whole step in a single `assign`.
 */
import type { QaMark } from '../../shared/scorecard.ts';
import type { BreachCode } from '../model/breaches.ts';
import type { Condition } from '../model/scenario-schema.ts';
import type { Outcome } from '../model/outcomes.ts';

export interface StepParams {
  /** Seconds of talk the step adds: the agent's part plus the next customer line. */
  readonly talk: number;
  /** Seconds of hold work the step finishes (taking the customer off hold). */
  readonly holdFinish?: number;
  readonly mood?: number;
  readonly patience?: number;
  readonly set?: readonly string[];
  readonly clear?: readonly string[];
  readonly qa?: Readonly<Record<string, Exclude<QaMark, 'na'>>>;
  readonly discloses?: readonly string[];
  /** The breach a disclosure is when ID&V has not truly passed. */
  readonly disclosureBreach?: BreachCode;
  readonly breaches?: readonly BreachCode[];
  readonly idv?: { readonly verdict: 'pass' | 'fail'; readonly right: boolean };
  readonly coldTransfer?: boolean;
  readonly ending?: { readonly node: string; readonly outcome: Outcome };
}

export interface ChoiceGuardParams {
  readonly index: number;
  readonly when: Condition | null;
}

export interface WrapParams {
  readonly codes: readonly string[];
  readonly correct: readonly string[];
  readonly mustMention: readonly (readonly string[])[];
}
