/** The debrief: each KPI's spread against target, the team's figures built from each person's calls, and the common mistakes. */
import { api } from '../../net/classroom-api.ts';
import type { Debrief } from '../../shared/classroom-results.ts';
import { OPEN_END } from '../../core/classroom/debrief.ts';
import { byId, el, pageParams, showError } from './classroom-dom.ts';
import { renderTeamDebrief, type TeamDebriefData } from './team-debrief-view.ts';

const fmt = (v: number | null, unit = '') => (v === null ? '–' : `${v}${unit}`);

function render(d: Debrief): void {
  byId('distributions').replaceChildren(
    ...d.distributions.map((k) => {
      const box = el('section', { class: 'kpi', 'data-kpi': k.kpi });
      box.append(el('h3', {}, `${k.label} — target ${k.higherIsBetter ? '≥' : '≤'} ${k.target}${k.unit === '★' ? '★' : k.unit}`));
      const most = Math.max(1, ...k.buckets.map((b) => b.players));
      for (const b of k.buckets) {
        const row = el('div', { class: 'bar-row' });
        const bar = el('span', { class: 'bar', style: `width:${(100 * b.players) / most}%` });
        row.append(el('span', { class: 'range' }, `${b.from}–${b.to >= OPEN_END ? '+' : Math.floor(b.to)}`), bar, el('span', {}, String(b.players)));
        box.append(row);
      }
      box.append(el('p', {}, `${k.playersMeetingTarget} of ${k.playersWithData} met the target`));
      return box;
    }),
  );
  const t = d.team;
  byId('team').textContent = `${t.calls} call${t.calls === 1 ? '' : 's'} · FCR ${fmt(t.fcrRate, '%')} · predicted CSAT ${fmt(t.csatAverage, '★')} (top-2 ${fmt(t.csatTop2, '%')}) · QA ${fmt(t.qaAverage, '%')} · AHT ${fmt(t.ahtAverage, ' s')} · ${t.fatalCalls} fatal`;
  // Rows go straight into the table's own tbody (a tbody inside a tbody pushed every figure out from under its heading).
  const rows = d.people.map((p) => {
    const tr = el('tr');
    tr.append(el('th', { scope: 'row' }, p.nickname));
    for (const v of [String(p.calls), `${p.shareOfCalls}%`, `${p.fcrResolved}/${p.fcrEligible}`, fmt(p.csatAverage), fmt(p.qaAverage), fmt(p.ahtAverage), String(p.fatalCalls)]) tr.append(el('td', { class: 'num' }, v));
    return tr;
  });
  byId('people').replaceChildren(...rows);
  byId('mistakes').replaceChildren(
    ...d.mistakes.map((m) => {
      const li = el('li', { class: m.severity });
      li.append(el('strong', {}, `${m.severity === 'fatal' ? 'Fatal' : 'Critical'} · ${m.players} trainee(s), ${m.times} time(s) · ${m.scenarioId}`), el('q', {}, m.choice), el('p', {}, `Broke: ${m.items.join('; ')}`));
      if (m.teach !== null) li.append(el('p', { class: 'teach' }, `Teach: ${m.teach}`));
      return li;
    }),
  );
  if (d.mistakes.length === 0) byId('mistakes').append(el('li', {}, 'No fatal or critical mistakes so far.'));
}

async function main(): Promise<void> {
  const { code, key } = pageParams();
  if (key === null) throw new Error('Open the debrief from the trainer page: it needs the trainer link.');
  const answer = await api.debrief(code, key);
  byId('title').textContent = answer.title;
  byId('pace').textContent = answer.pace === 'live'
    ? 'Every call in this session was played at live pace: silence while deciding counted as dead air.'
    : 'Every call in this session was played untimed.';
  byId('pace').dataset['pace'] = answer.pace;
  render(answer.debrief);
  const team = (await api.get(`/api/sessions/${code}/team/debrief`, key)) as TeamDebriefData;
  renderTeamDebrief(byId('team-view'), team);
  byId('export-csv').addEventListener('click', () => void api.download(`/api/sessions/${code}/export.csv`, key, `class-${code}.csv`));
  byId('export-json').addEventListener('click', () => void api.download(`/api/sessions/${code}/export.json`, key, `class-${code}.json`));
}

main().catch((e) => showError(byId('error'), e));
