/**
 * The server's own verdict on a finished call: replay the run log through the same engine, read its
 * KPIs with the same core, and compare with what the browser claimed. A forged score, a scenario
 * not in the session or an impossible log is refused with a reason the trainee can read. Verdicts
 * are cached by the run's content (a replay always gives the same result), so a class taking the
 * same path through a call pays for one replay.
 */
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { CallVerdict } from '../core/classroom/call-verdict.ts';
import type { RunLog } from '../shared/call-events.ts';
import type { ClaimedScore } from '../shared/classroom-http.ts';
import { inlineVerdicts, type Verdicts } from './verify/verdicts.ts';
import { checkClaim, type Verdict } from './verify/claim-check.ts';

export type { Verdict };

const CACHE_MAX = 5000;
const cache = new Map<string, CallVerdict>();
const INLINE = inlineVerdicts();

export interface VerifyOptions {
  /** The run's content (scenario hash and events, see `runContentHash`): verdicts are cached by it. */
  readonly runHash?: string;
  /** Where the replay runs. */
  readonly verdicts?: Verdicts;
  /** The run as JSON, when already made (sent to a worker as it is). */
  readonly runJson?: string;
  /** The replay's verdict when it was already worked out (a checked submit message, submission-check.ts). */
  readonly replayed?: CallVerdict | null;
}

export async function verifyRun(scenarios: ReadonlyMap<string, CallDefinition>, run: RunLog, claimed: ClaimedScore, options: VerifyOptions = {}): Promise<Verdict> {
  const { runHash, verdicts = INLINE, runJson } = options;
  const def = scenarios.get(run.scenarioHash);
  if (def === undefined) return { ok: false, reason: 'unknown scenario hash: this call is not one of the session’s scenarios (or was played on another version)' };
  let replayed = options.replayed ?? (runHash === undefined ? undefined : cache.get(runHash));
  if (replayed === undefined) {
    replayed = await verdicts.verdict(def, run, runJson);
    if (runHash !== undefined) {
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
      cache.set(runHash, replayed);
    }
  }
  return checkClaim(replayed, claimed);
}
