/**
 * The "send to a classroom" panel: the classroom server's address (this page's own when the
 * server serves it) and a session title; sending checks the call there and starts a session with
 * it, then shows the join code and the trainer's page.
 */
import { h, replaceChildren } from '../ui/dom.ts';
import { sendToClassroom } from './classroom-send.ts';

export function classroomPanel(current: () => { text: string; file: string }): HTMLElement {
  const server = h('input', { type: 'url', value: location.origin, 'aria-label': 'Classroom server address' });
  const title = h('input', { type: 'text', value: 'Workbench test session', maxlength: 80, 'aria-label': 'Session title' });
  const result = h('div', { 'aria-live': 'polite' });
  const send = h('button', { type: 'button', class: 'action' }, 'Check it there and start a session');
  send.addEventListener('click', () => {
    const { text, file } = current();
    send.disabled = true;
    replaceChildren(result, h('p', { class: 'hint' }, 'Sending…'));
    void sendToClassroom(server.value, title.value.trim() || 'Workbench test session', file, text).then((r) => {
      send.disabled = false;
      if (r.ok) {
        replaceChildren(result, h('p', {}, `Session “${r.title}” started with this call. Join code `, h('strong', {}, r.code), '. ', h('a', { href: r.trainerUrl, target: '_blank', rel: 'noopener' }, 'Open the trainer’s page'), ' (the link holds your trainer key: keep it to yourself).'));
      } else {
        replaceChildren(result, h('p', { class: 'wb-warning', role: 'alert' }, r.message), r.details.length === 0 ? null : h('ul', {}, r.details.map((d) => h('li', {}, d))));
      }
    });
  });
  return h('div', { class: 'wb-classroom' },
    h('p', { class: 'hint' }, 'The classroom server checks the call with the same checks as any upload, then starts a session with it for your trainees to join.'),
    h('label', { class: 'wb-field' }, h('span', {}, 'Classroom server'), server),
    h('label', { class: 'wb-field' }, h('span', {}, 'Session title'), title),
    send, result);
}
