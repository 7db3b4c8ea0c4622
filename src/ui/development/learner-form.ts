/** The learner's details for the portfolio (name, centre, learner number), saved in this browser. */
import { h } from '../dom.ts';
import { LearnerSchema, type Learner } from '../../core/development/learner.ts';
import { loadLearner, saveLearner } from './store-access.ts';

export function learnerForm(done: (message: string) => void): HTMLElement {
  const learner = loadLearner();
  const field = (key: keyof Learner, label: string): [HTMLLabelElement, HTMLInputElement] => {
    const input = h('input', { type: 'text', id: `dev-learner-${key}`, value: learner[key], autocomplete: key === 'name' ? 'name' : 'off' });
    return [h('label', { class: 'block', for: `dev-learner-${key}` }, label), input];
  };
  const [nameLabel, name] = field('name', 'Your name');
  const [centreLabel, centre] = field('centre', 'Your centre (training provider or employer)');
  const [numberLabel, number] = field('learnerNumber', 'Learner number (optional)');
  const form = h('form', { class: 'card no-print', 'aria-labelledby': 'dev-learner-title' },
    h('h2', { id: 'dev-learner-title' }, 'Your details for the portfolio'),
    nameLabel, name, centreLabel, centre, numberLabel, number,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save details')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = LearnerSchema.safeParse({ name: name.value, centre: centre.value, learnerNumber: number.value });
    if (!parsed.success) { done(parsed.error.issues.map((i) => i.message).join('; ')); return; }
    try {
      saveLearner(parsed.data);
      done('Your details are saved for the portfolio.');
    } catch {
      done('Your details could not be saved in this browser; they will be lost when you close it.');
    }
  });
  return form;
}
