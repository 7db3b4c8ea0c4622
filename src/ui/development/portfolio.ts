/**
 * The portfolio report: dated self-assessments, scorecards, reflections and goals with their reviews
 * — the evidence a learner files for the qualification. Printable (the browser's Save as PDF).
 */
import { h, replaceChildren } from '../dom.ts';
import { calibrate, calibrationTrend } from '../../core/development/calibration.ts';
import { measureAreas } from '../../core/development/measure-areas.ts';
import { REFLECTION_PROMPTS, type Reflection } from '../../core/development/reflection.ts';
import { goalProgress, GOAL_STATUSES } from '../../core/development/goal-progress.ts';
import type { RunEntry } from '../../core/development/trainee-record.ts';
import type { PlanGoal } from '../../core/development/review.ts';
import { SELF_RATING_AREAS } from '../../core/development/areas.ts';
import { ensureStyles } from './styles.ts';
import { storeAccess } from './store-access.ts';
import { storageNotices } from './notices.ts';
import { calibrationTable, meanGaps } from './calibration-view.ts';
import { smartList } from './goal-editor.ts';
import { stamp } from './files.ts';
import { goalChart } from './chart.ts';
import { calibrationChart } from './calibration-chart.ts';

const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
const mmss = (s: number): string => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

function runSection(run: RunEntry, n: number): HTMLElement {
  const c = run.scorecard;
  const reflection = run.reflection;
  return h('section', { class: 'report-run', id: `dev-run-${run.id}`, tabindex: -1, 'aria-labelledby': `dev-run-${run.id}-title` },
    h('h2', { id: `dev-run-${run.id}-title` }, `Call ${n}: ${run.scenarioTitle} — ${when(run.at)}`),
    h('h3', {}, 'Scorecard'),
    h('p', {}, `QA ${Math.round(c.qa.score)}% (${c.qa.band}) · AHT ${mmss(c.aht.total)} against ${mmss(c.aht.target)} · FCR ${c.fcr.value} · CSAT ${c.csat.stars}/5 · outcome ${c.outcome}`),
    c.qa.fatal.length === 0 ? null : h('p', { class: 'alert' }, `Fatal: ${c.qa.fatal.map((f) => f.text).join('; ')}`),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'QA section'), h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Items missed'))),
      h('tbody', {}, c.qa.sections.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.label), h('td', {}, s.score === null ? 'n/a' : `${Math.round(s.score)}%`),
        h('td', {}, s.items.filter((i) => i.mark === 'missed' || i.mark === 'partial').map((i) => `${i.text} (${i.mark})`).join('; ') || '—'))))),
    h('h3', {}, 'Self-assessment'),
    run.rating === null ? h('p', { class: 'muted' }, 'No self-rating was given for this call.') : [
      calibrationTable(calibrate(run.rating, measureAreas(c)), `Rated ${when(run.rating.at)}, before the scorecard was shown`),
      run.rating.wentWell === '' ? null : h('p', {}, h('strong', {}, 'Went well: '), run.rating.wentWell),
      run.rating.toImprove === '' ? null : h('p', {}, h('strong', {}, 'To improve: '), run.rating.toImprove),
    ],
    h('h3', {}, 'Reflection'),
    reflection === null ? h('p', { class: 'muted' }, 'No reflection recorded.') :
      (Object.keys(REFLECTION_PROMPTS) as (keyof Reflection)[]).map((k) => h('div', {}, h('strong', {}, REFLECTION_PROMPTS[k].label), h('p', { style: 'white-space: pre-line; margin-top: 0' }, reflection[k] || '—'))));
}

function goalSection(plan: PlanGoal, runs: readonly RunEntry[], now: string): HTMLElement {
  const progress = goalProgress(plan.goal, runs, now);
  return h('div', { class: 'card' },
    h('h3', {}, `${SELF_RATING_AREAS[plan.goal.area].label} — set ${stamp(plan.goal.setAt)} — ${plan.state === 'closed' ? 'closed' : GOAL_STATUSES[progress.status].label}`),
    smartList(plan.goal),
    h('p', {}, progress.sentence),
    goalChart(plan.goal, progress.evidence.map((e) => e.value)),
    plan.reviews.length === 0 ? h('p', { class: 'muted' }, 'Not reviewed yet.') :
      plan.reviews.map((r) => h('p', {}, h('strong', {}, `Review ${when(r.at)} (${GOAL_STATUSES[r.status].label}, ${r.decision === 'renew' ? 'renewed' : 'closed'}): `), `${r.whatHappened} Next step: ${r.nextStep}`)));
}

export async function showPortfolio(root: HTMLElement, options: { focusRun?: string } = {}): Promise<void> {
  ensureStyles();
  const { store, warning } = await storeAccess();
  const loaded = await store.load();
  const { runs, goals } = loaded.record;
  const now = new Date().toISOString();
  const trend = calibrationTrend(meanGaps(runs));
  return new Promise((resolve) => {
    replaceChildren(root, h('main', { class: 'dev portfolio', 'aria-labelledby': 'dev-portfolio-title' },
      h('div', { class: 'actions no-print' },
        h('button', { type: 'button', onclick: () => window.print() }, 'Print or save as PDF'),
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'portfolio-back', onclick: () => resolve() }, 'Back')),
      h('h1', { id: 'dev-portfolio-title', tabindex: -1 }, 'Development portfolio — Hold the Line'),
      storageNotices(warning, null, loaded.quarantined.length),
      h('p', {}, `Generated ${when(now)}. ${runs.length} practice calls${runs.length > 0 ? ` from ${stamp(runs[0]!.at)} to ${stamp(runs.at(-1)!.at)}` : ''}.`,
        trend.latest === null ? '' : ` Self-assessment calibration: latest gap ${trend.latest.toFixed(2)} points per area${trend.earlier === null ? '' : `, earlier ${trend.earlier.toFixed(2)} (${trend.trend})`}.`),
      trend.latest === null ? null : h('figure', {}, calibrationChart(meanGaps(runs)), h('figcaption', { class: 'muted' }, 'Calibration gap on each rated call (0 = self-rating matched the evidence).')),
      h('h2', {}, 'Goals and reviews'),
      goals.length === 0 ? h('p', { class: 'muted' }, 'No goals set yet.') : goals.map((g) => goalSection(g, runs, now)),
      runs.map((r, i) => runSection(r, i + 1))));
    const target = options.focusRun === undefined ? root.querySelector<HTMLElement>('h1') : document.getElementById(`dev-run-${options.focusRun}`);
    target?.scrollIntoView();
    target?.focus();
  });
}
