/**
 * The suggested goals section: each suggestion labelled with where it came from, the areas with
 * too few calls for a fair baseline (with "Set a goal anyway"), and accept / edit / dismiss.
 */
import { h, replaceChildren } from '../dom.ts';
import { SELF_RATING_AREAS } from '../../core/development/areas.ts';
import { draftGoal, MIN_CALLS, suggestGoals, type SuggestedGoal, type SuggestInput } from '../../core/development/suggest-goals.ts';
import type { Goal } from '../../core/development/goal-schema.ts';
import { suggestedGoalCard } from './goal-editor.ts';

export function goalSuggestions(input: SuggestInput, accept: (goal: Goal) => Promise<string | null>): HTMLElement {
  const { goals, notEnough } = suggestGoals(input);
  let index = 0;
  const card = (s: SuggestedGoal): HTMLElement => suggestedGoalCard(s.goal, s.why, index++, async (d) => (d.kind === 'dismissed' ? null : accept(d.goal)));
  const list = h('div', { 'data-testid': 'suggested-goals' }, goals.map(card));
  const anyway = notEnough.map((n) => {
    const holder = h('li', { 'data-not-enough': n.area });
    const status = h('span', { role: 'status' });
    replaceChildren(holder, h('span', {}, n.message, ' '),
      n.calls === 0 ? null : h('button', { type: 'button', class: 'secondary small', onclick: () => {
        const draft = draftGoal(n.area, input);
        if (!draft.ok) { status.className = 'alert'; status.textContent = draft.reason; return; }
        list.append(card(draft.suggestion));
        holder.remove();
        list.lastElementChild?.querySelector<HTMLElement>('h3')?.setAttribute('tabindex', '-1');
        list.lastElementChild?.querySelector<HTMLElement>('h3')?.focus();
      } }, `Set a goal anyway for ${SELF_RATING_AREAS[n.area].label}`),
      status);
    return holder;
  });
  return h('section', { 'aria-labelledby': 'dev-goals-title' },
    h('h2', { id: 'dev-goals-title' }, 'Suggested goals'),
    h('p', { class: 'muted' }, `Goals come from feedback you have received, from your own “to improve” notes, and from your scorecards once an area has ${MIN_CALLS} calls. Each says where it came from. Accept, edit or dismiss each.`),
    goals.length === 0 ? h('p', { 'data-testid': 'no-goals' }, notEnough.length > 0 ? 'No goal to suggest yet.'
      : 'No goal to suggest: every area meets its standard over your recent calls, or already has a goal in your plan.') : null,
    list,
    anyway.length === 0 ? null : h('div', { class: 'caution', 'data-testid': 'not-enough-calls' },
      h('p', {}, h('strong', {}, 'Not enough calls yet'), ` for a fair baseline in ${anyway.length === 1 ? 'this area' : 'these areas'}. A goal from one or two calls can chase a fluke; you can still set one if you want to.`),
      h('ul', {}, anyway)));
}
