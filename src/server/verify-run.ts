/**
 * The server's own verdict on a finished call: replay the run log through the same engine, score
 * it with the same core, and compare with what the browser claimed. A forged score, a scenario not
 * in the session or an impossible log is refused with a reason the trainee can read.
 */
import type { CallDefinition } from '../core/engine/call-definition.ts';
import { scoreRun } from '../core/scoring/score.ts';
import { callMistakes } from '../core/classroom/call-mistakes.ts';
import type { RunLog } from '../shared/call-events.ts';
import type { ClaimedScore } from '../shared/classroom-http.ts';
import type { CallMistake } from '../shared/classroom-results.ts';
import type { Scorecard } from '../shared/scorecard.ts';

export type Verdict = { ok: true; scorecard: Scorecard; mistakes: CallMistake[] } | { ok: false; reason: string };

/** Scores differ only in the last decimal from rounding at most. */
const close = (a: number, b: number) => Math.abs(a - b) < 0.05;

export function verifyRun(scenarios: ReadonlyMap<string, CallDefinition>, run: RunLog, claimed: ClaimedScore): Verdict {
  const def = scenarios.get(run.scenarioHash);
  if (def === undefined) return { ok: false, reason: 'unknown scenario hash: this call is not one of the session’s scenarios (or was played on another version)' };
  let scored;
  try {
    scored = scoreRun(def, run);
  } catch (error) {
    return { ok: false, reason: `impossible run: the replay failed (${(error as Error).message})` };
  }
  if (!scored.ok) return { ok: false, reason: `impossible run: ${scored.error}` };
  const card = scored.scorecard;
  const differences: string[] = [];
  if (!close(card.qa.score, claimed.qa)) differences.push(`QA ${claimed.qa} sent, ${card.qa.score} on replay`);
  if (card.csat.stars !== claimed.csatStars) differences.push(`CSAT ${claimed.csatStars} sent, ${card.csat.stars} on replay`);
  if (!close(card.aht.total, claimed.ahtTotal)) differences.push(`AHT ${claimed.ahtTotal} s sent, ${card.aht.total} s on replay`);
  if (card.fcr.value !== claimed.fcr) differences.push(`FCR "${claimed.fcr}" sent, "${card.fcr.value}" on replay`);
  if (differences.length > 0) return { ok: false, reason: `the score sent does not match the server's replay of the call: ${differences.join('; ')}` };
  return { ok: true, scorecard: card, mistakes: callMistakes(scored.steps) };
}
