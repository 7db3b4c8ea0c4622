/**
 * The ID&V panel: the trainee asks each question, reads the caller's answer beside the CRM record,
 * marks it as matching or not, then passes or fails the caller. It shows no verdict, no colour and
 * no comparison of its own: spotting a transposed date is the skill being trained.
 */
import type { CallView, IdvQuestionView } from '../core/engine/call-view.ts';
import type { CallEvent } from '../shared/call-events.ts';
import { h } from './dom.ts';

export type IdvMarks = Map<string, 'match' | 'mismatch'>;

function markCell(q: IdvQuestionView, marks: IdvMarks): HTMLElement {
  if (!q.asked) return h('td', {}, '—');
  const name = `idv-mark-${q.key}`;
  const radio = (value: 'match' | 'mismatch', label: string) =>
    h('label', { class: 'mark-option' },
      h('input', {
        type: 'radio', name, value, checked: marks.get(q.key) === value,
        onchange: () => marks.set(q.key, value),
      }),
      ` ${label}`);
  return h('td', {}, h('fieldset', { class: 'mark-choice' },
    h('legend', { class: 'visually-hidden' }, `${q.label}: does the answer match the record?`),
    radio('match', 'Matches'), radio('mismatch', 'Does not match')));
}

export function idvPanel(view: CallView, marks: IdvMarks, send: (event: CallEvent) => void): HTMLElement | null {
  if (view.idv === null) return null;
  const questions = view.idv;
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'idv-error' });
  const policy = questions.filter((q) => q.policy).map((q) => q.label.toLowerCase());
  const rows = questions.map((q) => h('tr', { 'data-idv-key': q.key, 'data-policy': q.policy ? 'true' : 'false', 'data-confirmed': q.confirmedEarlier ? 'true' : 'false' },
    h('th', { scope: 'row' }, q.label, q.policy ? '' : h('span', { class: 'muted' }, ' (extra)')),
    h('td', { class: 'caller-said' }, q.asked
      ? (q.callerSaid ?? '(cannot answer)')
      : q.confirmedEarlier
        ? h('span', {}, 'Answered rightly earlier in the call. ', h('button', { type: 'button', class: 'link-button', onclick: () => send({ type: 'idv.ask', key: q.key }) }, 'Ask again'))
        : h('button', { type: 'button', class: 'action small', onclick: () => send({ type: 'idv.ask', key: q.key }) }, `Ask for the ${q.label.toLowerCase()}`)),
    h('td', { class: 'on-record' }, q.onRecord),
    markCell(q, marks),
  ));
  const verdict = (v: 'pass' | 'fail') => () => {
    const asked = questions.filter((q) => q.asked);
    const unmarked = asked.filter((q) => !marks.has(q.key));
    if (unmarked.length > 0) {
      error.textContent = `Mark whether each answer matches the record first (${unmarked.map((q) => q.label.toLowerCase()).join(', ')}).`;
      return;
    }
    send({ type: 'agent.idv', verdict: v, marks: Object.fromEntries(asked.map((q) => [q.key, marks.get(q.key)!])) });
  };
  return h('section', { class: 'panel idv', 'aria-labelledby': 'idv-title', 'data-testid': 'idv-panel' },
    h('h3', { id: 'idv-title' }, 'ID&V check'),
    h('p', { class: 'hint' }, `Policy: the caller must confirm the ${policy.join(', ')}. Each question takes about 15 seconds. Compare each answer with the record yourself.`),
    h('div', { class: 'table-scroll' },
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Question'), h('th', { scope: 'col' }, 'Caller said'), h('th', { scope: 'col' }, 'On record'), h('th', { scope: 'col' }, 'Your check'))),
        h('tbody', {}, rows))),
    error,
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'action', onclick: verdict('pass') }, 'Pass security'),
      h('button', { type: 'button', class: 'action', onclick: verdict('fail') }, 'Fail security'),
    ),
  );
}
