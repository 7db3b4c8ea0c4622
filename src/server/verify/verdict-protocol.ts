/** Messages between the server and its verdict workers. */
import type { Scenario } from '../../core/model/scenario-schema.ts';
import type { CallVerdict } from '../../core/classroom/call-verdict.ts';
import type { CheckedSubmit } from './submission-check.ts';

export type ToVerdictWorker =
  | { readonly type: 'definitions'; readonly scenarios: readonly { readonly hash: string; readonly scenario: Scenario }[] }
  /** Each run travels as its JSON text: a string crosses to the worker far more cheaply than an object tree is cloned. */
  | { readonly type: 'jobs'; readonly jobs: readonly { readonly id: number; readonly runJson: string }[] }
  /**
   * Whole submit messages as received, their bytes end to end in one buffer (transferred, not
   * copied): check i is bytes[checks[i-1].end, checks[i].end). Decoded, parsed, validated and
   * prepared there (submission-check.ts), at the room's ms per decision.
   */
  | { readonly type: 'checks'; readonly bytes: Uint8Array; readonly checks: readonly { readonly id: number; readonly end: number; readonly msPerDecision: number | undefined }[] };

export type FromVerdictWorker =
  | { readonly type: 'results'; readonly results: readonly { readonly id: number; readonly verdict: CallVerdict }[] }
  /** Each check's answer: the prepared submission (no run object, its JSON only) or the problem with the message. */
  | { readonly type: 'checked'; readonly results: readonly { readonly id: number; readonly checked: CheckedSubmit }[] }
  /** Sent once the worker has loaded its code: until then its runs are checked on the main thread. */
  | { readonly type: 'ready' };
