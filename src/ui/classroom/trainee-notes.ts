/**
 * Two lines on the trainee's classroom page: the pace the trainer set for every call (whatever
 * the trainee's own setting), and the words for a call the trainer adds to the running session
 * (it goes on the menu at once; see session-calls-feed.ts).
 */
import { el } from './classroom-dom.ts';

export function paceNote(pace: 'live' | 'untimed'): HTMLElement {
  return el('span', { id: 'session-pace', 'data-pace': pace }, pace === 'live'
    ? 'Live pace, set by your trainer: silence while you decide counts as dead air'
    : 'Untimed, set by your trainer: take the time you need');
}

export interface SessionCallTitle {
  readonly hash: string;
  readonly title: string;
}

const quoted = (calls: readonly SessionCallTitle[]) => calls.map((c) => `“${c.title}”`).join(', ');

/**
 * What the trainee is told when the trainer adds calls: which, and that they are on the menu, or
 * what to do about one this browser could not load; on a call, that the call goes on. Null when
 * nothing new was added.
 */
export function addedCallsText(fresh: readonly SessionCallTitle[], playable: readonly string[], onCall = false): string | null {
  if (fresh.length === 0) return null;
  const ready = fresh.filter((c) => playable.includes(c.hash));
  const failed = fresh.filter((c) => !playable.includes(c.hash));
  const head = `Your trainer added ${fresh.length === 1 ? 'a call' : `${fresh.length} calls`}: ${quoted(fresh)}.`;
  const one = (calls: readonly unknown[], single: string, several: string) => (calls.length === 1 ? single : several);
  const whatToDo = `${onCall ? 'after this call, ' : ''}reload the page, and if ${one(failed, 'it is', 'they are')} still missing, tell your trainer.`;
  const menu = onCall ? 'on your menu when this call ends' : 'on your menu';
  if (failed.length === 0) return `${head} ${one(fresh, 'It is', 'They are')} ${menu}.`;
  if (ready.length === 0) return `${head} ${one(fresh, 'It', 'They')} could not be loaded in this browser: ${whatToDo}`;
  return `${head} ${quoted(ready)} ${one(ready, 'is', 'are')} ${menu}; ${quoted(failed)} could not be loaded in this browser: ${whatToDo}`;
}
