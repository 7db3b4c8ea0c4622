/**
 * The few figures of a call the classroom keeps: enough for the composite, the leaderboard and the
 * debrief, and small (a whole scorecard is ~5 KB; this is ~150 bytes). Stored with each result.
 */
import type { Scorecard } from '../../shared/scorecard.ts';
import type { CallFigures } from '../scoring/aggregate.ts';

export interface CallKpis {
  readonly scenarioId: string;
  /** QA score after fatal and critical rules, 0-100. */
  readonly qa: number;
  /** True when the call had a fatal compliance breach. */
  readonly fatal: boolean;
  readonly fcr: 'yes' | 'no' | 'excluded';
  readonly csatStars: number;
  readonly ahtTotal: number;
  readonly ahtTarget: number;
  /** False for a call with no handle-time target (left out of handle-time figures); results stored before this was kept read as timed. */
  readonly timed?: boolean;
}

export function kpisOf(card: Scorecard): CallKpis {
  return {
    scenarioId: card.scenarioId,
    qa: card.qa.score,
    fatal: card.qa.fatal.length > 0,
    fcr: card.fcr.value,
    csatStars: card.csat.stars,
    ahtTotal: card.aht.total,
    ahtTarget: card.aht.target,
    timed: card.aht.targeted !== false,
  };
}

/** The figures the shared summary reads (core/scoring/aggregate.ts), from the slim KPIs. */
export const figuresOfKpis = (k: CallKpis): CallFigures => ({ fcr: k.fcr, csatStars: k.csatStars, qa: k.qa, fatal: k.fatal, ahtTotal: k.ahtTotal, ahtTarget: k.ahtTarget, timed: k.timed !== false });

/** Reads a stored result's figures: the slim form, or a whole scorecard stored by an older version. */
export function storedKpis(value: unknown): CallKpis | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['qa'] === 'number') return v as unknown as CallKpis;
  if (typeof v['qa'] === 'object' && v['qa'] !== null && typeof v['fcr'] === 'object') return kpisOf(v as unknown as Scorecard);
  return null;
}
