/** Calibration: the trainee's rating beside the measured one per area, the sentences, and the figure over time. */
import { h } from '../dom.ts';
import { SELF_RATING_AREAS } from '../../core/development/areas.ts';
import { calibrate, calibrationTrend, type Calibration } from '../../core/development/calibration.ts';
import { measureAreas, type AreaMeasures } from '../../core/development/measure-areas.ts';
import type { RunEntry } from '../../core/development/trainee-record.ts';

const TREND_WORDS = Object.freeze({
  improving: 'Your self-ratings are getting closer to the evidence — you are learning to assess yourself.',
  worsening: 'Your self-ratings are drifting further from the evidence than before: look at the areas where you were out.',
  steady: 'Your self-ratings are about as close to the evidence as before.',
  'too-few': 'Rate yourself on a few more calls to see a trend.',
} as const);

export function meanGaps(runs: readonly RunEntry[]): (number | null)[] {
  return runs.map((r) => (r.rating === null ? null : calibrate(r.rating, measureAreas(r.scorecard)).meanGap));
}

/** What the measured rating rests on for each area, so the trainee sees what was (and was not) compared. */
export function calibrationTable(cal: Calibration, caption: string, measures?: AreaMeasures): HTMLTableElement {
  return h('table', { class: 'calibration' },
    h('caption', { class: 'muted' }, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Area'), h('th', { scope: 'col' }, 'You said'), h('th', { scope: 'col' }, 'Evidence'), h('th', { scope: 'col' }, 'What it means'))),
    h('tbody', {}, cal.areas.map((a) =>
      h('tr', { 'data-area': a.area, 'data-verdict': a.verdict },
        h('th', { scope: 'row' }, SELF_RATING_AREAS[a.area].label),
        h('td', {}, String(a.self)),
        h('td', {}, a.measured === null ? '—' : String(a.measured),
          measures === undefined ? null : h('span', { class: 'refs measure-basis' }, measures[a.area].evidence.join('; '))),
        h('td', { class: a.verdict }, a.sentence)))));
}

export function calibrationView(entry: RunEntry, history: readonly RunEntry[]): HTMLElement {
  const measures = measureAreas(entry.scorecard);
  const cal = calibrate(entry.rating!, measures);
  const trend = calibrationTrend(meanGaps(history));
  return h('section', { 'aria-labelledby': 'dev-cal-title' },
    h('h2', { id: 'dev-cal-title' }, 'How well did you judge yourself?'),
    calibrationTable(cal, 'Your rating beside the measured result, each 1-5, with what the measure rests on', measures),
    h('p', {}, h('strong', {}, 'Calibration gap: '), h('span', { 'data-testid': 'calibration-gap' }, cal.meanGap === null ? 'not measured' : `${cal.meanGap.toFixed(2)} points`),
      ' on average per area (0 means your ratings matched the evidence exactly).'),
    h('p', { class: 'muted', 'data-testid': 'calibration-trend' }, TREND_WORDS[trend.trend],
      trend.earlier !== null ? ` (recent ${trend.latest?.toFixed(2)} vs earlier ${trend.earlier.toFixed(2)})` : ''));
}
