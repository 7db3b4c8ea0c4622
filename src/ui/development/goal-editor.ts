/**
 * One suggested goal: its SMART parts, and accept / edit / dismiss. Editing keeps every SMART part
 * required: the edit goes through editGoal, and its reasons are shown when it is refused.
 */
import { announce } from '../announcer.ts';
import { h, replaceChildren } from '../dom.ts';
import { editGoal, MIN_FCR_FLOOR, type Goal } from '../../core/development/goal-schema.ts';
import { GOAL_METRICS, formatMetric } from '../../core/development/metrics.ts';
import { SELF_RATING_AREAS } from '../../core/development/areas.ts';

export const deadlineText = (goal: Goal): string =>
  goal.deadline.kind === 'calls' ? `within your next ${goal.deadline.calls} calls` : `within ${goal.deadline.days} days`;

/** Where the goal came from, as a label the plan and the portfolio both show. */
export function sourceBadge(goal: Goal): HTMLElement | null {
  if (goal.source === undefined) return null;
  return h('span', { class: 'source', 'data-testid': 'goal-source', 'data-source': goal.source.kind }, `Source: ${goal.source.label}`);
}

export function smartList(goal: Goal): HTMLDListElement {
  return h('dl', { class: 'smart' },
    h('dt', {}, 'Behaviour'), h('dd', { 'data-part': 'behaviour' }, goal.behaviour),
    h('dt', {}, 'Measure'), h('dd', { 'data-part': 'metric' }, GOAL_METRICS[goal.metric].label),
    h('dt', {}, 'Baseline'), h('dd', { 'data-part': 'baseline' }, `${formatMetric(goal.metric, goal.baseline)} (${goal.basis})`),
    h('dt', {}, 'Target'), h('dd', { 'data-part': 'target' }, formatMetric(goal.metric, goal.target)),
    h('dt', {}, 'Deadline'), h('dd', { 'data-part': 'deadline' }, deadlineText(goal)),
    goal.fcrFloor === undefined ? null : h('dt', {}, 'FCR floor'),
    goal.fcrFloor === undefined ? null : h('dd', { 'data-part': 'fcr-floor' }, `FCR stays at ${goal.fcrFloor}% or more`),
    goal.early === true ? h('dt', {}, 'Caution') : null,
    goal.early === true ? h('dd', { 'data-part': 'early' }, 'Set before 5 calls in this area: the baseline is a small sample.') : null);
}

export interface GoalDecision { readonly kind: 'accepted' | 'dismissed'; readonly goal: Goal }

export function suggestedGoalCard(goal: Goal, why: string, index: number, decide: (d: GoalDecision) => Promise<string | null>): HTMLElement {
  const card = h('article', { class: 'card', 'data-goal': goal.id, 'aria-labelledby': `dev-goal-${index}` });
  const title = `Goal ${index + 1}: ${SELF_RATING_AREAS[goal.area].label}`;
  const show = (current: Goal, note?: string): void => {
    const status = h('p', { role: 'status' });
    // Set after the card is in the page, so the note is spoken rather than only shown.
    if (note !== undefined) queueMicrotask(() => { status.textContent = note; });
    const act = (kind: GoalDecision['kind']) => async () => {
      const problem = await decide({ kind, goal: current });
      if (problem !== null) { status.textContent = problem; status.className = 'alert'; return; }
      const decided = kind === 'accepted' ? `Accepted: “${current.behaviour}” — it is in your plan.` : 'Dismissed.';
      const heading = h('h3', { id: `dev-goal-${index}`, tabindex: -1 }, title);
      replaceChildren(card, heading, h('p', { 'data-testid': 'goal-decision' }, decided));
      // Focus on what is left of the card, then the decision said through the page's status region.
      heading.focus();
      announce(`${title}: ${decided}`);
    };
    replaceChildren(card,
      h('h3', { id: `dev-goal-${index}` }, title),
      sourceBadge(current),
      h('p', {}, why),
      smartList(current),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: act('accepted') }, 'Accept'),
        h('button', { type: 'button', class: 'secondary', onclick: () => edit(current) }, 'Edit'),
        h('button', { type: 'button', class: 'secondary', onclick: act('dismissed') }, 'Dismiss')),
      status);
  };
  const edit = (current: Goal): void => {
    const id = (name: string): string => `dev-edit-${index}-${name}`;
    const behaviour = h('input', { type: 'text', id: id('behaviour'), value: current.behaviour });
    const target = h('input', { type: 'number', id: id('target'), value: current.target });
    const kind = h('select', { id: id('kind') }, h('option', { value: 'calls' }, 'calls'), h('option', { value: 'days' }, 'days'));
    kind.value = current.deadline.kind;
    const count = h('input', { type: 'number', id: id('count'), min: 1, value: current.deadline.kind === 'calls' ? current.deadline.calls : current.deadline.days });
    const floor = current.fcrFloor === undefined ? null : h('input', { type: 'number', id: id('floor'), min: MIN_FCR_FLOOR, max: 100, value: current.fcrFloor });
    const errors = h('div', { role: 'alert' });
    const form = h('form', {},
      h('label', { class: 'block', for: id('behaviour') }, 'Behaviour (what you will do on the call)'), behaviour,
      h('label', { class: 'block', for: id('target') }, `Target (${GOAL_METRICS[current.metric].label}, baseline ${formatMetric(current.metric, current.baseline)})`), target,
      h('label', { class: 'block', for: id('count') }, 'Deadline: how many'), h('div', { class: 'deadline' }, count, h('label', { for: id('kind') }, 'counted in'), kind),
      floor === null ? null : h('label', { class: 'block', for: id('floor') }, `FCR floor (%, at least ${MIN_FCR_FLOOR})`), floor,
      errors,
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save changes'), h('button', { type: 'button', class: 'secondary', onclick: () => show(current) }, 'Cancel')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const n = Number(count.value);
      const result = editGoal(current, {
        behaviour: behaviour.value,
        target: Number(target.value),
        deadline: kind.value === 'days' ? { kind: 'days', days: n } : { kind: 'calls', calls: n },
        ...(floor === null ? {} : { fcrFloor: Number(floor.value) }),
      });
      if (!result.ok) {
        errors.className = 'alert';
        replaceChildren(errors, h('p', {}, 'This goal is not yet SMART:'), h('ul', {}, result.problems.map((p) => h('li', {}, p.message))));
        return;
      }
      show(result.goal, 'Changes saved — accept the goal to put it in your plan.');
    });
    replaceChildren(card, h('h3', { id: `dev-goal-${index}` }, `Edit ${title}`), form);
    behaviour.focus();
  };
  show(goal);
  return card;
}
