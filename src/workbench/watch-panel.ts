/**
 * The watch panel beside the test call: after every turn, where the call is, mood, patience,
 * flags, ID&V, QA items met and missed, and the simulated time — with a line per turn so a change
 * (patience falling, a flag set) can be seen as it happens.
 */
import { formatDuration } from '../ui/format.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import type { WatchState } from './watch.ts';

function list(items: readonly string[]): string {
  return items.length === 0 ? '—' : items.join(', ');
}

function change(before: number | undefined, after: number): string {
  if (before === undefined || before === after) return String(after);
  return `${before} → ${after}`;
}

export function renderWatch(holder: HTMLElement, turns: readonly WatchState[]): void {
  const now = turns.at(-1);
  const before = turns.at(-2);
  if (now === undefined) {
    replaceChildren(holder, h('p', { class: 'hint' }, 'Answer the call to start watching.'));
    return;
  }
  replaceChildren(holder,
    h('dl', { class: 'facts wb-watch-now', 'data-testid': 'watch' },
      h('dt', {}, 'At'), h('dd', { 'data-watch': 'at' }, now.at.replace(/^__/, '')),
      h('dt', {}, 'Mood'), h('dd', { 'data-watch': 'mood' }, change(before?.mood, now.mood)),
      h('dt', {}, 'Patience'), h('dd', { 'data-watch': 'patience' }, change(before?.patience, now.patience)),
      h('dt', {}, 'Flags'), h('dd', { 'data-watch': 'flags' }, list(now.flags)),
      h('dt', {}, 'ID&V'), h('dd', { 'data-watch': 'idv' }, now.idv),
      h('dt', {}, 'QA met'), h('dd', { 'data-watch': 'qa-met' }, list(now.qaMet)),
      h('dt', {}, 'QA missed'), h('dd', { 'data-watch': 'qa-missed' }, list(now.qaMissed)),
      h('dt', {}, 'Time'), h('dd', { 'data-watch': 'time' }, formatDuration(now.time))),
    h('h3', {}, 'Turn by turn'),
    h('ol', { class: 'wb-turns', 'aria-label': 'Turn by turn' }, turns.map((t, i) =>
      h('li', {}, `${t.at.replace(/^__/, '')} · mood ${t.mood} · patience ${t.patience}${i > 0 && turns[i - 1]!.patience !== t.patience ? ` (${t.patience - turns[i - 1]!.patience > 0 ? '+' : ''}${t.patience - turns[i - 1]!.patience})` : ''} · ${formatDuration(t.time)}`))));
}
