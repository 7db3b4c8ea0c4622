/**
 * Score a run as a contact centre scores a call. Pure: the browser, the tests and the classroom
 * server call this same function, so a run always gets the same scorecard.
 */
import type { RunLog } from '../../shared/call-events.ts';
import type { Scorecard } from '../../shared/scorecard.ts';
import type { CallDefinition } from '../engine/call-definition.ts';
import { replay } from '../engine/replay.ts';
import { CallRunner } from '../engine/call-runner.ts';
import { HANG_UP_SUMMARY } from '../engine/hang-up.ts';
import { deadAirSeconds } from '../engine/dead-air.ts';
import { firstContactResolution } from './fcr.ts';
import { csatRating } from './csat.ts';
import { qaScorecard } from './qa-scorecard.ts';
import { callSteps, type CallStep } from './call-steps.ts';
import { itemShares, keyMoments } from './key-moments.ts';
import { buildTranscript, type TranscriptTurn } from './transcript.ts';

export interface ScoredRun {
  readonly scorecard: Scorecard;
  readonly steps: readonly CallStep[];
  readonly transcript: readonly TranscriptTurn[];
}

export type ScoreResult = ({ readonly ok: true } & ScoredRun) | { readonly ok: false; readonly error: string };

export function scoreRun(def: CallDefinition, run: RunLog): ScoreResult {
  const { scenario } = def;
  if (run.scenarioId !== scenario.id) return { ok: false, error: `the run is for scenario "${run.scenarioId}", not "${scenario.id}"` };
  if (run.scenarioHash !== def.hash) return { ok: false, error: 'the run was played on a different version of this scenario' };
  const replayed = replay(def, run.events, true);
  if (!replayed.ok) return { ok: false, error: replayed.error };
  if (!replayed.snapshot.done) {
    return { ok: false, error: `the call is not finished (it stopped at "${replayed.snapshot.value}")` };
  }
  const context = replayed.snapshot.context;
  const ending = context.endingNode === null ? undefined : scenario.nodes[context.endingNode];
  const endingInfo = ending?.type === 'ending' ? ending : undefined;
  const initial = new CallRunner(def).initial();
  const steps = callSteps(def, initial, run.events, replayed.snapshots);
  const qa = qaScorecard(scenario, context);
  const scorecard: Scorecard = {
    scenarioId: scenario.id,
    scenarioHash: def.hash,
    outcome: context.outcome ?? 'unresolved',
    endingSummary: endingInfo?.summary ?? HANG_UP_SUMMARY,
    aht: {
      talk: context.talk,
      hold: context.hold,
      wrap: context.wrap,
      total: context.talk + context.hold + context.wrap,
      target: scenario.targets.ahtSeconds,
      targeted: scenario.targets.untimed !== true,
      ...(run.pace === 'live' ? { deadAir: deadAirSeconds(run.events) } : {}),
    },
    // An untimed card stays exactly as it always was; a live one says so.
    ...(run.pace === 'live' ? { pace: 'live' as const } : {}),
    fcr: firstContactResolution(context),
    csat: csatRating(context, endingInfo?.comment),
    qa,
    keyMoments: keyMoments(steps, itemShares(qa)),
  };
  return { ok: true, scorecard, steps, transcript: buildTranscript(steps) };
}

/** Just the scorecard. */
export function score(def: CallDefinition, run: RunLog): { ok: true; scorecard: Scorecard } | { ok: false; error: string } {
  const result = scoreRun(def, run);
  return result.ok ? { ok: true, scorecard: result.scorecard } : result;
}

