/** The leaderboard table: rank, nickname (as text), score, calls, fatal calls. */
import type { LeaderboardRow } from '../../shared/classroom-results.ts';
import { el } from './classroom-dom.ts';

export function renderLeaderboard(table: HTMLTableElement, rows: readonly LeaderboardRow[], highlight: string | null = null): void {
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr', { 'data-player': r.playerId, class: r.playerId === highlight ? 'me' : '' });
    tr.append(el('td', { class: 'rank' }, String(r.rank)), el('td', { class: 'nick' }, r.nickname), el('td', { class: 'score' }, r.score.toFixed(1)), el('td', {}, String(r.calls)), el('td', {}, r.fatalCalls > 0 ? `⚠ ${r.fatalCalls}` : ''));
    body.append(tr);
  }
  const head = el('thead');
  const hr = el('tr');
  for (const h of ['#', 'Trainee', 'Score', 'Calls', 'Fatal']) hr.append(el('th', { scope: 'col' }, h));
  head.append(hr);
  table.replaceChildren(head, body);
}
