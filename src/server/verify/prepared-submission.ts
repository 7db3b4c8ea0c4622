/**
 * A submission reduced to what the room decides on and stores, worked out in one place (a verdict
 * worker in a burst, this thread otherwise): the ticket's hash, the run's identity (scenario, seed,
 * pace), the least time it takes to play, its content hash and JSON, and the replay's verdict with
 * the claimed score held against it. The run itself does not travel back from a worker: the room
 * reads it from its JSON only when the debrief or a review asks for it.
 */
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import { minimumPlayMs } from '../../core/classroom/plausible-time.ts';
import type { RunLog } from '../../shared/call-events.ts';
import type { SubmissionId } from '../../shared/classroom-ids.ts';
import type { ClaimedScore, Submission } from '../../shared/classroom-http.ts';
import { serialisedRun, sha256 } from '../rooms/room-hashes.ts';
import { checkClaim, type Verdict } from './claim-check.ts';
import { runVerdict } from './run-verdict.ts';
import type { CallVerdict } from '../../core/classroom/call-verdict.ts';
import { benchAblation, constantVerdict } from './bench-ablation.ts';

export interface PreparedSubmission {
  readonly submissionId: SubmissionId;
  /** SHA-256 of the ticket the run was played on (the room keeps tickets by their hash). */
  readonly ticketHash: string;
  readonly scenarioHash: string;
  readonly seed: number;
  /** As in the run log: "live", or left out (untimed). */
  readonly pace?: 'live';
  /** The least real time a person needs to play the run, at the room's ms per decision (plausible-time.ts). */
  readonly playMs: number;
  /** The run's content hash: the same run counts once per player. */
  readonly runHash: string;
  /** The run as JSON, stored as it is. */
  readonly runJson: string;
  readonly claimed: ClaimedScore;
  /** The replay's verdict with the claim checked; null when the call was not known where this was prepared (the room asks for it). */
  readonly verdict: Verdict | null;
  /** The run itself, when prepared on the room's own thread (saves reading it back from its JSON). */
  readonly run?: RunLog;
}

/** The verdict, with a replay that throws turned into a refusal. */
export function safeVerdict(def: CallDefinition, run: RunLog): CallVerdict {
  try {
    return runVerdict(def, run);
  } catch (error) {
    return { ok: false, error: `the replay failed (${(error as Error).message})` };
  }
}

/**
 * `def` is the run's call when known here (its verdict is then worked out now); `keepRun` keeps the
 * run object beside its JSON (on the room's own thread).
 */
export function prepareSubmission(s: Submission, def: CallDefinition | undefined, msPerDecision?: number, keepRun = false): PreparedSubmission {
  const { run } = s;
  const { runHash, runJson } = serialisedRun(run);
  return {
    submissionId: s.submissionId,
    ticketHash: sha256(s.ticket),
    scenarioHash: run.scenarioHash,
    seed: run.seed,
    ...(run.pace === undefined ? {} : { pace: run.pace }),
    playMs: minimumPlayMs(run.events, msPerDecision),
    runHash,
    runJson,
    claimed: s.claimed,
    verdict: benchAblation.verdict ? constantVerdict(run.scenarioId, s.claimed) : def === undefined ? null : checkClaim(safeVerdict(def, run), s.claimed),
    ...(keepRun ? { run } : {}),
  };
}

/** The run of a prepared submission: the one kept, or read from its JSON (once per call of this). */
export const runOf = (p: Pick<PreparedSubmission, 'run' | 'runJson'>): RunLog => p.run ?? (JSON.parse(p.runJson) as RunLog);
