/**
 * The development plan: each goal with baseline, target, deadline, status and a chart of the runs
 * since it was set (linked as evidence); reviews when due; export, import and the portfolio report.
 */
import { h, replaceChildren } from '../dom.ts';
import { announce } from '../announcer.ts';
import { SELF_RATING_AREAS } from '../../core/development/areas.ts';
import { goalProgress, GOAL_STATUSES, type EvidenceRun } from '../../core/development/goal-progress.ts';
import { isReviewDue, renewProblem, reviewGoal, type PlanGoal } from '../../core/development/review.ts';
import { calibrationTrend } from '../../core/development/calibration.ts';
import { buildExport, readExport } from '../../core/development/export-file.ts';
import { runsCsv } from '../../core/development/runs-csv.ts';
import { formatMetric } from '../../core/development/metrics.ts';
import type { LoadedRecord } from '../../core/ports/development-store.ts';
import { ensureStyles } from './styles.ts';
import { storeAccess, trySave, type StoreAccess } from './store-access.ts';
import { storageNotices } from './notices.ts';
import { smartList, sourceBadge } from './goal-editor.ts';
import { feedbackPanel } from './feedback-panel.ts';
import { learnerForm } from './learner-form.ts';
import { goalSuggestions } from './goal-suggestions.ts';
import { suggestInputFrom } from '../../core/development/suggest-input.ts';
import { emptyRecord } from '../../core/development/trainee-record.ts';
import { criteriaText } from '../../core/development/criteria.ts';
import { newId } from './record-call.ts';
import { goalChart } from './chart.ts';
import { reviewForm } from './review-form.ts';
import { meanGaps } from './calibration-view.ts';
import { calibrationChart } from './calibration-chart.ts';
import { download, stamp } from './files.ts';
import { showPortfolio } from './portfolio.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function goalCard(plan: PlanGoal, runs: readonly EvidenceRun[], now: string, onReview: (plan: PlanGoal) => HTMLElement, openRun: (id: string) => void): HTMLElement {
  const progress = goalProgress(plan.goal, runs, now);
  const status = plan.state === 'closed' ? 'closed' : progress.status;
  const due = isReviewDue(plan, progress);
  return h('article', { class: 'card', 'data-goal': plan.goal.id, 'data-status': status },
    h('h3', {}, `${SELF_RATING_AREAS[plan.goal.area].label} `,
      h('span', { class: `badge ${status}`, 'data-testid': 'goal-status' }, plan.state === 'closed' ? 'Closed' : GOAL_STATUSES[progress.status].label)),
    h('p', { class: 'muted' }, `Set ${stamp(plan.goal.setAt)}`, plan.renews === undefined ? '' : ' (renewed)', ' · ', h('span', { class: 'refs' }, `Evidence for ${criteriaText('goal')}`)),
    sourceBadge(plan.goal),
    smartList(plan.goal),
    h('p', { 'data-testid': 'goal-progress' }, progress.sentence),
    goalChart(plan.goal, progress.evidence.map((e) => e.value)),
    progress.evidence.length === 0 ? h('p', { class: 'muted' }, 'No calls since this goal was set yet.') :
      h('p', {}, 'Evidence: ', progress.evidence.flatMap((e, i) => [
        i > 0 ? ', ' : '',
        h('a', { href: `#dev-run-${e.runId}`, 'data-run': e.runId, onclick: (ev: Event) => { ev.preventDefault(); openRun(e.runId); } },
          `call ${i + 1} (${stamp(e.at)}${e.value === null ? '' : `, ${formatMetric(plan.goal.metric, e.value)}`})`),
      ])),
    plan.reviews.map((r) => h('div', { class: 'note' }, h('strong', {}, `Review ${stamp(r.at)} — ${GOAL_STATUSES[r.status].label}, ${r.decision === 'renew' ? 'renewed' : 'closed'}. `),
      `What happened: ${r.whatHappened} Next step: ${r.nextStep}`)),
    due ? onReview(plan) : null);
}

export async function showPlan(root: HTMLElement): Promise<void> {
  ensureStyles();
  const access = await storeAccess();
  return new Promise((resolve) => { void render(root, access, resolve); });
}

async function render(root: HTMLElement, access: StoreAccess, done: () => void, message?: string): Promise<void> {
  const { store, warning } = access;
  let loaded: LoadedRecord;
  let loadProblem: string | null = null;
  try {
    loaded = await store.load();
  } catch (error) {
    loadProblem = error instanceof Error ? error.message : String(error);
    loaded = { record: emptyRecord(), quarantined: [] };
  }
  const { record, quarantined } = loaded;
  const now = new Date().toISOString();
  const rerender = (note?: string): void => { void render(root, access, done, note); };
  const openRun = (runId?: string): void => { void showPortfolio(root, runId === undefined ? {} : { focusRun: runId }).then(() => rerender()); };
  const onReview = (plan: PlanGoal): HTMLElement => reviewForm(plan.goal.id, renewProblem(plan.goal, goalProgress(plan.goal, record.runs, now)), async (input) => {
    const progress = goalProgress(plan.goal, record.runs, new Date().toISOString());
    const result = reviewGoal(plan, progress, input, { now: new Date().toISOString(), runCount: record.runs.length });
    if (!result.ok) return result.problems;
    const problem = await trySave(async () => {
      await store.saveGoal(result.closed);
      if (result.renewed !== null) await store.saveGoal(result.renewed);
    });
    if (problem !== null) return [problem];
    rerender(result.renewed === null ? 'Review recorded; the goal is closed.' : 'Review recorded; the goal is renewed from where you are now.');
    return null;
  });
  const active = record.goals.filter((g) => g.state === 'active');
  const closed = record.goals.filter((g) => g.state === 'closed');
  const dueCount = active.filter((g) => isReviewDue(g, goalProgress(g.goal, record.runs, now))).length;
  const trend = calibrationTrend(meanGaps(record.runs));
  const importInput = h('input', { type: 'file', id: 'dev-import', accept: 'application/json,.json' });
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    if (file === undefined) return;
    const read = readExport(await file.text());
    if (!read.ok) { rerender(read.message); return; }
    try {
      const added = await store.importEntries(read.value);
      const skipped = read.value.problems.length === 0 ? '' : ` ${read.value.problems.length} could not be read and were left out: ${read.value.problems.join(' ')}`;
      const parts = [plural(added.runs, 'new call'), plural(added.goals, 'new goal'), ...(added.feedback === 0 ? [] : [`${added.feedback} feedback ${added.feedback === 1 ? 'entry' : 'entries'}`])];
      rerender(`Imported ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}.${skipped}`);
    } catch (error) {
      rerender(error instanceof Error ? error.message : String(error));
    }
  });

  const saveGoal = async (goal: Parameters<typeof store.saveGoal>[0]['goal']): Promise<string | null> => {
    const problem = await trySave(() => store.saveGoal({ goal: { ...goal, id: newId('goal') }, state: 'active', acceptedAt: new Date().toISOString(), reviews: [] }));
    if (problem === null) rerender(`Goal accepted and added to your active goals: “${goal.behaviour}”.`);
    return problem;
  };
  replaceChildren(root, h('div', { class: 'dev', role: 'region', 'aria-labelledby': 'dev-plan-title' },
    h('h1', { id: 'dev-plan-title', tabindex: -1 }, 'Your development plan'),
    storageNotices(warning, loadProblem, quarantined.length),
    message === undefined ? null : h('p', { class: 'note', 'data-testid': 'plan-message' }, message),
    h('p', {}, `${plural(record.runs.length, 'call')} recorded. `,
      trend.latest === null ? 'Rate yourself after a call to track how well you judge yourself.' : `Latest calibration gap: ${trend.latest.toFixed(2)} points (${trend.trend === 'too-few' ? 'too few calls for a trend' : trend.trend}).`),
    trend.latest === null ? null : h('figure', { 'data-testid': 'calibration-over-time' }, calibrationChart(meanGaps(record.runs)),
      h('figcaption', { class: 'muted' }, 'How far your self-ratings were from the evidence on each call (0 = spot on).')),
    dueCount > 0 ? h('p', { class: 'note', 'data-testid': 'reviews-due' }, `${dueCount} ${dueCount === 1 ? 'goal is' : 'goals are'} due for review.`) : null,
    h('h2', {}, 'Active goals'),
    active.length === 0 ? h('p', {}, 'No active goals. Accept a suggested goal after your next call.') : active.map((g) => goalCard(g, record.runs, now, onReview, openRun)),
    closed.length === 0 ? null : h('h2', {}, 'Closed goals'),
    closed.map((g) => goalCard(g, record.runs, now, onReview, openRun)),
    h('div', { class: 'no-print' }, goalSuggestions(suggestInputFrom(record, now), saveGoal)),
    feedbackPanel(record.feedback, stamp(now), {
      save: (entry) => trySave(() => store.saveFeedback(entry)),
      importMany: async (entries) => (await store.importEntries({ runs: [], goals: [], feedback: entries })).feedback,
      done: (note) => rerender(note),
    }),
    learnerForm((note) => rerender(note)),
    h('h2', { class: 'no-print' }, 'Your record'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => openRun() }, 'Portfolio report'),
      h('button', { type: 'button', class: 'secondary', onclick: () => download(`hold-the-line-development-${stamp(now)}.json`, buildExport(record, now), 'application/json') }, 'Export JSON'),
      h('button', { type: 'button', class: 'secondary', onclick: () => download(`hold-the-line-runs-${stamp(now)}.csv`, runsCsv(record.runs), 'text/csv') }, 'Export runs CSV')),
    h('div', { class: 'no-print' }, h('label', { class: 'block', for: 'dev-import' }, 'Import a JSON export from another device'), importInput),
    quarantined.length === 0 ? null : h('section', { 'aria-labelledby': 'dev-quarantine-title' },
      h('h2', { id: 'dev-quarantine-title' }, 'Set-aside data'),
      h('ul', {}, quarantined.map((q) => h('li', {}, `${q.store} entry “${q.key}”, set aside ${stamp(q.at)}: ${q.reason}`))),
      h('button', { type: 'button', class: 'secondary', onclick: () => download(`hold-the-line-set-aside-${stamp(now)}.json`, JSON.stringify(quarantined, null, 2), 'application/json') }, 'Download set-aside data')),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', 'data-testid': 'plan-close', onclick: () => done() }, 'Close plan'))));
  root.querySelector<HTMLElement>('h1')?.focus();
  // The message is said through the page's status region (a region made with its words in it is often not read).
  if (message !== undefined) announce(message);
}
