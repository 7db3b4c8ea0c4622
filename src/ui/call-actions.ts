/** The trainee's controls for each phase of the call: answer, choices, hold, look-up, transfer, escalation, wrap-up. */
import type { CallView } from '../core/engine/call-view.ts';
import type { CallEvent } from '../shared/call-events.ts';
import { h } from './dom.ts';
import { formatDuration } from './format.ts';
import { knowledgePanel } from './knowledge-panel.ts';
import { routingPanel } from './routing-panel.ts';

type Send = (event: CallEvent) => void;

function button(label: string, key: string, onClick: () => void, cls = 'action'): HTMLButtonElement {
  return h('button', { type: 'button', class: cls, 'data-key': key, 'aria-keyshortcuts': key === '' ? null : key.toUpperCase(), onclick: onClick }, label);
}

function choices(view: CallView, send: Send): HTMLElement {
  return h('ol', { class: 'choices', 'aria-label': 'What you say' },
    view.choices.map((c, i) => h('li', {}, h('button', { type: 'button', class: 'choice', 'data-key': String(i + 1), 'aria-keyshortcuts': String(i + 1), onclick: () => send({ type: 'agent.choose', index: c.index }) },
      h('kbd', {}, String(i + 1)), ' ', c.say))));
}

function hold(view: CallView, send: Send): HTMLElement {
  const hold = view.hold!;
  return h('div', { class: 'phase-box hold' },
    h('p', { class: 'cue' }, '♪ Customer on hold — hold music playing'),
    h('p', {}, `Working on: ${hold.reason}`),
    h('p', { 'data-testid': 'hold-progress' }, `Work done ${formatDuration(hold.done)} of ${formatDuration(hold.total)}; ${formatDuration(hold.sinceCheckBack)} since you last checked back.`),
    h('div', { class: 'row' },
      hold.done < hold.total ? button(`Check back with the customer (C) — covers ${formatDuration(hold.nextCheckBackCovers)}`, 'c', () => send({ type: 'hold.checkBack' })) : null,
      button('Take the customer off hold (R)', 'r', () => send({ type: 'hold.resume' })),
    ));
}

function proceed(label: string, body: HTMLElement[], send: Send): HTMLElement {
  return h('div', { class: 'phase-box' }, body, h('div', { class: 'row' }, button(label, '', () => send({ type: 'agent.continue' }))));
}

function wrapUp(view: CallView, send: Send): HTMLElement {
  const wrap = view.wrapup!;
  const select = h('select', { id: 'disposition', required: true, 'aria-describedby': 'wrap-error' },
    h('option', { value: '' }, 'Choose a disposition code…'),
    wrap.dispositions.map((d) => h('option', { value: d.code }, d.label)));
  select.addEventListener('change', () => {
    if (select.value === '') return;
    select.removeAttribute('aria-invalid');
    error.textContent = '';
  });
  const notes = h('textarea', { id: 'notes', rows: 4, maxlength: 2000, placeholder: 'What happened, what you did, what happens next' });
  const error = h('p', { class: 'error', id: 'wrap-error' });
  // The game's own message, tied to the list, in place of the browser's "Please select an item".
  const form = h('form', { class: 'phase-box wrapup', 'aria-labelledby': 'wrap-title', novalidate: true },
    h('h3', { id: 'wrap-title' }, 'Wrap-up (after-call work counts in AHT)'),
    h('p', {}, wrap.summary),
    h('label', { for: 'disposition' }, 'Disposition code'), select,
    h('label', { for: 'notes' }, 'Call notes'), notes,
    error,
    h('button', { type: 'submit', class: 'action primary' }, 'Submit wrap-up'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (select.value === '') {
      error.textContent = 'Choose a disposition code first.';
      select.setAttribute('aria-invalid', 'true');
      select.focus();
      return;
    }
    send({ type: 'wrap.submit', disposition: select.value, notes: notes.value });
  });
  return form;
}

export function callActions(view: CallView, send: Send): HTMLElement {
  switch (view.phase) {
    case 'ringing':
      return h('div', { class: 'phase-box ringing' }, h('p', { class: 'cue' }, '☎ The phone is ringing'), button('Answer the call (A)', 'a', () => send({ type: 'call.answer' }), 'action primary'));
    case 'talk':
      return choices(view, send);
    case 'idv':
      return h('p', { class: 'hint' }, 'Ask the security questions in the ID&V check, mark each answer against the record, then pass or fail the caller.');
    case 'hold':
      return hold(view, send);
    case 'lookup':
      return knowledgePanel(view, send);
    case 'transfer':
    case 'escalate':
      return routingPanel(view, send);
    case 'callback':
      return proceed('Book the callback', [h('p', {}, `Callback from ${view.callback!.who}, ${view.callback!.when}.`)], send);
    case 'wrapup':
      return wrapUp(view, send);
    case 'done':
      return h('p', {}, 'The call is over.');
  }
}
