/**
 * Where focus goes after each turn on the call desk. It never falls to the page body and never lands
 * on an answer: it stays on (or returns to) the task panel, a stable element whose name says what the
 * task is, except where the trainee is working through a tool (the ID&V row just asked, the search
 * results, the article just opened), which keeps focus with the work.
 */
import type { CallView } from '../core/engine/call-view.ts';
import type { CallEvent } from '../shared/call-events.ts';

export interface FocusPlace {
  readonly actions: HTMLElement;
  readonly view: CallView;
  readonly event: CallEvent | null;
  /** The ID&V row focus was in before the panel was drawn again, if any. */
  readonly idvKey: string | null;
}

function toolTarget({ actions, event, idvKey }: FocusPlace): HTMLElement | null {
  if (event?.type === 'idv.ask' || (idvKey !== null && event === null)) {
    const key = event?.type === 'idv.ask' ? event.key : idvKey!;
    return actions.querySelector<HTMLElement>(`tr[data-idv-key="${CSS.escape(key)}"] input, tr[data-idv-key="${CSS.escape(key)}"] button`);
  }
  if (event?.type === 'kb.search') return actions.querySelector<HTMLElement>('[data-testid="kb-results"]');
  if (event?.type === 'kb.open') return actions.querySelector<HTMLElement>(`article[data-article="${CSS.escape(event.article)}"] h4`);
  return null;
}

export function placeFocus(place: FocusPlace): void {
  const { actions, view } = place;
  const target = view.phase === 'ringing' ? actions.querySelector<HTMLElement>('button[data-key="a"]') : toolTarget(place);
  if (target !== null) {
    if (!target.hasAttribute('tabindex') && !target.matches('button, input, a[href], select, textarea')) target.setAttribute('tabindex', '-1');
    target.focus();
    return;
  }
  const active = document.activeElement;
  // Focus still on something in the panel that survived the redraw (a search box, a radio): leave it.
  if (active !== null && active !== actions && actions.contains(active)) return;
  if (active !== actions) actions.focus();
}
