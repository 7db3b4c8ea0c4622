/**
 * The measurable things a goal can name. Each reads one value from a run's scorecard; a goal's
 * progress is the value over the runs since it was set.
 */
import type { Scorecard } from '../../shared/scorecard.ts';
import { measureArea } from './measure-areas.ts';
import { SELF_RATING_AREAS, type AreaKey } from './areas.ts';
import { handleTimeVerdict } from './call-story.ts';
import type { QaSectionKey } from '../model/qa-sections.ts';

export interface GoalMetric {
  readonly label: string;
  readonly unit: '%' | 's';
  /** Whether a higher value is better. */
  readonly higherIsBetter: boolean;
  readonly min: number;
  readonly max: number;
  readonly area?: AreaKey;
  /** The QA section a section metric reads. */
  readonly section?: QaSectionKey;
}

export const GOAL_METRICS = Object.freeze({
  'qa-score': { label: 'QA score', unit: '%', higherIsBetter: true, min: 0, max: 100 },
  'area-idv-data': { label: 'ID&V and data protection score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'idv-data' },
  'area-listening-empathy': { label: 'Listening and empathy score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'listening-empathy' },
  'area-resolution': { label: 'Resolution score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'resolution' },
  'area-control-time': { label: 'Call control and time score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'control-time' },
  'area-compliance': { label: 'Compliance statements score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'compliance' },
  'section-opening': { label: 'Opening score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'listening-empathy', section: 'opening' },
  'section-idv': { label: 'ID&V and data protection score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'idv-data', section: 'idv' },
  'section-discovery': { label: 'Discovery and listening score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'listening-empathy', section: 'discovery' },
  'section-empathy': { label: 'Empathy and de-escalation score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'listening-empathy', section: 'empathy' },
  'section-resolution': { label: 'Accuracy and resolution score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'resolution', section: 'resolution' },
  'section-compliance': { label: 'Compliance statements score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'compliance', section: 'compliance' },
  'section-hold-transfer': { label: 'Hold and transfer etiquette score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'control-time', section: 'hold-transfer' },
  'section-closing': { label: 'Closing score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'control-time', section: 'closing' },
  'section-notes': { label: 'Notes and disposition score', unit: '%', higherIsBetter: true, min: 0, max: 100, area: 'resolution', section: 'notes' },
  /** Handle time as a share of each call's own target, on calls brought to a proper close. */
  'aht-ratio': { label: 'Handle time as a share of each call’s target', unit: '%', higherIsBetter: false, min: 1, max: 400, area: 'control-time' },
  /** Kept for goals set by earlier versions: raw seconds, which mixes calls with different targets. */
  'aht-seconds': { label: 'Average handle time', unit: 's', higherIsBetter: false, min: 1, max: 7200 },
  'fcr-rate': { label: 'First contact resolution rate', unit: '%', higherIsBetter: true, min: 0, max: 100 },
} as const satisfies Record<string, GoalMetric>);

export type GoalMetricKey = keyof typeof GOAL_METRICS;
export const GOAL_METRIC_KEYS = Object.freeze(Object.keys(GOAL_METRICS) as [GoalMetricKey, ...GoalMetricKey[]]);

export const areaMetric = (area: AreaKey): GoalMetricKey => `area-${area}` as GoalMetricKey;
export const sectionMetric = (section: QaSectionKey): GoalMetricKey => `section-${section}` as GoalMetricKey;
/** Metrics about handle time, which need an FCR floor. */
export const isHandleTimeMetric = (metric: GoalMetricKey): boolean => metric === 'aht-ratio' || metric === 'aht-seconds';

/** A QA section's score on one call, 0 when a fatal breach of its area happened, null when the section did not apply. */
function sectionValue(section: QaSectionKey, area: AreaKey, card: Scorecard): number | null {
  const result = card.qa.sections.find((s) => s.id === section);
  if (result === undefined || result.score === null) return null;
  const breaches: readonly string[] = SELF_RATING_AREAS[area].breaches;
  return card.qa.fatal.some((f) => breaches.includes(f.code)) ? 0 : Math.round(result.score);
}

/** The metric's value on one call; null when the call did not measure it (e.g. FCR on a refusal). */
export function metricValue(metric: GoalMetricKey, card: Scorecard): number | null {
  if (metric === 'qa-score') return card.qa.score;
  // Handle time counts only where it is fair to judge (a call brought to a proper close).
  if (metric === 'aht-seconds') return handleTimeVerdict(card).kind === 'not-judged' ? null : card.aht.total;
  if (metric === 'aht-ratio') return handleTimeVerdict(card).ratio;
  if (metric === 'fcr-rate') return card.fcr.value === 'excluded' ? null : card.fcr.value === 'yes' ? 100 : 0;
  const m = GOAL_METRICS[metric] as GoalMetric;
  if (m.section !== undefined && m.area !== undefined) return sectionValue(m.section, m.area, card);
  return m.area === undefined ? null : measureArea(card, m.area).score;
}

/** Mean of the measured values, rounded to a whole number; null when nothing was measured. */
export function metricMean(metric: GoalMetricKey, cards: readonly Scorecard[]): number | null {
  const values = cards.map((c) => metricValue(metric, c)).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

export const formatMetric = (metric: GoalMetricKey, value: number): string =>
  GOAL_METRICS[metric].unit === 's' ? `${value}s` : metric === 'aht-ratio' ? `${value}% of target` : `${value}%`;
