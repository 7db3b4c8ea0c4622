/** Messages between the server and its verdict workers. */
import type { Scenario } from '../../core/model/scenario-schema.ts';
import type { RunLog } from '../../shared/call-events.ts';
import type { CallVerdict } from '../../core/classroom/call-verdict.ts';

export type ToVerdictWorker =
  | { readonly type: 'definitions'; readonly scenarios: readonly { readonly hash: string; readonly scenario: Scenario }[] }
  | { readonly type: 'jobs'; readonly jobs: readonly { readonly id: number; readonly run: RunLog }[] };

export type FromVerdictWorker = { readonly type: 'results'; readonly results: readonly { readonly id: number; readonly verdict: CallVerdict }[] };
