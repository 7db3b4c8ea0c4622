/**
 * The debrief's per-person figures as CSV, quoted so a nickname can never break a cell or start a
 * formula. The last column says how the session's calls were played (the trainer's pace), so a
 * sheet of live-pace figures is never read as untimed ones.
 */
import type { Debrief } from '../../shared/classroom-results.ts';
import type { SessionPace } from '../../shared/classroom-http.ts';
import { PACE_WORDS } from './session-pace.ts';
import { csvCell, csvTable } from '../csv.ts';

export { csvCell };

export const CSV_COLUMNS = Object.freeze([
  'nickname', 'calls', 'share of calls %', 'FCR resolved', 'FCR eligible', 'FCR %', 'CSAT average', 'CSAT top-2 %', 'QA average', 'AHT average s', 'fatal calls', 'pace',
]);

export function debriefCsv(debrief: Debrief, pace: SessionPace = 'untimed'): string {
  const played = PACE_WORDS[pace];
  const rows = debrief.people.map((p) =>
    [p.nickname, p.calls, p.shareOfCalls, p.fcrResolved, p.fcrEligible, p.fcrRate, p.csatAverage, p.csatTop2, p.qaAverage, p.ahtAverage, p.fatalCalls, played],
  );
  const t = debrief.team;
  const team = ['TEAM', t.calls, 100, debrief.people.reduce((s, p) => s + p.fcrResolved, 0), debrief.people.reduce((s, p) => s + p.fcrEligible, 0), t.fcrRate, t.csatAverage, t.csatTop2, t.qaAverage, t.ahtAverage, t.fatalCalls, played];
  return csvTable(CSV_COLUMNS, [...rows, team]);
}
