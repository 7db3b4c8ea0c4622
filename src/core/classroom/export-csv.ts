/** The debrief's per-person figures as CSV, quoted so a nickname can never break a cell or start a formula. */
import type { Debrief } from '../../shared/classroom-results.ts';
import { csvCell, csvTable } from '../csv.ts';

export { csvCell };

export const CSV_COLUMNS = Object.freeze([
  'nickname', 'calls', 'share of calls %', 'FCR resolved', 'FCR eligible', 'FCR %', 'CSAT average', 'CSAT top-2 %', 'QA average', 'AHT average s', 'fatal calls',
]);

export function debriefCsv(debrief: Debrief): string {
  const rows = debrief.people.map((p) =>
    [p.nickname, p.calls, p.shareOfCalls, p.fcrResolved, p.fcrEligible, p.fcrRate, p.csatAverage, p.csatTop2, p.qaAverage, p.ahtAverage, p.fatalCalls],
  );
  const t = debrief.team;
  const team = ['TEAM', t.calls, 100, debrief.people.reduce((s, p) => s + p.fcrResolved, 0), debrief.people.reduce((s, p) => s + p.fcrEligible, 0), t.fcrRate, t.csatAverage, t.csatTop2, t.qaAverage, t.ahtAverage, t.fatalCalls];
  return csvTable(CSV_COLUMNS, [...rows, team]);
}
