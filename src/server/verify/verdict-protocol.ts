/** Messages between the server and its verdict workers. */
import type { Scenario } from '../../core/model/scenario-schema.ts';
import type { CallVerdict } from '../../core/classroom/call-verdict.ts';
import type { CheckedSubmit } from './submission-check.ts';

export type ToVerdictWorker =
  | { readonly type: 'definitions'; readonly scenarios: readonly { readonly hash: string; readonly scenario: Scenario }[] }
  /** Each run travels as its JSON text: a string crosses to the worker far more cheaply than an object tree is cloned. */
  | { readonly type: 'jobs'; readonly jobs: readonly { readonly id: number; readonly runJson: string }[] }
  /** Whole submit messages as received (their bytes: copied, far more cheaply than decoded here), to be decoded, parsed, validated, hashed and replayed there (submission-check.ts). */
  | { readonly type: 'checks'; readonly checks: readonly { readonly id: number; readonly bytes: Uint8Array }[] };

export type FromVerdictWorker =
  | { readonly type: 'results'; readonly results: readonly { readonly id: number; readonly verdict: CallVerdict }[] }
  | { readonly type: 'checked'; readonly results: readonly { readonly id: number; readonly checked: CheckedSubmit }[] }
  /** Sent once the worker has loaded its code: until then its runs are checked on the main thread. */
  | { readonly type: 'ready' };
