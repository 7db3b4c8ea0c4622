/**
 * The "send to a classroom" panel: the classroom server's address (this page's own when the
 * server serves it), then either a new session started with this call, or this call added to a
 * session the trainer already runs (its code and the trainer key, or the trainer page's address).
 * The server checks the call the same way in both.
 */
import { h, replaceChildren } from '../ui/dom.ts';
import { addToSession, sendToClassroom, type AddResult, type SendResult } from './classroom-send.ts';

function refusal(result: HTMLElement, r: Extract<SendResult | AddResult, { ok: false }>): void {
  replaceChildren(result, h('p', { class: 'wb-warning', role: 'alert' }, r.message), r.details.length === 0 ? null : h('ul', {}, r.details.map((d) => h('li', {}, d))));
}

/** Disables the button while `work` runs and shows "Sending…" in `result`. */
async function sending<T>(button: HTMLButtonElement, result: HTMLElement, work: () => Promise<T>): Promise<T> {
  button.disabled = true;
  replaceChildren(result, h('p', { class: 'hint' }, 'Sending…'));
  try {
    return await work();
  } finally {
    button.disabled = false;
  }
}

export function classroomPanel(current: () => { text: string; file: string }): HTMLElement {
  const server = h('input', { type: 'url', value: location.origin, 'aria-label': 'Classroom server address' });
  const title = h('input', { type: 'text', value: 'Workbench test session', maxlength: 80, 'aria-label': 'Session title' });
  const result = h('div', { 'aria-live': 'polite' });
  const send = h('button', { type: 'button', class: 'action' }, 'Check it there and start a new session');
  send.addEventListener('click', () => {
    const { text, file } = current();
    void sending(send, result, () => sendToClassroom(server.value, title.value.trim() || 'Workbench test session', file, text)).then((r) => {
      if (!r.ok) return refusal(result, r);
      replaceChildren(result, h('p', {}, `Session “${r.title}” started with this call. Join code `, h('strong', {}, r.code), '. ', h('a', { href: r.trainerUrl, target: '_blank', rel: 'noopener' }, 'Open the trainer’s page'), ' (the link holds your trainer key: keep it to yourself).'));
    });
  });

  const code = h('input', { type: 'text', maxlength: 12, autocomplete: 'off', spellcheck: 'false', 'aria-label': 'Session code' });
  const key = h('input', { type: 'password', autocomplete: 'off', 'aria-label': 'Trainer key or trainer page address' });
  const add = h('button', { type: 'button', class: 'action' }, 'Add it to this session');
  add.addEventListener('click', () => {
    const { text, file } = current();
    void sending(add, result, () => addToSession(server.value, code.value, key.value, file, text)).then((r) => {
      if (!r.ok) return refusal(result, r);
      replaceChildren(result, h('p', {}, r.alreadyThere
        ? `Session ${r.code} already has this call, unchanged (${r.calls} call${r.calls === 1 ? '' : 's'} in all).`
        : `“${r.title}” added to session ${r.code} (${r.calls} call${r.calls === 1 ? '' : 's'} in all). The trainer’s and trainees’ pages show it now.`));
    });
  });

  return h('div', { class: 'wb-classroom' },
    h('p', { class: 'hint' }, 'The classroom server checks the call with the same checks as any upload, then starts a session with it, or adds it to a session you already run.'),
    h('label', { class: 'wb-field' }, h('span', {}, 'Classroom server'), server),
    h('fieldset', { class: 'wb-send-choice' }, h('legend', {}, 'Start a new session'),
      h('label', { class: 'wb-field' }, h('span', {}, 'Session title'), title),
      send),
    h('fieldset', { class: 'wb-send-choice' }, h('legend', {}, 'Or add it to a session you run'),
      h('label', { class: 'wb-field' }, h('span', {}, 'Session code'), code),
      h('label', { class: 'wb-field' }, h('span', {}, 'Trainer key (or the trainer page’s address)'), key),
      add),
    result);
}
