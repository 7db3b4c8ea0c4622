/**
 * Received feedback on the plan: the entries so far, a form to add one (from a trainer or a peer,
 * with its text, optional QA section and date), and import from a JSON feedback file. A goal
 * suggested from an entry names it.
 */
import { h, replaceChildren } from '../dom.ts';
import { QA_SECTIONS, QA_SECTION_KEYS, type QaSectionKey } from '../../core/model/qa-sections.ts';
import { FEEDBACK_FROM, FEEDBACK_FORMAT, checkFeedback, feedbackLabel, readFeedbackFile, type FeedbackEntry } from '../../core/development/feedback.ts';
import { criteriaText } from '../../core/development/criteria.ts';
import { newId } from './record-call.ts';

export interface FeedbackActions {
  save(entry: FeedbackEntry): Promise<string | null>;
  importMany(entries: FeedbackEntry[]): Promise<number>;
  /** Shows a message on the plan after a change (and redraws it). */
  done(message: string): void;
}

export function feedbackPanel(entries: readonly FeedbackEntry[], today: string, actions: FeedbackActions): HTMLElement {
  const id = (n: string): string => `dev-feedback-${n}`;
  const from = h('select', { id: id('from') }, Object.entries(FEEDBACK_FROM).map(([k, v]) => h('option', { value: k }, v)));
  const name = h('input', { type: 'text', id: id('name'), autocomplete: 'off' });
  const text = h('textarea', { id: id('text'), rows: 3 });
  const section = h('select', { id: id('section') }, h('option', { value: '' }, 'Not about one area'), QA_SECTION_KEYS.map((k) => h('option', { value: k }, QA_SECTIONS[k].label)));
  const date = h('input', { type: 'date', id: id('date'), value: today });
  const errors = h('div', { role: 'alert' });
  const form = h('form', { class: 'card no-print', 'aria-labelledby': id('add-title') },
    h('h3', { id: id('add-title') }, 'Add feedback you received'),
    h('label', { class: 'block', for: id('from') }, 'Given by'), from,
    h('label', { class: 'block', for: id('name') }, 'Their name (optional)'), name,
    h('label', { class: 'block', for: id('text') }, 'What they said'), text,
    h('label', { class: 'block', for: id('section') }, 'QA area it is about (optional)'), section,
    h('label', { class: 'block', for: id('date') }, 'Date given'), date,
    errors,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add feedback')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const checked = checkFeedback({
      id: newId('feedback'), from: from.value as FeedbackEntry['from'], name: name.value, text: text.value,
      ...(section.value === '' ? {} : { qaSection: section.value as QaSectionKey }), date: date.value,
    });
    if (!checked.ok) {
      errors.className = 'alert';
      replaceChildren(errors, h('ul', {}, checked.problems.map((p) => h('li', {}, p))));
      return;
    }
    const problem = await actions.save(checked.value);
    if (problem !== null) { errors.className = 'alert'; errors.textContent = problem; return; }
    actions.done(`Feedback added: ${feedbackLabel(checked.value)}.`);
  });
  const file = h('input', { type: 'file', id: id('import'), accept: 'application/json,.json' });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (chosen === undefined) return;
    const read = readFeedbackFile(await chosen.text(), () => newId('feedback'));
    if (!read.ok) { actions.done(read.message); return; }
    const added = await actions.importMany(read.entries);
    const skipped = read.problems.length === 0 ? '' : ` ${read.problems.length} could not be read and were left out: ${read.problems.join(' ')}`;
    actions.done(`Imported ${added} feedback ${added === 1 ? 'entry' : 'entries'}.${skipped}`);
  });
  return h('section', { 'aria-labelledby': id('title') },
    h('h2', { id: id('title') }, 'Feedback received'),
    h('p', { class: 'refs' }, `Evidence for ${criteriaText('feedback')}`),
    entries.length === 0 ? h('p', { class: 'muted' }, 'No feedback recorded yet. Add what a trainer or a colleague told you; a goal can be suggested from it.') :
      h('ul', { 'data-testid': 'feedback-list' }, entries.map((f) => h('li', { 'data-feedback': f.id },
        h('strong', {}, `${feedbackLabel(f)}${f.qaSection === undefined ? '' : ` — ${QA_SECTIONS[f.qaSection].label}`}: `), f.text,
        f.source === 'typed' ? '' : h('span', { class: 'muted' }, ` (${f.source === 'imported' ? 'imported' : 'from the classroom'})`)))),
    form,
    h('div', { class: 'no-print' }, h('label', { class: 'block', for: id('import') }, `Import feedback from a JSON file (format “${FEEDBACK_FORMAT}”)`), file));
}
