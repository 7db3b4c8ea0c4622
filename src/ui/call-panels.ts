/** The call desk's side panels: the CRM record, the ID&V check, the clock and the customer meters. */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { CallView } from '../core/engine/call-view.ts';
import { h } from './dom.ts';
import { formatDuration, moodWord } from './format.ts';

export function crmPanel(scenario: Scenario): HTMLElement {
  return h('section', { class: 'panel crm', 'aria-labelledby': 'crm-title' },
    h('h2', { id: 'crm-title' }, 'CRM record'),
    h('dl', {}, scenario.crm.fields.flatMap((f) => [h('dt', {}, f.label), h('dd', {}, f.value || '—')])),
    scenario.crm.history?.length
      ? [h('h3', {}, 'Contact history'), h('ul', { class: 'history' }, scenario.crm.history.map((e) => h('li', {}, h('span', { class: 'date' }, e.date), ' ', e.text)))]
      : null,
  );
}

function meter(label: string, value: number, min: number, max: number, text: string, cls: string): HTMLElement {
  const share = ((value - min) / (max - min)) * 100;
  return h('div', { class: `meter ${cls}` },
    h('span', { class: 'meter-label' }, label),
    h('div', { class: 'meter-track', role: 'meter', 'aria-label': label, 'aria-valuemin': min, 'aria-valuemax': max, 'aria-valuenow': value, 'aria-valuetext': text },
      h('div', { class: 'meter-fill', style: `width:${share.toFixed(0)}%` })),
    h('span', { class: 'meter-text' }, text),
  );
}

export function statusBar(view: CallView, customerName: string): HTMLElement {
  const { clock } = view;
  const over = clock.total > clock.target;
  return h('section', { class: 'panel status', 'aria-label': 'Call status' },
    h('div', { class: `clock ${over ? 'over' : ''}`, 'data-testid': 'call-clock' },
      h('span', {}, 'Talk ', h('strong', {}, formatDuration(clock.talk))),
      h('span', {}, 'Hold ', h('strong', {}, formatDuration(clock.hold))),
      h('span', {}, 'Total ', h('strong', {}, formatDuration(clock.total)), ' / target ', formatDuration(clock.target)),
    ),
    meter(`${customerName}'s mood`, view.mood, -5, 5, moodWord(view.mood), view.mood < 0 ? 'bad' : 'good'),
    meter('Patience', view.patience, 0, 100, `${view.patience}%`, view.patience < 30 ? 'bad' : 'good'),
  );
}
