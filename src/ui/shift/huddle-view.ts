/** The huddle before a shift: the team's targets and the one focus point the report will check. */
import type { Huddle, ShiftPlan } from '../../core/shift/shift-plan.ts';
import { FOCUS_POINTS } from '../../core/shift/shift-plan.ts';
import { h } from '../dom.ts';
import { clock, plural } from './shift-format.ts';
import './shift.css';

export function renderHuddle(huddle: Huddle, plan: ShiftPlan): HTMLElement {
  const focus = FOCUS_POINTS[huddle.focus];
  const target = (label: string, value: string) => h('li', {}, h('span', { class: 'hint' }, label), h('strong', {}, value));
  return h(
    'section',
    { class: 'panel huddle', 'aria-labelledby': 'huddle-title', 'data-testid': 'huddle' },
    h('h2', { id: 'huddle-title' }, 'Huddle: today’s targets'),
    h('p', { class: 'summary' }, `You take ${plural(plan.contacts, 'call')} from the queue. The board simulates your team as if everyone worked the way you do.`),
    h(
      'ul',
      { class: 'huddle-targets' },
      target('Service level', `${huddle.serviceLevel.percent} % in ${huddle.serviceLevel.seconds} s`),
      target('Average handle time', clock(huddle.ahtSeconds)),
      target('First contact resolution', `${huddle.fcrPercent} %`),
      target('Quality (QA)', `${huddle.qaPercent} %`),
      target('CSAT (4-5 stars)', `${huddle.csatPercent} %`),
    ),
    h('div', { class: 'focus-point', 'data-testid': 'focus-point' }, h('strong', {}, `Focus: ${focus.label}. `), focus.text),
  );
}
