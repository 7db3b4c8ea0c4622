/**
 * Calibration: the trainee's self-rating beside the measured rating for each area, a plain sentence
 * where they over- or under-rated themself, and the mean absolute gap as one figure to track.
 */
import { AREA_KEYS, SELF_RATING_AREAS, type AreaKey } from './areas.ts';
import type { AreaMeasures } from './measure-areas.ts';
import type { SelfRating } from './self-rating.ts';

export type CalibrationVerdict = 'accurate' | 'over' | 'under' | 'not-measured';

export interface AreaCalibration {
  readonly area: AreaKey;
  readonly self: number;
  readonly measured: number | null;
  /** self − measured: positive means over-rated. */
  readonly gap: number | null;
  readonly verdict: CalibrationVerdict;
  readonly sentence: string;
}

export interface Calibration {
  readonly areas: readonly AreaCalibration[];
  /** Mean of |self − measured| over the measured areas (0 = spot on); null when none was measured. */
  readonly meanGap: number | null;
}

function sentenceFor(area: AreaKey, self: number, measured: number | null): { verdict: CalibrationVerdict; sentence: string } {
  const label = SELF_RATING_AREAS[area].label;
  if (measured === null) return { verdict: 'not-measured', sentence: `${label}: not measured on this call, so your rating of ${self} has no evidence to compare with.` };
  const gap = self - measured;
  if (gap === 0) return { verdict: 'accurate', sentence: `${label}: you rated ${self} and the evidence says ${measured} — accurate.` };
  const points = Math.abs(gap) === 1 ? '1 point' : `${Math.abs(gap)} points`;
  return gap > 0
    ? { verdict: 'over', sentence: `${label}: you rated yourself ${self} but the scorecard shows ${measured}, so you over-rated yourself by ${points}.` }
    : { verdict: 'under', sentence: `${label}: you rated yourself ${self} but the scorecard shows ${measured}, so you under-rated yourself by ${points} — you did better than you thought.` };
}

export function calibrate(rating: SelfRating, measures: AreaMeasures): Calibration {
  const areas = AREA_KEYS.map((area): AreaCalibration => {
    const self = rating.ratings[area];
    const measured = measures[area].rating;
    return { area, self, measured, gap: measured === null ? null : self - measured, ...sentenceFor(area, self, measured) };
  });
  const gaps = areas.flatMap((a) => (a.gap === null ? [] : [Math.abs(a.gap)]));
  const meanGap = gaps.length === 0 ? null : Math.round((100 * gaps.reduce((a, b) => a + b, 0)) / gaps.length) / 100;
  return { areas, meanGap };
}

export type CalibrationTrend = 'improving' | 'worsening' | 'steady' | 'too-few';

/** Compares the mean gap of the latest three rated calls with the three before them. */
export function calibrationTrend(meanGaps: readonly (number | null)[]): { trend: CalibrationTrend; latest: number | null; earlier: number | null } {
  const gaps = meanGaps.filter((g): g is number => g !== null);
  if (gaps.length < 2) return { trend: 'too-few', latest: gaps.at(-1) ?? null, earlier: null };
  const half = Math.min(3, Math.floor(gaps.length / 2));
  const avg = (xs: number[]): number => Math.round((100 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 100;
  const latest = avg(gaps.slice(-half));
  const earlier = avg(gaps.slice(-2 * half, -half));
  const trend = latest < earlier - 0.2 ? 'improving' : latest > earlier + 0.2 ? 'worsening' : 'steady';
  return { trend, latest, earlier };
}
