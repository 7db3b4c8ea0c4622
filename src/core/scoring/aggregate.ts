/**
 * Many scorecards summed up as a contact centre reports them: FCR rate (refusals excluded), CSAT
 * top-2-box, average QA, AHT, and the compliance pass rate kept apart from the averages.
 */
import type { Scorecard } from '../../shared/scorecard.ts';

/** Fewer runs than this and the figures are noise: the summary says so. */
export const MIN_RELIABLE_RUNS = 5;

export interface PerformanceSummary {
  readonly runs: number;
  readonly lowSample: boolean;
  /** Share of FCR-eligible calls resolved first time, 0-100; null when none were eligible. */
  readonly fcrRate: number | null;
  readonly fcrEligible: number;
  /** Share of calls rated 4 or 5 stars, 0-100. */
  readonly csatTop2: number | null;
  readonly csatAverage: number | null;
  /** Average QA score of every call, a call with a fatal breach counted at its capped score (0): leaving it out would flatter the average. */
  readonly qaAverage: number | null;
  readonly ahtAverage: number | null;
  /** Share of calls where AHT was within target, 0-100. */
  readonly ahtWithinTarget: number | null;
  /** Share of calls with no fatal compliance breach, 0-100. */
  readonly compliancePassRate: number | null;
  readonly fatalCalls: number;
}

const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10;

/** The few figures of one call a summary reads: from a whole scorecard, or from the classroom's slim KPIs. */
export interface CallFigures {
  readonly fcr: 'yes' | 'no' | 'excluded';
  readonly csatStars: number;
  readonly qa: number;
  readonly fatal: boolean;
  readonly ahtTotal: number;
  readonly ahtTarget: number;
  /** False for a call with no handle-time target: it stays out of the handle-time figures. */
  readonly timed: boolean;
}

export const figuresOf = (c: Scorecard): CallFigures => ({
  fcr: c.fcr.value,
  csatStars: c.csat.stars,
  qa: c.qa.score,
  fatal: c.qa.fatal.length > 0,
  ahtTotal: c.aht.total,
  ahtTarget: c.aht.target,
  timed: c.aht.targeted !== false,
});

/** Summarises calls by their figures: the one set of rules the game's summary and the class debrief share. */
export function summariseFigures(recent: readonly CallFigures[]): PerformanceSummary {
  const eligible = recent.filter((c) => c.fcr !== 'excluded');
  const clean = recent.filter((c) => !c.fatal);
  // Calls with no handle-time target (rushing is the fault) stay out of the handle-time figures.
  const timed = recent.filter((c) => c.timed);
  return {
    runs: recent.length,
    lowSample: recent.length < MIN_RELIABLE_RUNS,
    fcrRate: pct(eligible.filter((c) => c.fcr === 'yes').length, eligible.length),
    fcrEligible: eligible.length,
    csatTop2: pct(recent.filter((c) => c.csatStars >= 4).length, recent.length),
    csatAverage: mean(recent.map((c) => c.csatStars)),
    qaAverage: mean(recent.map((c) => c.qa)),
    ahtAverage: mean(timed.map((c) => c.ahtTotal)),
    ahtWithinTarget: timed.length === 0 ? null : pct(timed.filter((c) => c.ahtTotal <= c.ahtTarget).length, timed.length),
    compliancePassRate: pct(clean.length, recent.length),
    fatalCalls: recent.length - clean.length,
  };
}

/** Summarises the last `window` scorecards (all of them when window is left out). */
export function summarisePerformance(cards: readonly Scorecard[], window?: number): PerformanceSummary {
  const recent = window === undefined ? cards : cards.slice(-window);
  return summariseFigures(recent.map(figuresOf));
}
