/**
 * The portfolio report an assessor can accept: the learner's details and the unit, a contents page,
 * a criteria key, each entry (shifts, goals and reviews, feedback, calls with their self-assessment
 * and reflection) with its LO/AC references, the game's words marked, a declaration of own work, and
 * trainer/assessor comments with sign-off. Printed (or saved as PDF) through the browser.
 */
import { careerBadgesSection } from './career-badges.ts';
import { h, replaceChildren } from '../dom.ts';
import { calibrate, calibrationTrend } from '../../core/development/calibration.ts';
import { measureAreas } from '../../core/development/measure-areas.ts';
import { goalProgress, GOAL_STATUSES } from '../../core/development/goal-progress.ts';
import type { RunEntry } from '../../core/development/trainee-record.ts';
import type { PlanGoal } from '../../core/development/review.ts';
import { SELF_RATING_AREAS } from '../../core/development/areas.ts';
import { fatalTimes, handleTimeVerdict } from '../../core/development/call-story.ts';
import { criteriaText, type EntryKind } from '../../core/development/criteria.ts';
import { feedbackLabel, type FeedbackEntry } from '../../core/development/feedback.ts';
import { shiftSummaries } from '../../core/development/shifts.ts';
import { QA_SECTIONS } from '../../core/model/qa-sections.ts';
import { ensureStyles } from './styles.ts';
import { loadLearner, storeAccess } from './store-access.ts';
import { storageNotices } from './notices.ts';
import { calibrationTable, meanGaps } from './calibration-view.ts';
import { smartList, sourceBadge } from './goal-editor.ts';
import { stamp } from './files.ts';
import { goalChart } from './chart.ts';
import { calibrationChart } from './calibration-chart.ts';
import { reflectionView } from './game-text.ts';
import { contents, cover, criteriaSection, declaration, signOff } from './portfolio-parts.ts';

const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
const mmss = (s: number): string => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
const refs = (kind: EntryKind): HTMLElement => h('p', { class: 'refs', 'data-criteria': criteriaText(kind) }, `Criteria: ${criteriaText(kind)}`);

function runSection(run: RunEntry, n: number): HTMLElement {
  const c = run.scorecard;
  return h('section', { class: 'report-run', id: `dev-run-${run.id}`, tabindex: -1, 'aria-labelledby': `dev-run-${run.id}-title` },
    h('h3', { id: `dev-run-${run.id}-title` }, `Call ${n}: ${run.scenarioTitle} — ${when(run.at)}`),
    refs('call'),
    h('h4', {}, 'Scorecard'),
    h('p', {}, `Outcome: ${c.outcome}. QA ${Math.round(c.qa.score)}% (${c.qa.band}) · FCR ${c.fcr.value} · CSAT ${c.csat.stars}/5 · handle time ${mmss(c.aht.total)} against ${mmss(c.aht.target)}.`),
    h('p', {}, handleTimeVerdict(c).sentence),
    c.qa.fatal.length === 0 ? null : h('p', { class: 'alert' }, `Fatal: ${fatalTimes(c).map((f) => `${f.text} (at ${mmss(f.at)})`).join('; ')}`),
    h('table', {}, h('caption', { class: 'muted' }, 'QA sections on this call'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'QA section'), h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Items missed'))),
      h('tbody', {}, c.qa.sections.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.label), h('td', {}, s.score === null ? 'n/a' : `${Math.round(s.score)}%`),
        h('td', {}, s.items.filter((i) => i.mark === 'missed' || i.mark === 'partial').map((i) => `${i.text} (${i.mark})`).join('; ') || '—'))))),
    h('h4', {}, 'Self-assessment'),
    run.rating === null ? h('p', { class: 'muted' }, 'No self-rating was given for this call.') : [
      calibrationTable(calibrate(run.rating, measureAreas(c)), `Rated ${when(run.rating.at)}, before the scorecard was shown`, measureAreas(c)),
      run.rating.wentWell === '' ? null : h('p', {}, h('strong', {}, 'Went well (learner’s words): '), run.rating.wentWell),
      run.rating.toImprove === '' ? null : h('p', {}, h('strong', {}, 'To improve (learner’s words): '), run.rating.toImprove),
    ],
    h('h4', {}, 'Reflection'),
    refs('reflection'),
    reflectionView(run.reflection));
}

function goalSection(plan: PlanGoal, runs: readonly RunEntry[], now: string): HTMLElement {
  const progress = goalProgress(plan.goal, runs, now);
  return h('div', { class: 'card', 'data-goal': plan.goal.id },
    h('h3', {}, `${SELF_RATING_AREAS[plan.goal.area].label} — set ${stamp(plan.goal.setAt)} — ${plan.state === 'closed' ? 'closed' : GOAL_STATUSES[progress.status].label}`),
    refs('goal'),
    sourceBadge(plan.goal),
    smartList(plan.goal),
    h('p', {}, progress.sentence),
    goalChart(plan.goal, progress.evidence.map((e) => e.value)),
    plan.reviews.length === 0 ? h('p', { class: 'muted' }, 'Not reviewed yet.') : refs('review'),
    plan.reviews.map((r) => h('p', {}, h('strong', {}, `Review ${when(r.at)} (${GOAL_STATUSES[r.status].label}, ${r.decision === 'renew' ? 'renewed' : 'closed'}): `), `${r.whatHappened} Next step: ${r.nextStep}`)));
}

function feedbackSection(entries: readonly FeedbackEntry[]): HTMLElement {
  return h('section', { class: 'report-part', id: 'pf-feedback', 'aria-labelledby': 'pf-feedback-title' },
    h('h2', { id: 'pf-feedback-title' }, 'Feedback received'),
    refs('feedback'),
    entries.length === 0 ? h('p', { class: 'muted' }, 'No feedback recorded.') :
      h('ul', {}, entries.map((f) => h('li', {}, h('strong', {}, `${feedbackLabel(f)}${f.qaSection === undefined ? '' : ` (${QA_SECTIONS[f.qaSection].label})`}: `), f.text))));
}

export async function showPortfolio(root: HTMLElement, options: { focusRun?: string } = {}): Promise<void> {
  ensureStyles();
  const { store, warning } = await storeAccess();
  const loaded = await store.load();
  const { runs, goals, feedback } = loaded.record;
  const now = new Date().toISOString();
  const trend = calibrationTrend(meanGaps(runs));
  const learner = loadLearner();
  const period = runs.length === 0 ? 'no calls yet' : `${stamp(runs[0]!.at)} to ${stamp(runs.at(-1)!.at)} (${runs.length} simulated call${runs.length === 1 ? '' : 's'})`;
  const parts = [
    { id: 'pf-criteria', title: 'Criteria key' },
    { id: 'pf-summary', title: 'Self-assessment and practice sessions' },
    { id: 'pf-goals', title: 'Goals and reviews' },
    { id: 'pf-feedback', title: 'Feedback received' },
    { id: 'pf-calls', title: `Calls (${runs.length})`, children: runs.map((r, i) => ({ id: `dev-run-${r.id}`, title: `Call ${i + 1}: ${r.scenarioTitle}, ${when(r.at)}` })) },
    { id: 'pf-declaration', title: 'Declaration of own work' },
    { id: 'pf-signoff', title: 'Trainer and assessor comments and sign-off' },
  ];
  return new Promise((resolve) => {
    replaceChildren(root, h('div', { class: 'dev portfolio', role: 'region', 'aria-labelledby': 'dev-portfolio-title', 'data-testid': 'portfolio' },
      h('div', { class: 'actions no-print' },
        h('button', { type: 'button', onclick: () => window.print() }, 'Print or save as PDF'),
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'portfolio-back', onclick: () => resolve() }, 'Back')),
      h('h1', { id: 'dev-portfolio-title', tabindex: -1 }, 'Development portfolio — Hold the Line'),
      storageNotices(warning, null, loaded.quarantined.length),
      cover(learner, period, when(now)),
      contents(parts),
      criteriaSection(),
      h('section', { class: 'report-part new-page', id: 'pf-summary', 'aria-labelledby': 'pf-summary-title' },
        h('h2', { id: 'pf-summary-title' }, 'Self-assessment and practice sessions'),
        refs('calibration'),
        h('p', {}, trend.latest === null ? 'No rated calls yet.' : `Self-assessment calibration: latest gap ${trend.latest.toFixed(2)} points per area${trend.earlier === null ? '' : `, earlier ${trend.earlier.toFixed(2)} (${trend.trend})`}.`),
        trend.latest === null ? null : h('figure', {}, calibrationChart(meanGaps(runs)), h('figcaption', { class: 'muted' }, 'Calibration gap on each rated call (0 = self-rating matched the evidence).')),
        h('h3', {}, 'Practice sessions (shifts)'),
        refs('shift'),
        h('ul', {}, shiftSummaries(runs).map((s) => h('li', {}, h('strong', {}, `${s.date}: `), s.sentence)))),
      h('section', { class: 'report-part', id: 'pf-goals', 'aria-labelledby': 'pf-goals-title' },
        h('h2', { id: 'pf-goals-title' }, 'Goals and reviews'),
        goals.length === 0 ? h('p', { class: 'muted' }, 'No goals set yet.') : goals.map((g) => goalSection(g, runs, now))),
      feedbackSection(feedback),
      careerBadgesSection(),
      h('section', { id: 'pf-calls', 'aria-labelledby': 'pf-calls-title' },
        h('h2', { id: 'pf-calls-title', class: 'no-print' }, `Calls (${runs.length})`),
        h('h2', { class: 'print-only', 'aria-hidden': 'true' }, `Calls (${runs.length})`),
        runs.map((r, i) => runSection(r, i + 1))),
      declaration(learner),
      signOff()));
    const target = options.focusRun === undefined ? root.querySelector<HTMLElement>('h1') : document.getElementById(`dev-run-${options.focusRun}`);
    target?.scrollIntoView();
    target?.focus();
  });
}
