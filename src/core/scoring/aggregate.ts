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

/** Summarises the last `window` scorecards (all of them when window is left out). */
export function summarisePerformance(cards: readonly Scorecard[], window?: number): PerformanceSummary {
  const recent = window === undefined ? cards : cards.slice(-window);
  const eligible = recent.filter((c) => c.fcr.value !== 'excluded');
  const clean = recent.filter((c) => c.qa.fatal.length === 0);
  // Calls with no handle-time target (rushing is the fault) stay out of the handle-time figures.
  const timed = recent.filter((c) => c.aht.targeted !== false);
  return {
    runs: recent.length,
    lowSample: recent.length < MIN_RELIABLE_RUNS,
    fcrRate: pct(eligible.filter((c) => c.fcr.value === 'yes').length, eligible.length),
    fcrEligible: eligible.length,
    csatTop2: pct(recent.filter((c) => c.csat.stars >= 4).length, recent.length),
    csatAverage: mean(recent.map((c) => c.csat.stars)),
    qaAverage: mean(recent.map((c) => c.qa.score)),
    ahtAverage: mean(timed.map((c) => c.aht.total)),
    ahtWithinTarget: timed.length === 0 ? null : pct(timed.filter((c) => c.aht.total <= c.aht.target).length, timed.length),
    compliancePassRate: pct(clean.length, recent.length),
    fatalCalls: recent.length - clean.length,
  };
}
