/** The wallboard between calls: the queue now, the service level so far and the shift's AHT and FCR. */
import type { WallboardView } from '../../core/shift/shift-session.ts';
import { h } from '../dom.ts';
import { clock, pct, plural, secs } from './shift-format.ts';
import './shift.css';

type Status = 'on-target' | 'off-target' | 'warning' | '';

function tile(label: string, value: string, status: Status, note: string, testId: string): HTMLElement {
  return h('li', { class: `tile ${status}`, 'data-testid': testId }, h('span', { class: 'tile-label' }, label), h('span', { class: 'tile-value' }, value), h('span', { class: 'tile-note' }, note));
}

const against = (met: boolean | null): Status => (met === null ? '' : met ? 'on-target' : 'off-target');

export function renderWallboard(view: WallboardView): HTMLElement {
  const sl = view.serviceLevel;
  const youAht = view.you.ahtSeconds;
  return h(
    'section',
    { class: 'panel wallboard', 'aria-labelledby': 'wallboard-title', 'data-testid': 'wallboard' },
    h(
      'header',
      {},
      h('h2', { id: 'wallboard-title' }, view.afterCall === 0 ? 'Wallboard: start of shift' : `Wallboard after call ${view.afterCall} of ${view.contacts}`),
      h('span', { class: 'clock-now', 'aria-label': `time on the shift ${view.clock}` }, view.clock),
    ),
    h(
      'ul',
      { class: 'tiles', 'aria-live': 'polite' },
      tile('Calls waiting', String(view.callsWaiting), view.callsWaiting > view.agentsOnShift / 4 ? 'warning' : '', plural(view.agentsOnShift, 'agent') + ' on the phones', 'calls-waiting'),
      tile('Longest wait', clock(view.longestWaitSeconds), view.longestWaitSeconds > view.target.seconds ? 'warning' : '', 'the caller waiting longest now', 'longest-wait'),
      tile('Service level', pct(sl), against(sl === null ? null : sl >= view.target.share), `target ${pct(view.target.share)} in ${view.target.seconds} s`, 'service-level'),
      tile('Abandoned', String(view.abandoned), view.abandoned > 0 ? 'warning' : '', `of ${view.offered} calls offered`, 'abandoned'),
      tile('Team AHT', clock(view.teamAhtSeconds), against(view.teamAhtSeconds === null ? null : view.teamAhtSeconds <= view.ahtTargetSeconds), `target ${clock(view.ahtTargetSeconds)}`, 'team-aht'),
      tile('Team FCR', pct(view.teamFcrRate), against(view.teamFcrRate === null ? null : view.teamFcrRate >= view.fcrTarget), `target ${pct(view.fcrTarget)}`, 'team-fcr'),
    ),
    h(
      'p',
      { class: 'summary', 'data-testid': 'wallboard-you' },
      view.you.calls === 0
        ? 'Your first call is waiting.'
        : `You: ${plural(view.you.calls, 'call')}, AHT ${clock(youAht)}${view.you.extraSecondsPerCall === null ? '' : ` (${Math.round(view.you.extraSecondsPerCall) >= 0 ? '+' : '−'}${secs(Math.abs(view.you.extraSecondsPerCall))} a call against target)`}, FCR ${view.you.fcrCounted === 0 ? '—' : `${view.you.fcrYes} of ${view.you.fcrCounted}`}.`,
    ),
    h(
      'p',
      { class: 'hint' },
      view.forecast.asaSeconds === null
        ? `Erlang C for this interval: at the team’s pace, ${view.agentsOnShift} agents cannot keep up with the forecast calls; the queue only grows.`
        : `Erlang C for this interval at the team’s pace: service level ${pct(view.forecast.serviceLevel)}, average wait ${secs(view.forecast.asaSeconds)}, occupancy ${pct(view.forecast.occupancy)}.`,
    ),
  );
}
