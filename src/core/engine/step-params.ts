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
  /** The disclosure is a breach whatever the ID&V (the caller is a third party). */
  readonly disclosureAlways?: boolean;
  /** For a caller acting for the customer: disclosures need the authority checked (the flag) and must be in scope. */
  readonly authority?: { readonly flag: string; readonly scope: readonly string[]; readonly needsIdv: boolean };
  readonly breaches?: readonly BreachCode[];
  /** An ID&V verdict: judged against the event's marks and the questions asked. */
  readonly idv?: IdvCheckParams & { readonly verdict: 'pass' | 'fail' };
  /** A transfer or escalation: judged against the event's team, mode and handover. */
  readonly route?: RouteParams;
  /** A look-up finished: whether the article used was a right one. */
  readonly kbUsed?: { readonly right: boolean };
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

export interface IdvCheckParams {
  /** The policy's questions: all must be asked, and answered rightly, for a real pass. */
  readonly policy: readonly string[];
  /** Whether each answer the caller would give matches the record (a key left out: cannot answer). */
  readonly matches: Readonly<Record<string, boolean>>;
  readonly overAskingFault: boolean;
}

export interface IdvAskParams {
  readonly askable: readonly string[];
  readonly seconds: number;
  /** Whether the caller's answer to each question matches the record. */
  readonly matches: Readonly<Record<string, boolean>>;
}

export interface RouteParams {
  readonly right: readonly string[];
  readonly warmDue: boolean;
  readonly rightHandovers: readonly number[];
  readonly handovers: number;
  readonly warmSeconds: number;
  readonly coldSeconds: number;
}

export interface RouteGuardParams {
  readonly teams: readonly string[];
  readonly handovers: number;
  /** Only for the transition taken when the team is (or is not) one of the right ones. */
  readonly right: readonly string[];
  readonly rightTeam: boolean;
}

export interface SearchIndexEntry {
  readonly id: string;
  /** Lower-case words of the title, keywords and body. */
  readonly words: readonly string[];
  /** Seconds to read the article. */
  readonly readSeconds: number;
}
