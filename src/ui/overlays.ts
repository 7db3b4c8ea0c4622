/** Overlays over any screen: the checker's diagnostics for a broken file, and yes/no prompts. */
import type { Diagnostic } from '../scenario/diagnostics.ts';
import { h } from './dom.ts';

function overlay(labelId: string, content: HTMLElement[], onClose: () => void): HTMLElement {
  const dialog = h('div', { class: 'overlay', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': labelId }, h('div', { class: 'overlay-box' }, content));
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') onClose();
  });
  return dialog;
}

export function showOverlay(host: HTMLElement, build: (close: () => void) => { id: string; content: HTMLElement[] }): void {
  const previous = document.activeElement as HTMLElement | null;
  let el: HTMLElement | null = null;
  const close = () => {
    el?.remove();
    previous?.focus();
  };
  const { id, content } = build(close);
  el = overlay(id, content, close);
  host.append(el);
  el.querySelector<HTMLElement>('button')?.focus();
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
