/**
 * The knowledge base: search by words, open articles from the results (reading takes simulated
 * time), and answer from the one you judge right. Each article shows its source and "as of" date.
 */
import type { CallView } from '../core/engine/call-view.ts';
import type { CallEvent } from '../shared/call-events.ts';
import { h } from './dom.ts';

export function knowledgePanel(view: CallView, send: (event: CallEvent) => void): HTMLElement {
  const kb = view.knowledge!;
  const input = h('input', { id: 'kb-search', type: 'search', maxlength: 80, autocomplete: 'off', value: kb.query ?? '' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'kb-search', role: 'search', 'aria-label': 'Search the knowledge base' },
    h('label', { for: 'kb-search' }, 'Search the knowledge base'),
    h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'action' }, 'Search')),
    error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const query = input.value.trim();
    if (query === '') {
      error.textContent = 'Type a few words to search for.';
      input.focus();
      return;
    }
    send({ type: 'kb.search', query });
  });
  const openedIds = new Set(kb.opened.map((a) => a.id));
  const results = kb.query === null
    ? null
    : kb.results.length === 0
      ? h('p', { 'data-testid': 'kb-results' }, `No article matches “${kb.query}”. Try other words.`)
      : h('ol', { class: 'kb-results', 'data-testid': 'kb-results', 'aria-label': `Results for “${kb.query}”` },
        kb.results.map((r) => h('li', {},
          openedIds.has(r.id)
            ? h('span', {}, r.title, h('span', { class: 'muted' }, ' (open below)'))
            : h('button', { type: 'button', class: 'link-button', 'data-article': r.id, onclick: () => send({ type: 'kb.open', article: r.id }) }, r.title))));
  const opened = kb.opened.map((a) => h('article', { class: 'kb-article', 'data-article': a.id, 'aria-labelledby': `kb-${a.id}` },
    h('h4', { id: `kb-${a.id}` }, a.title),
    h('p', { class: 'article' }, a.body),
    h('p', { class: 'source' }, `Source: ${a.source} · checked ${a.asOf}`),
    h('button', { type: 'button', class: 'action', onclick: () => send({ type: 'kb.use', article: a.id }) }, 'Answer the customer from this article')));
  return h('section', { class: 'phase-box knowledge', 'aria-labelledby': 'kb-title', 'data-testid': 'knowledge-base' },
    h('h3', { id: 'kb-title' }, 'Knowledge base'),
    h('p', {}, h('strong', {}, 'You need to: '), kb.task),
    h('p', { class: 'hint' }, 'Each search takes about 5 seconds and reading an article takes time too; the customer is waiting.'),
    form, results, opened);
}
