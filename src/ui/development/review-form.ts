/** Plan-do-review: what happened, the next step, close or renew. */
import { h, replaceChildren } from '../dom.ts';
import type { ReviewInput } from '../../core/development/review.ts';

export function reviewForm(goalId: string, renewBlocked: string | null, submit: (input: ReviewInput) => Promise<string[] | null>): HTMLFormElement {
  const id = (n: string): string => `dev-review-${goalId}-${n}`;
  const what = h('textarea', { id: id('what'), rows: 3 });
  const next = h('textarea', { id: id('next'), rows: 3 });
  const errors = h('div', { role: 'alert' });
  const decision = (value: 'close' | 'renew', text: string, checked: boolean, disabled = false) =>
    h('label', {}, h('input', { type: 'radio', name: id('decision'), value, checked, disabled, 'aria-describedby': disabled ? id('renew-hint') : null }), ` ${text}`);
  const form = h('form', { class: 'review no-print', 'data-review': goalId },
    h('h4', {}, 'Review this goal'),
    h('label', { class: 'block', for: id('what') }, 'What happened?'), what,
    h('label', { class: 'block', for: id('next') }, 'What is your next step?'), next,
    h('fieldset', {}, h('legend', {}, 'Then'), h('div', { class: 'scale' },
      decision('close', 'Close the goal', true), decision('renew', 'Renew it from where I am now', false, renewBlocked !== null)),
      renewBlocked === null ? null : h('p', { class: 'hint', id: id('renew-hint') }, renewBlocked)),
    errors,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record review')));
  form.addEventListener('input', () => { errors.className = ''; errors.replaceChildren(); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>(`input[name="${id('decision')}"]:checked`)?.value === 'renew' ? 'renew' : 'close';
    const problems = await submit({ whatHappened: what.value, nextStep: next.value, decision: chosen });
    if (problems === null) return;
    errors.className = 'alert';
    replaceChildren(errors, h('ul', {}, problems.map((p) => h('li', {}, p))));
  });
  return form;
}
