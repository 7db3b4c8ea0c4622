/**
 * The problems list under the editor: every diagnostic with its code, message and fix hint; a
 * click (or Enter) on one moves the editor's cursor to its line.
 */
import type { Diagnostic } from '../scenario/diagnostics.ts';
import { h, replaceChildren } from '../ui/dom.ts';

export function renderProblems(holder: HTMLElement, diagnostics: readonly Diagnostic[], jump: (line: number, col: number) => void): void {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary = diagnostics.length === 0
    ? 'No problems: the call checks clean.'
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  replaceChildren(holder,
    h('p', { class: `wb-problems-summary ${errors > 0 ? 'has-errors' : ''}`, 'data-testid': 'problems-summary' }, summary),
    diagnostics.length === 0 ? null : h('ul', { class: 'wb-problems' }, diagnostics.map((d) =>
      h('li', {},
        h('button', { type: 'button', class: `wb-problem ${d.severity}`, 'data-line': d.line, 'data-code': d.code, onclick: () => jump(d.line, d.col) },
          h('span', { class: 'wb-where' }, `line ${d.line}`),
          h('span', { class: 'wb-sev' }, d.severity === 'error' ? 'Error' : 'Warning'),
          h('span', { class: 'wb-code' }, d.code),
          h('span', { class: 'wb-message' }, d.message),
          h('span', { class: 'wb-fix' }, `Fix: ${d.hint}`)))),
    ));
}
