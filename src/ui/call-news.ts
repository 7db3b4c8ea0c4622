/**
 * What a sighted trainee notices without reading a line, put into words for everyone else: the call
 * connecting or ending, a new task on the desk (hold, look-up, transfer, wrap-up), the customer's mood
 * changing word and patience running low. Each is said once, when it happens. No DOM here.
 */
import type { CallView } from '../core/engine/call-view.ts';
import { formatDuration, moodWord } from './format.ts';

/** Patience below this share (in %) is "running low": the bar turns red at the same point. */
export const LOW_PATIENCE = 30;

/** What the new phase asks of the trainee, said when the desk changes to it. */
export function phaseNews(before: CallView | null, after: CallView): string | null {
  if (before?.phase === after.phase) {
    if (after.phase === 'hold' && after.hold !== null && before.hold !== null && after.hold.done !== before.hold.done) {
      return `Work done ${formatDuration(after.hold.done)} of ${formatDuration(after.hold.total)}.`;
    }
    return null;
  }
  switch (after.phase) {
    case 'ringing':
      return 'The phone is ringing. Press Answer.';
    case 'idv':
      return 'Security check: ask the questions in the ID&V table, mark each answer, then pass or fail the caller.';
    case 'hold':
      return after.hold === null ? 'Customer on hold.' : `Customer on hold while you work on: ${after.hold.reason}. Work done ${formatDuration(after.hold.done)} of ${formatDuration(after.hold.total)}.`;
    case 'lookup':
      return after.knowledge === null ? 'Knowledge base look-up.' : `Knowledge base look-up. You need to: ${after.knowledge.task}`;
    case 'transfer':
    case 'escalate':
      return `${after.phase === 'escalate' ? 'Escalate' : 'Transfer'} the call: choose a team from the directory, warm or cold, then confirm.${after.routing?.available === false ? ' Note: the person you escalate to may not be free right now.' : ''}`;
    case 'callback':
      return after.callback === null ? null : `Callback from ${after.callback.who}, ${after.callback.when}.`;
    case 'wrapup':
      return `${after.wrapup?.outcome === 'hung-up' ? 'The customer hung up.' : 'Call ended.'} Wrap-up: choose a disposition code and write your notes.`;
    case 'talk':
      return before?.phase === 'ringing' ? 'Call connected.' : null;
    case 'done':
      return null;
  }
}

/** A change of mood word, or patience falling below the low mark (said once each time it falls). */
export function feelingNews(before: CallView | null, after: CallView, customerName: string): string[] {
  if (before === null || before.phase === 'ringing') return [];
  const news: string[] = [];
  const was = moodWord(before.mood);
  const now = moodWord(after.mood);
  if (was !== now) news.push(`${customerName} is now ${now}.`);
  if (before.patience >= LOW_PATIENCE && after.patience < LOW_PATIENCE) news.push(`${customerName}'s patience is running low (${after.patience}%).`);
  return news;
}
