/**
 * The measurable things a goal can name. Each reads one value from a run's scorecard; a goal's
 * progress is the value over the runs since it was set.
 */
import type { Scorecard } from '../../shared/scorecard.ts';
import { measureArea } from './measure-areas.ts';
import type { AreaKey } from './areas.ts';

export interface GoalMetric {
  readonly label: string;
  readonly unit: '%' | 's';
  /** Whether a higher value is better. */
  readonly higherIsBetter: boolean;
  readonly min: number;
  readonly max: number;
  readonly area?: AreaKey;
}

export const GOAL_METRICS = Object.freeze({
  'qa-score': { label: 'QA score', unit: '%', higherIsBetter: true, min: 0, max: 100 },
  'area-idv-data': { label: 'ID&V and data protection score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'idv-data' },
  'area-listening-empathy': { label: 'Listening and empathy score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'listening-empathy' },
  'area-resolution': { label: 'Resolution score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'resolution' },
  'area-control-time': { label: 'Call control and time score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'control-time' },
  'area-compliance': { label: 'Compliance statements score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'compliance' },
  'aht-seconds': { label: 'Average handle time', unit: 's', higherIsBetter: false, min: 1, max: 7200 },
  'fcr-rate': { label: 'First contact resolution rate', unit: '%', higherIsBetter: true, min: 0, max: 100 },
} as const satisfies Record<string, GoalMetric>);

export type GoalMetricKey = keyof typeof GOAL_METRICS;
export const GOAL_METRIC_KEYS = Object.freeze(Object.keys(GOAL_METRICS) as [GoalMetricKey, ...GoalMetricKey[]]);

export const areaMetric = (area: AreaKey): GoalMetricKey => `area-${area}` as GoalMetricKey;

/** The metric's value on one call; null when the call did not measure it (e.g. FCR on a refusal). */
export function metricValue(metric: GoalMetricKey, card: Scorecard): number | null {
  if (metric === 'qa-score') return card.qa.score;
  if (metric === 'aht-seconds') return card.aht.total;
  if (metric === 'fcr-rate') return card.fcr.value === 'excluded' ? null : card.fcr.value === 'yes' ? 100 : 0;
  const area = (GOAL_METRICS[metric] as GoalMetric).area;
  return area === undefined ? null : measureArea(card, area).score;
}

/** Mean of the measured values, rounded to a whole number; null when nothing was measured. */
export function metricMean(metric: GoalMetricKey, cards: readonly Scorecard[]): number | null {
  const values = cards.map((c) => metricValue(metric, c)).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

export const formatMetric = (metric: GoalMetricKey, value: number): string =>
  GOAL_METRICS[metric].unit === 's' ? `${value}s` : `${value}%`;
