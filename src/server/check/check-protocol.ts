/** Messages between the server and its scenario-checking worker. */
import type { Scenario } from '../../core/model/scenario-schema.ts';

export interface CheckJob {
  readonly id: number;
  readonly text: string;
  readonly file: string;
}

export type CheckAnswer =
  | { readonly id: number; readonly ok: true; readonly scenario: Scenario; readonly hash: string }
  | { readonly id: number; readonly ok: false; readonly diagnostics: readonly string[] };
