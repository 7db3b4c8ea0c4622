/** The end-of-shift report: targets, the focus point, your share, the two what-ifs and the chart. */
import type { ShiftReport, TargetCheck } from '../../core/shift/shift-report.ts';
import { h } from '../dom.ts';
import { renderReportChart } from './report-chart.ts';
import { clock, mins, pct, plural, secs, signedSecs } from './shift-format.ts';
import './shift.css';

const value = (t: TargetCheck, v: number | null): string => (v === null ? '—' : t.unit === 's' ? clock(v) : `${Math.round(v)} %`);
const verdict = (met: boolean | null) =>
  met === null ? h('span', { class: 'hint' }, 'not measured') : met ? h('span', { class: 'good' }, '✓ met') : h('span', { class: 'bad' }, '✗ missed');

function targetsTable(report: ShiftReport): HTMLElement {
  return h(
    'table',
    { 'data-testid': 'report-targets' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Target'), h('th', { scope: 'col' }, 'Aim'), h('th', { scope: 'col' }, 'Result'), h('th', { scope: 'col' }, ''))),
    h('tbody', {}, report.targets.map((t) => h('tr', {}, h('th', { scope: 'row' }, t.label), h('td', {}, value(t, t.target)), h('td', {}, value(t, t.actual)), h('td', {}, verdict(t.met))))),
  );
}

function comparison(rows: [string, string, string][], first: string, second: string): HTMLElement {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, first), h('th', { scope: 'col' }, second))),
    h('tbody', {}, rows.map(([label, a, b]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, a), h('td', {}, b)))),
  );
}

function extraTime(report: ShiftReport): HTMLElement {
  const e = report.extraTime;
  const over = e.secondsPerCall > 0.5;
  const under = e.secondsPerCall < -0.5;
  const title = over ? `What your extra ${Math.round(e.secondsPerCall)} s per call did to the queue` : under ? `What your ${Math.round(-e.secondsPerCall)} s saved per call did for the queue` : 'Your handle time and the queue';
  const lost = e.actual.abandoned - e.onTarget.abandoned;
  const slChange =
    pct(e.actual.serviceLevel) === pct(e.onTarget.serviceLevel)
      ? `the service level stayed at ${pct(e.actual.serviceLevel)}`
      : `the service level was ${pct(e.actual.serviceLevel)} instead of ${pct(e.onTarget.serviceLevel)}`;
  const lead = over
    ? `You spent ${mins(e.yourMinutes)} over target on your own calls. With the team working at your pace that is ${mins(e.teamMinutes)} more handling: ${lost > 0 ? `${plural(lost, 'more caller')} hung up` : 'no more callers hung up'} and ${slChange}.`
    : under
      ? `Your calls came in ${mins(e.yourMinutes)} under target in total. At your pace the team handled ${mins(e.teamMinutes)} less, and the service level was ${pct(e.actual.serviceLevel)} against ${pct(e.onTarget.serviceLevel)} at target. Quicker is only better when the caller is still helped: check FCR and QA too.`
      : 'Your calls matched their targets, so your handle time left the queue as planned.';
  return h(
    'section',
    { class: 'panel', 'data-testid': 'report-extra-time' },
    h('h3', {}, title),
    h('p', { class: 'what-if-lead' }, lead),
    comparison(
      [
        ['Service level', pct(e.actual.serviceLevel), pct(e.onTarget.serviceLevel)],
        ['Abandoned calls', String(e.actual.abandoned), String(e.onTarget.abandoned)],
        ['Average wait', secs(e.actual.asaSeconds), secs(e.onTarget.asaSeconds)],
        ['Handling time', mins(e.actual.handleMinutes), mins(e.onTarget.handleMinutes)],
      ],
      'At your pace',
      'At the AHT target',
    ),
  );
}

function missedFcr(report: ShiftReport): HTMLElement {
  const m = report.missedFcr;
  const own =
    m.yourUnresolved === 0
      ? 'Every call you could resolve, you resolved first time: none of your customers needs to ring back.'
      : `${plural(m.yourUnresolved, 'of your calls was', 'of your calls were')} not resolved first time: ${plural(m.yourUnresolved, 'customer')} will ring again, about ${mins(m.yourRepeatMinutes)} of someone’s time.`;
  const team =
    m.extraRepeatCalls > 0
      ? `Across a team resolving as often as you, ${plural(m.extraRepeatCalls, 'more repeat call')} came back within the shift than at the ${report.huddle.fcrPercent} % target: about ${mins(m.extraRepeatMinutes)} of extra handling.`
      : m.extraRepeatCalls < 0
        ? `Across a team resolving as often as you, ${plural(-m.extraRepeatCalls, 'fewer repeat call')} came back than at the ${report.huddle.fcrPercent} % target: about ${mins(m.extraRepeatMinutes)} saved.`
        : `Repeat calls matched what the ${report.huddle.fcrPercent} % target expects.`;
  return h(
    'section',
    { class: 'panel', 'data-testid': 'report-missed-fcr' },
    h('h3', {}, m.yourUnresolved > 0 ? 'What your missed FCR cost' : 'First contact resolution'),
    h('p', { class: 'what-if-lead' }, own),
    h('p', {}, team),
    comparison(
      [
        ['Repeat calls in the shift', String(m.actual.repeatContacts), String(m.atTarget.repeatContacts)],
        ['Calls offered', String(m.actual.offered), String(m.atTarget.offered)],
        ['Service level', pct(m.actual.serviceLevel), pct(m.atTarget.serviceLevel)],
      ],
      'At your FCR',
      `At ${report.huddle.fcrPercent} % FCR`,
    ),
  );
}

function yourShare(report: ShiftReport): HTMLElement {
  const y = report.you;
  const team = report.team;
  const rows: [string, string][] = [
    ['Calls you took', `${y.calls}${y.shareOfAnswered === null ? '' : ` of ${team.answered + y.calls} answered (${pct(y.shareOfAnswered, 1)})`}`],
    ['Your AHT', `${clock(y.ahtSeconds)}${y.extraSecondsPerCall === null ? '' : ` (${signedSecs(y.extraSecondsPerCall)} a call against target)`}`],
    ['Your FCR', y.fcrCounted === 0 ? '—' : `${y.fcrYes} of ${y.fcrCounted} (${pct(y.fcrRate)})`],
    ['Your QA', y.qa === null ? '—' : `${Math.round(y.qa)} %`],
    ['Your CSAT (4-5 stars)', pct(y.csatTop2)],
    ['Fatal errors', String(y.fatalCalls)],
    ['Team calls offered / answered / abandoned', `${team.offered} / ${team.answered} / ${team.abandoned}`],
    ['Team average wait, longest wait', `${secs(team.asaSeconds)}, ${clock(team.longestAnsweredWaitSeconds)}`],
    ['Team occupancy', pct(team.occupancy)],
  ];
  return h('section', { class: 'panel', 'data-testid': 'report-you' }, h('h3', {}, 'The team and your share'), h('table', {}, h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v))))));
}

export function renderShiftReport(report: ShiftReport): HTMLElement {
  const f = report.focus;
  return h(
    'section',
    { class: 'shift-report', 'aria-labelledby': 'shift-report-title', 'data-testid': 'shift-report' },
    h('h2', { id: 'shift-report-title' }, 'End of shift'),
    h(
      'div',
      { class: `focus-point`, 'data-testid': 'report-focus' },
      h('strong', {}, `Huddle focus, ${f.label}: `),
      f.met === null ? 'not measured' : f.met ? h('span', { class: 'good' }, 'met') : h('span', { class: 'bad' }, 'missed'),
      ` (${f.detail}).`,
    ),
    h('div', { class: 'report-grid' }, h('section', { class: 'panel' }, h('h3', {}, 'Targets'), targetsTable(report)), yourShare(report)),
    h('div', { class: 'report-grid' }, extraTime(report), missedFcr(report)),
    h('section', { class: 'panel' }, h('h3', {}, 'Service level through the shift'), renderReportChart(report.chart)),
    h('p', { class: 'hint' }, `Shift seed ${report.seed}: the same seed and the same calls replay to this report. Erlang C ignores callers who hang up, so its forecast is a little pessimistic about staffing.`),
  );
}
