/** The debrief's per-person figures as CSV, quoted so a nickname can never break a cell or start a formula. */
import type { Debrief } from '../../shared/classroom-results.ts';

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const CSV_COLUMNS = Object.freeze([
  'nickname', 'calls', 'share of calls %', 'FCR resolved', 'FCR eligible', 'FCR %', 'CSAT average', 'CSAT top-2 %', 'QA average', 'AHT average s', 'fatal calls',
]);

export function debriefCsv(debrief: Debrief): string {
  const rows = debrief.people.map((p) =>
    [p.nickname, p.calls, p.shareOfCalls, p.fcrResolved, p.fcrEligible, p.fcrRate, p.csatAverage, p.csatTop2, p.qaAverage, p.ahtAverage, p.fatalCalls].map(csvCell).join(','),
  );
  const t = debrief.team;
  const team = ['TEAM', t.calls, 100, debrief.people.reduce((s, p) => s + p.fcrResolved, 0), debrief.people.reduce((s, p) => s + p.fcrEligible, 0), t.fcrRate, t.csatAverage, t.csatTop2, t.qaAverage, t.ahtAverage, t.fatalCalls]
    .map(csvCell)
    .join(',');
  return [CSV_COLUMNS.map(csvCell).join(','), ...rows, team].join('\r\n') + '\r\n';
}
