/**
 * Two lines on the trainee's classroom strip: the pace the trainer set for every call (whatever
 * the trainee's own setting), and a note when the trainer adds a call to the running session, with
 * a button that loads it (the page rejoins with its stored seat; a call in progress is kept and
 * offered again to resume).
 */
import { el } from './classroom-dom.ts';

export function paceNote(pace: 'live' | 'untimed'): HTMLElement {
  return el('span', { id: 'session-pace', 'data-pace': pace }, pace === 'live'
    ? 'Live pace, set by your trainer: silence while you decide counts as dead air'
    : 'Untimed, set by your trainer: take the time you need');
}

/** Shows the calls the trainer added since this page loaded its menu (nothing when there are none). */
export function addedCallsNote(note: HTMLElement, offered: readonly string[], scenarios: readonly { readonly hash: string; readonly title: string }[]): void {
  const fresh = scenarios.filter((s) => !offered.includes(s.hash));
  if (fresh.length === 0) return;
  const load = el('button', { type: 'button', id: 'load-added-calls' }, 'Add them to my menu');
  load.addEventListener('click', () => location.reload());
  const titles = fresh.map((s) => `“${s.title}”`).join(', ');
  note.replaceChildren(`Your trainer added ${fresh.length === 1 ? 'a call' : `${fresh.length} calls`}: ${titles}. `, load);
  note.hidden = false;
}
