/** The leaderboard table: rank (none before a first call), nickname (as text), score, session calls played, calls, fatal calls. */
import type { LeaderboardRow } from '../../shared/classroom-results.ts';
import { el } from './classroom-dom.ts';

export function renderLeaderboard(table: HTMLTableElement, rows: readonly LeaderboardRow[], highlight: string | null = null): void {
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr', { 'data-player': r.playerId, class: r.playerId === highlight ? 'me' : r.rank === null ? 'unranked' : '' });
    const played = r.played === 0 ? 'not yet played' : `${r.played} of ${r.scenarios}`;
    tr.append(
      el('td', { class: 'rank' }, r.rank === null ? '–' : String(r.rank)),
      el('td', { class: 'nick' }, r.nickname),
      el('td', { class: 'num score' }, r.rank === null ? '–' : r.score.toFixed(1)),
      el('td', {}, played),
      el('td', { class: 'num' }, String(r.calls)),
      el('td', {}, r.fatalCalls > 0 ? `⚠ ${r.fatalCalls}` : ''),
    );
    body.append(tr);
  }
  const head = el('thead');
  const hr = el('tr');
  for (const [h, cls] of [['#', ''], ['Trainee', ''], ['Score', 'num'], ['Session calls', ''], ['Calls', 'num'], ['Fatal', '']] as const) hr.append(el('th', { scope: 'col', class: cls }, h));
  head.append(hr);
  table.replaceChildren(head, body);
}
