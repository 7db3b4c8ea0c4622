/**
 * The class's shared wallboard: the queue (calls waiting, longest wait, service level against the
 * huddle's target, abandoned), the team's AHT, FCR, CSAT and QA against their targets, and the
 * team standings. Every figure is set as text.
 */
import type { TeamBoard } from '../../shared/team-messages.ts';
import { el } from './classroom-dom.ts';

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
const num = (v: number | null, unit = '') => (v === null ? '–' : `${v}${unit}`);

interface Tile {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly target?: string;
  /** True when on target, false when off it, null when not judged. */
  readonly good: boolean | null;
}

function tiles(b: TeamBoard): Tile[] {
  const h = b.settings.huddle;
  const slTarget = h.serviceLevel.percent / 100;
  return [
    { id: 'sl', label: `Service level (${h.serviceLevel.seconds} s)`, value: pct(b.serviceLevel), target: `${h.serviceLevel.percent}%`, good: b.serviceLevel === null ? null : b.serviceLevel >= slTarget },
    { id: 'waiting', label: 'Calls waiting', value: String(b.callsWaiting), good: null },
    { id: 'longest', label: 'Longest wait', value: `${b.longestWaitSeconds} s`, good: null },
    { id: 'abandoned', label: 'Abandoned', value: String(b.abandoned), target: `of ${b.offered} offered`, good: null },
    { id: 'aht', label: 'Team AHT', value: num(b.ahtSeconds, ' s'), target: overTarget(b.ahtOverTargetSeconds), good: b.ahtOverTargetSeconds === null ? null : b.ahtOverTargetSeconds <= 0 },
    { id: 'fcr', label: 'Team FCR', value: pct(b.fcrRate), target: `${h.fcrPercent}%`, good: b.fcrRate === null ? null : b.fcrRate * 100 >= h.fcrPercent },
    { id: 'csat', label: 'CSAT (4-5 ★)', value: pct(b.csatTop2), target: `${h.csatPercent}%`, good: b.csatTop2 === null ? null : b.csatTop2 * 100 >= h.csatPercent },
    { id: 'qa', label: 'Team QA', value: num(b.qa, '%'), target: `${h.qaPercent}%`, good: b.qa === null ? null : b.qa >= h.qaPercent },
  ];
}

const overTarget = (s: number | null): string =>
  s === null ? 'target: each call’s own' : s > 0 ? `target: each call’s own · ${s} s over per call` : `target: each call’s own · ${-s} s under per call`;

export function renderTeamBoard(target: HTMLElement, b: TeamBoard): void {
  const grid = el('div', { class: 'wallboard', role: 'group', 'aria-label': 'Team wallboard' });
  for (const t of tiles(b)) {
    const tile = el('div', { class: `tile${t.good === null ? '' : t.good ? ' on-target' : ' off-target'}`, 'data-tile': t.id });
    tile.append(el('span', { class: 'tile-label' }, t.label), el('strong', { class: 'tile-value' }, t.value));
    if (t.target !== undefined) tile.append(el('span', { class: 'tile-target' }, t.target.startsWith('target') || t.id === 'abandoned' ? t.target : `target ${t.target}${t.good === null ? '' : t.good ? ' · on target' : ' · below target'}`));
    grid.append(tile);
  }
  const e = b.erlang;
  const note = el('p', { class: 'muted', id: 'team-erlang' },
    `${b.clock} · ${b.calls} class call(s) · ${b.agents} agents on the simulated team · Erlang C for this interval at the class’s pace: service level ${pct(e.serviceLevel)}, average wait ${e.asaSeconds === null ? 'unbounded (overloaded)' : `${Math.round(e.asaSeconds)} s`}, occupancy ${pct(e.occupancy)}`);
  const parts: HTMLElement[] = [grid, note];
  if (b.settings.teams > 1) {
    const wrap = el('div', { class: 'table-wrap', role: 'region', 'aria-label': 'Team standings', tabindex: '0' });
    wrap.append(standingsTable(b));
    parts.push(wrap);
  }
  target.replaceChildren(...parts);
  target.dataset['seq'] = String(b.seq);
  target.dataset['serviceLevel'] = b.serviceLevel === null ? '' : String(b.serviceLevel);
}

function standingsTable(b: TeamBoard): HTMLElement {
  const table = el('table', { id: 'team-standings' });
  table.append(el('caption', {}, 'Team standings — balanced score: each member’s mean call score, averaged over the members who have played (ranked once half the team has)'));
  const head = el('tr');
  for (const h of ['Place', 'Team', 'Score', 'Played', 'Calls', 'QA', 'FCR', 'CSAT 4-5 ★', 'AHT (s)']) head.append(el('th', { scope: 'col' }, h));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  for (const t of b.teams) {
    const tr = el('tr', { class: t.rank === null ? 'unranked' : '' });
    tr.append(el('td', { class: 'num' }, t.rank === null ? '–' : String(t.rank)), el('th', { scope: 'row' }, t.name));
    for (const v of [num(t.score), `${t.played}/${t.members}`, String(t.calls), num(t.qa, '%'), pct(t.fcrRate), pct(t.csatTop2), num(t.ahtSeconds)]) tr.append(el('td', { class: 'num' }, v));
    body.append(tr);
  }
  table.append(body);
  return table;
}
