/** Every stored run as CSV, one row a call, for a spreadsheet or a portfolio. */
import { AREA_KEYS } from './areas.ts';
import { calibrate } from './calibration.ts';
import { measureAreas } from './measure-areas.ts';
import { handleTimeVerdict } from './call-story.ts';
import type { RunEntry } from './trainee-record.ts';
import { csvTable } from '../csv.ts';

export const RUNS_CSV_HEADER = Object.freeze([
  'date', 'scenario', 'outcome', 'qa_score', 'qa_band', 'fatal_breaches', 'fcr', 'csat_stars', 'aht_seconds', 'aht_target_seconds', 'aht_verdict',
  ...AREA_KEYS.flatMap((a) => [`measured_${a}`, `self_${a}`]),
  'calibration_gap',
]);

export function runsCsv(runs: readonly RunEntry[]): string {
  const rows = runs.map((r) => {
    const c = r.scorecard;
    const measures = measureAreas(c);
    const cal = r.rating === null ? null : calibrate(r.rating, measures);
    return [
      r.at, r.scenarioTitle, c.outcome, Math.round(c.qa.score), c.qa.band, c.qa.fatal.map((f) => f.code).join(' '), c.fcr.value, c.csat.stars, c.aht.total, c.aht.target, handleTimeVerdict(c).kind,
      ...AREA_KEYS.flatMap((a) => [measures[a].rating, r.rating?.ratings[a] ?? null]),
      cal?.meanGap ?? null,
    ];
  });
  return csvTable(RUNS_CSV_HEADER, rows);
}
