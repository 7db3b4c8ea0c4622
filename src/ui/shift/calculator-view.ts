/**
 * The trainer's what-if calculator in the browser: the same checks and Erlang C figures as
 * `npm run shift:erlang`, recomputed as the trainer types, with a staffing ladder around the
 * answer. A field with a bad value says why and keeps the trainer's text.
 */
import { agentsNeeded, averageSpeedOfAnswer, occupancy, serviceLevel } from '../../core/shift/erlang.ts';
import { byLabel, checkWhatIf, WHAT_IF_FIELDS, WHAT_IF_KEYS, whatIf, type WhatIfField, type WhatIfInput } from '../../core/shift/what-if.ts';
import { h, replaceChildren } from '../dom.ts';
import { pct, secs } from './shift-format.ts';
import './shift.css';

export const CALCULATOR_DEFAULTS: Readonly<Record<WhatIfField, string>> = Object.freeze({ calls: '200', minutes: '60', aht: '180', agents: '13', answerWithin: '20', target: '80%' });

const HINTS: Record<WhatIfField, string> = {
  calls: 'Calls arriving in the period',
  minutes: 'Length of the period',
  aht: 'Talk + hold + wrap, per call',
  agents: 'Agents taking calls',
  answerWithin: 'The “20” in 80/20',
  target: 'Optional: 0.8 or 80%',
};

function tile(label: string, value: string, note: string, testId: string, status = ''): HTMLElement {
  return h('li', { class: `tile ${status}`, 'data-testid': testId }, h('span', { class: 'tile-label' }, label), h('span', { class: 'tile-value' }, value), h('span', { class: 'tile-note' }, note));
}

function results(input: WhatIfInput): HTMLElement[] {
  const r = whatIf(input);
  const meets = input.target === undefined ? '' : r.serviceLevel >= input.target ? 'on-target' : 'off-target';
  const overloaded = r.asaSeconds === null;
  return [
    h(
      'ul',
      { class: 'calc-results' },
      tile('Traffic', `${r.erlangs.toFixed(2)} E`, 'erlangs: hours of handling per hour', 'calc-erlangs'),
      tile('Chance a caller waits', pct(r.probabilityOfWaiting, 1), 'Erlang C', 'calc-pw'),
      tile('Service level', pct(r.serviceLevel, 1), `answered within ${input.answerWithinSeconds} s`, 'calc-sl', meets),
      tile('Average speed of answer', overloaded ? 'no limit' : secs(r.asaSeconds), overloaded ? 'the queue keeps growing' : 'mean wait of all callers', 'calc-asa', overloaded ? 'off-target' : ''),
      tile('Occupancy', pct(r.occupancy, 1), r.occupancy > 0.85 ? 'over 85 %: agents burn out' : 'time agents spend on calls', 'calc-occupancy', r.occupancy > 0.85 ? 'warning' : ''),
      input.target === undefined
        ? null
        : tile('Agents needed', r.agentsNeeded === null || r.agentsNeeded === undefined ? 'none enough' : String(r.agentsNeeded), `fewest for ${pct(input.target)} in ${input.answerWithinSeconds} s`, 'calc-needed'),
    ),
    overloaded ? h('p', { class: 'error', role: 'status' }, `${input.agents} agents cannot keep up with ${r.erlangs.toFixed(2)} erlangs: every caller waits and the wait has no limit. Add agents.`) : null,
    ladder(input, r.erlangs),
  ].filter((e): e is HTMLElement => e !== null);
}

/** Service level, ASA and occupancy for team sizes around the answer. */
function ladder(input: WhatIfInput, erlangs: number): HTMLElement {
  const needed = input.target === undefined ? null : agentsNeeded(erlangs, input.ahtSeconds, input.answerWithinSeconds, input.target);
  const first = Math.max(1, Math.floor(erlangs) + 1, Math.min(input.agents, needed ?? input.agents) - 3);
  const last = Math.min(first + 11, Math.max(input.agents, needed ?? 0) + 3);
  const rows: HTMLElement[] = [];
  for (let n = first; n <= last; n += 1) {
    const sl = serviceLevel(erlangs, n, input.ahtSeconds, input.answerWithinSeconds);
    const reaches = input.target !== undefined && sl >= input.target;
    rows.push(
      h(
        'tr',
        { class: n === input.agents ? 'current' : null },
        h('th', { scope: 'row' }, n === input.agents ? `${n} (yours)` : String(n)),
        h('td', { class: reaches ? 'reaches' : null }, pct(sl, 1)),
        h('td', {}, secs(averageSpeedOfAnswer(erlangs, n, input.ahtSeconds))),
        h('td', {}, pct(occupancy(erlangs, n), 1)),
      ),
    );
  }
  return h(
    'details',
    { class: 'ladder', open: true },
    h('summary', {}, 'Staffing ladder'),
    h('table', { 'data-testid': 'calc-ladder' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Agents'), h('th', { scope: 'col' }, 'Service level'), h('th', { scope: 'col' }, 'Average wait'), h('th', { scope: 'col' }, 'Occupancy'))), h('tbody', {}, rows)),
  );
}

export function renderCalculator(initial: Partial<Record<WhatIfField, string>> = {}): HTMLElement {
  const out = h('div', { 'aria-live': 'polite', 'data-testid': 'calc-output' });
  const inputs = new Map<WhatIfField, HTMLInputElement>();
  const errors = new Map<WhatIfField, HTMLElement>();
  const update = () => {
    const fields = Object.fromEntries(WHAT_IF_KEYS.map((k) => [k, inputs.get(k)!.value])) as Record<WhatIfField, string>;
    const checked = checkWhatIf(fields, byLabel);
    for (const key of WHAT_IF_KEYS) {
      const message = checked.ok ? undefined : checked.errors[key];
      errors.get(key)!.textContent = message ?? '';
      if (message === undefined) inputs.get(key)!.removeAttribute('aria-invalid');
      else inputs.get(key)!.setAttribute('aria-invalid', 'true');
    }
    if (checked.ok) replaceChildren(out, results(checked.input));
    else replaceChildren(out, h('p', { class: 'hint', 'data-testid': 'calc-waiting' }, 'Correct the highlighted field to see the figures.'));
  };
  const fields = WHAT_IF_KEYS.map((key) => {
    const id = `calc-${key}`;
    const input = h('input', { id, name: key, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: initial[key] ?? CALCULATOR_DEFAULTS[key], 'aria-describedby': `${id}-hint ${id}-error`, oninput: update });
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    inputs.set(key, input);
    errors.set(key, error);
    return h('div', { class: 'field' }, h('label', { for: id }, WHAT_IF_FIELDS[key].label), input, h('p', { class: 'field-hint', id: `${id}-hint` }, HINTS[key]), error);
  });
  const form = h('form', { class: 'calc-form', 'aria-label': 'Queue figures', onsubmit: (e: Event) => e.preventDefault() }, fields);
  update();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'calc-title', 'data-testid': 'calculator' },
    h('h2', { id: 'calc-title' }, 'What if… (Erlang C)'),
    form,
    out,
    h('p', { class: 'hint' }, 'Erlang C assumes no caller hangs up, so real queues with abandonment do a little better than it says: treat its agent count as a safe upper figure. Add shrinkage (breaks, training, absence: often 30 %) on top to roster: 14 agents ÷ 0.7 = 20 on the rota.'),
  );
}
