/**
 * Transfer and escalation: choose whom from the directory (what each team handles, and its
 * hours), how (warm, briefing the colleague, or cold), and for a warm transfer the handover to give.
 */
import type { CallView } from '../core/engine/call-view.ts';
import type { CallEvent } from '../shared/call-events.ts';
import { h } from './dom.ts';

export function routingPanel(view: CallView, send: (event: CallEvent) => void): HTMLElement {
  const routing = view.routing!;
  const verb = routing.kind === 'escalate' ? 'Escalate' : 'Transfer';
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'route-error' });
  const teams = h('fieldset', { class: 'directory' },
    h('legend', {}, 'Directory: who should take this call?'),
    routing.directory.map((t) => h('label', { class: 'team-option', 'data-team': t.id },
      h('input', { type: 'radio', name: 'route-team', value: t.id }),
      h('span', {}, h('strong', {}, t.name), h('span', { class: 'muted' }, ` — ${t.handles}. ${t.hours}.`)))));
  const modes = h('fieldset', { class: 'route-mode' },
    h('legend', {}, 'How?'),
    h('label', {}, h('input', { type: 'radio', name: 'route-mode', value: 'warm' }), ' Warm: brief the colleague first, then connect the customer'),
    h('label', {}, h('input', { type: 'radio', name: 'route-mode', value: 'cold' }), ' Cold: put the customer straight through'));
  const handovers = routing.handovers.length === 0
    ? null
    : h('fieldset', { class: 'handover' },
      h('legend', {}, 'Your handover to the colleague (warm only)'),
      routing.handovers.map((o) => h('label', { class: 'handover-option' },
        h('input', { type: 'radio', name: 'route-handover', value: String(o.index) }), ` “${o.say}”`)));
  const form = h('form', { class: 'phase-box routing', 'aria-labelledby': 'route-title', 'data-testid': 'routing' },
    h('h3', { id: 'route-title' }, routing.kind === 'escalate' ? 'Escalate the call' : 'Transfer the call'),
    routing.available === false ? h('p', { class: 'cue' }, 'Note: the person you escalate to may not be free right now.') : null,
    teams, modes, handovers, error,
    h('button', { type: 'submit', class: 'action primary' }, verb));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
    const team = value('route-team');
    const mode = value('route-mode') as 'warm' | 'cold' | undefined;
    const handover = value('route-handover');
    if (team === undefined) error.textContent = 'Choose a team from the directory.';
    else if (mode === undefined) error.textContent = 'Choose a warm or a cold transfer.';
    else if (mode === 'warm' && handovers !== null && handover === undefined) error.textContent = 'Choose what you will tell the colleague.';
    else {
      send({ type: 'agent.transfer', team, mode, handover: mode === 'warm' && handover !== undefined ? Number(handover) : null });
      return;
    }
  });
  return form;
}
