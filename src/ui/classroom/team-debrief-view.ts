/**
 * The debrief's team view: team standings (when the class has teams) and the behaviours that moved
 * the class's numbers most — QA items by the composite points their misses cost the class, and the
 * key moments that helped and hurt most often.
 */
import type { TeamRow } from '../../shared/team-messages.ts';
import type { TeamBehaviours } from '../../core/classroom/team-behaviours.ts';
import { el } from './classroom-dom.ts';

export interface TeamDebriefData {
  readonly teams: TeamRow[];
  readonly behaviours: TeamBehaviours;
}

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);

export function renderTeamDebrief(target: HTMLElement, d: TeamDebriefData): void {
  const parts: HTMLElement[] = [el('h2', {}, 'The team view: what moved the team’s numbers')];
  const b = d.behaviours;
  if (b.calls === 0) {
    target.replaceChildren(...parts, el('p', { class: 'muted' }, 'No calls yet.'));
    return;
  }
  parts.push(el('p', {}, `Over the class’s ${b.calls} call(s): the QA items whose misses cost the team’s average call score the most (the gap between calls that did and did not do it, times the share that missed it).`));
  const items = el('ol', { id: 'team-behaviours' });
  for (const i of b.items) {
    const li = el('li');
    li.append(el('strong', {}, `${i.section}: ${i.label}`), ` — missed on ${i.missed} of ${i.calls} call(s); `,
      i.pointsLost === null ? 'missed on every call where it applied'
        : i.pointsLost > 0 ? `${i.pointsLost} point(s) off the team’s average (score ${i.meanWhenMet} when done, ${i.meanWhenMissed} when missed)`
        : `no cost to the average this time: calls that missed it scored ${i.meanWhenMissed} against ${i.meanWhenMet} (look at what else those calls did, such as a shorter handle time)`);
    items.append(li);
  }
  if (b.items.length === 0) items.append(el('li', {}, 'Every QA item that applied was done on every call.'));
  parts.push(items);
  const moments = (title: string, list: TeamBehaviours['hurt'], id: string) => {
    const ul = el('ul', { id });
    for (const m of list) ul.append(el('li', {}, `“${m.text}” — ${m.times} time(s), impact ${m.total > 0 ? '+' : ''}${m.total} in all (QA points and the caller’s mood)`));
    if (list.length === 0) ul.append(el('li', { class: 'muted' }, 'None.'));
    return [el('h3', {}, title), ul];
  };
  parts.push(...moments('Key moments that hurt most', b.hurt, 'team-hurt'), ...moments('Key moments that helped most', b.helped, 'team-helped'));
  if (d.teams.length > 1) {
    const table = el('table', { id: 'team-debrief-standings' });
    table.append(el('caption', {}, 'Teams on the balanced score (each member’s mean call score, averaged over members who played)'));
    const head = el('tr');
    for (const h of ['Place', 'Team', 'Score', 'Played', 'Calls', 'QA', 'FCR', 'CSAT 4-5 ★']) head.append(el('th', { scope: 'col' }, h));
    table.append(el('thead'));
    table.tHead!.append(head);
    const body = el('tbody');
    for (const t of d.teams) {
      const tr = el('tr');
      tr.append(el('td', { class: 'num' }, t.rank === null ? '–' : String(t.rank)), el('th', { scope: 'row' }, t.name));
      for (const v of [t.score === null ? '–' : String(t.score), `${t.played}/${t.members}`, String(t.calls), t.qa === null ? '–' : `${t.qa}%`, pct(t.fcrRate), pct(t.csatTop2)]) tr.append(el('td', { class: 'num' }, v));
      body.append(tr);
    }
    table.append(body);
    parts.push(table);
  }
  target.replaceChildren(...parts);
}
