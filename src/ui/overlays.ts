/**
 * Overlays over any screen: the checker's diagnostics for a broken file, and yes/no prompts. Each is
 * a modal `<dialog>`: the rest of the page is inert, Tab stays inside, Escape closes it, and focus
 * goes back where it was (or to the screen's heading when that has gone).
 */
import type { Diagnostic } from '../scenario/diagnostics.ts';
import { h } from './dom.ts';

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab go round the dialog's own controls, never out to the browser's. */
function trapTab(e: KeyboardEvent, dialog: HTMLDialogElement): void {
  if (e.key !== 'Tab') return;
  const stops = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (stops.length === 0) return;
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

export function showOverlay(host: HTMLElement, build: (close: () => void) => { id: string; content: HTMLElement[] }): void {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let dialog: HTMLDialogElement | null = null;
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    if (dialog?.open) dialog.close();
    dialog?.remove();
    const back = previous !== null && previous.isConnected && previous !== document.body ? previous : host.querySelector<HTMLElement>('h1');
    if (back !== null && document.querySelector('dialog[open]') === null) {
      if (back.tagName === 'H1') back.setAttribute('tabindex', '-1');
      back.focus();
    }
  };
  const { id, content } = build(close);
  dialog = h('dialog', { class: 'overlay-box', 'aria-labelledby': id, 'data-testid': 'dialog' }, content);
  // Escape: the dialog's own cancel, closed the same way as its buttons.
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  dialog.addEventListener('keydown', (e) => trapTab(e, dialog!));
  host.append(dialog);
  dialog.showModal();
  dialog.querySelector<HTMLElement>('button')?.focus();
}

export function diagnosticsContent(file: string, diagnostics: readonly Diagnostic[], close: () => void): { id: string; content: HTMLElement[] } {
  return {
    id: 'diag-title',
    content: [
      h('h2', { id: 'diag-title' }, `${file} cannot be played`),
      h('ol', { class: 'diagnostics', 'data-testid': 'diagnostics' }, diagnostics.map((d) => h('li', { class: d.severity },
        h('strong', {}, `${d.severity === 'error' ? 'Error' : 'Warning'} ${d.code}`), ` at line ${d.line}, column ${d.col}: ${d.message}`,
        h('p', { class: 'hint' }, `Hint: ${d.hint}`)))),
      h('button', { type: 'button', class: 'action primary', onclick: close }, 'Close'),
    ],
  };
}

export function confirmContent(title: string, text: string, yes: string, no: string | null, answer: (yes: boolean) => void, close: () => void): { id: string; content: HTMLElement[] } {
  return {
    id: 'confirm-title',
    content: [
      h('h2', { id: 'confirm-title' }, title), h('p', {}, text),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'action primary', onclick: () => { close(); answer(true); } }, yes),
        no === null ? null : h('button', { type: 'button', class: 'action', onclick: () => { close(); answer(false); } }, no)),
    ],
  };
}
