/**
 * The "play from here" form: which step to start at and with what state — mood, patience, the
 * flags the call uses, ID&V not done, passed or failed, and the time already on the clock. It
 * starts at the step the editor's cursor is in, with the call's own starting values.
 */
import type { IdvState } from '../core/engine/call-context.ts';
import type { StartPoint } from '../core/engine/start-from.ts';
import { h } from '../ui/dom.ts';
import type { StartChoices } from './start-choices.ts';

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'wb-field' }, h('span', {}, label), control, hint === undefined ? null : h('small', { class: 'hint' }, hint));
}

export function startForm(choices: StartChoices, step: string, start: (point: StartPoint) => void): HTMLFormElement {
  const { steps } = choices;
  const chosen = steps.includes(step) ? step : choices.first;
  const stepSelect = h('select', { name: 'step', 'data-testid': 'start-step' }, steps.map((id) => h('option', { value: id, selected: id === chosen }, id === choices.first ? `${id} (the start)` : id)));
  const mood = h('input', { type: 'number', name: 'mood', min: -5, max: 5, step: 1, value: choices.mood, 'data-testid': 'start-mood' });
  const patience = h('input', { type: 'number', name: 'patience', min: 0, max: 100, step: 1, value: choices.patience, 'data-testid': 'start-patience' });
  const elapsed = h('input', { type: 'number', name: 'elapsed', min: 0, max: 7200, step: 5, value: 0, 'data-testid': 'start-elapsed' });
  const idv = h('select', { name: 'idv', 'data-testid': 'start-idv' },
    h('option', { value: 'not-done' }, 'not done yet'), h('option', { value: 'passed' }, 'passed'), h('option', { value: 'failed' }, 'failed'));
  const { flags } = choices;
  const flagBoxes = flags.map((f) => h('label', { class: 'wb-flag' }, h('input', { type: 'checkbox', name: 'flag', value: f }), ` ${f}`));
  const form = h('form', { class: 'wb-start panel', 'aria-label': 'Play from here' },
    h('h2', {}, 'Play from here'),
    h('p', { class: 'hint' }, 'Start a test call at any step, in the state the caller would be in by then. It plays in the game’s own call desk; your text stays as it is.'),
    h('div', { class: 'wb-start-grid' },
      field('Start at step', stepSelect),
      field('Mood (−5 to 5)', mood),
      field('Patience (0–100)', patience, 'At 0 the caller hangs up.'),
      field('ID&V', idv),
      field('Time already on the call (s)', elapsed)),
    flags.length === 0 ? h('p', { class: 'hint' }, 'This call uses no flags.') : h('fieldset', { class: 'wb-flags' }, h('legend', {}, 'Flags already set'), flagBoxes),
    h('button', { type: 'submit', class: 'action primary', 'data-testid': 'start-test' }, 'Start the test call'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const number = (input: HTMLInputElement, fallback: number) => (Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : fallback);
    start({
      step: stepSelect.value,
      mood: number(mood, choices.mood),
      patience: number(patience, choices.patience),
      flags: flagBoxes.map((l) => l.querySelector('input')!).filter((i) => i.checked).map((i) => i.value),
      idv: idv.value as IdvState,
      elapsed: number(elapsed, 0),
    });
  });
  return form;
}
