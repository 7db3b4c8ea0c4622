/**
 * The classroom's verdict on a finished call, lean: replay the run through the same engine and read
 * the KPIs the leaderboard needs (QA, FCR, CSAT, AHT) with the same scoring functions, without the
 * per-step records, key moments or transcript a trainee's results screen needs. Same figures as
 * `scoreRun` (a test holds them equal on every plan); about a third less work per run.
 */
import type { CallDefinition } from '../engine/call-definition.ts';
import { replay } from '../engine/replay.ts';
import { firstContactResolution } from '../scoring/fcr.ts';
import { csatRating } from '../scoring/csat.ts';
import { qaScorecard } from '../scoring/qa-scorecard.ts';
import type { RunLog } from '../../shared/call-events.ts';
import type { CallKpis } from './call-kpis.ts';

export type CallVerdict = { ok: true; kpis: CallKpis } | { ok: false; error: string };

export function callVerdict(def: CallDefinition, run: RunLog): CallVerdict {
  const { scenario } = def;
  if (run.scenarioId !== scenario.id) return { ok: false, error: `the run is for scenario "${run.scenarioId}", not "${scenario.id}"` };
  if (run.scenarioHash !== def.hash) return { ok: false, error: 'the run was played on a different version of this scenario' };
  const replayed = replay(def, run.events, false);
  if (!replayed.ok) return { ok: false, error: replayed.error };
  if (!replayed.snapshot.done) return { ok: false, error: `the call is not finished (it stopped at "${replayed.snapshot.value}")` };
  const context = replayed.snapshot.context;
  const ending = context.endingNode === null ? undefined : scenario.nodes[context.endingNode];
  const qa = qaScorecard(scenario, context);
  return {
    ok: true,
    kpis: {
      scenarioId: scenario.id,
      qa: qa.score,
      fatal: qa.fatal.length > 0,
      fcr: firstContactResolution(context).value,
      csatStars: csatRating(context, ending?.type === 'ending' ? ending.comment : undefined).stars,
      ahtTotal: context.talk + context.hold + context.wrap,
      ahtTarget: scenario.targets.ahtSeconds,
    },
  };
}
