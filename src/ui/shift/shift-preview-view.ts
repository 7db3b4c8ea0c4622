/**
 * A trainer's preview of a solo shift: pick a seed, how far over target a trainee runs and how many
 * calls they leave unresolved, then step through the calls and see the huddle, the wallboard after
 * each call and the end-of-shift report, exactly as the game's shift mode builds them. The calls
 * are made-up KPI records, not played calls.
 */
import { defaultShiftPlan } from '../../core/shift/shift-plan.ts';
import { h, replaceChildren } from '../dom.ts';
import { renderHuddle } from './huddle-view.ts';
import { renderShiftReport } from './report-view.ts';
import { startShiftController, type ShiftController } from './shift-controller.ts';
import { renderWallboard } from './wallboard-view.ts';
import './shift.css';

/** A stand-in call length: the preview's calls all have a 5-minute target. */
const PREVIEW_TARGET_SECONDS = 300;

function numberField(id: string, label: string, value: string, hint: string): [HTMLElement, HTMLInputElement] {
  const input = h('input', { id, type: 'number', value, 'aria-describedby': `${id}-hint` });
  return [h('div', { class: 'field' }, h('label', { for: id }, label), input, h('p', { class: 'field-hint', id: `${id}-hint` }, hint)), input];
}

export function renderShiftPreview(library: readonly string[]): HTMLElement {
  const [seedField, seedInput] = numberField('preview-seed', 'Shift seed', '7', 'Same seed, same shift');
  const [extraField, extraInput] = numberField('preview-extra', 'Seconds over target per call', '60', 'Negative: under target');
  const [missField, missInput] = numberField('preview-missed', 'Calls not resolved first time', '1', 'Counted from the first call');
  const stage = h('div', { class: 'shift-page', 'data-testid': 'preview-stage' });
  const message = h('p', { class: 'error', role: 'alert' });
  let shift: ShiftController | null = null;
  let taken = 0;

  const takeCall = () => {
    if (shift === null) return;
    const contact = shift.nextContact();
    if (contact === null) return;
    const extra = Number(extraInput.value) || 0;
    const missed = taken < (Number(missInput.value) || 0);
    const outcome = shift.record({
      scenarioId: contact.scenarioId,
      ahtSeconds: Math.max(0, PREVIEW_TARGET_SECONDS + extra),
      ahtTargetSeconds: PREVIEW_TARGET_SECONDS,
      fcr: missed ? 'no' : 'yes',
      qa: 88,
      csatStars: missed ? 3 : 4,
      fatal: false,
    });
    if (!outcome.ok) {
      message.textContent = outcome.error;
      return;
    }
    taken += 1;
    show();
  };

  const show = () => {
    if (shift === null) return;
    const next = shift.nextContact();
    const report = shift.report();
    replaceChildren(
      stage,
      taken === 0 ? renderHuddle(shift.huddle(), shift.plan) : null,
      renderWallboard(shift.wallboard()),
      next === null
        ? null
        : h('p', { class: 'row' }, h('button', { class: 'action primary', type: 'button', 'data-testid': 'take-call', onclick: takeCall }, `Take call ${next.index + 1}: ${next.scenarioId}${next.callback ? ' (ringing back)' : ''}`)),
      report === null ? null : renderShiftReport(report),
    );
  };

  const start = () => {
    message.textContent = '';
    const seed = Number(seedInput.value);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      message.textContent = 'The seed must be a whole number from 0 to 4294967295.';
      return;
    }
    shift = startShiftController(defaultShiftPlan({ seed, library, contacts: 3 }));
    taken = 0;
    show();
  };

  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'preview-title', 'data-testid': 'shift-preview' },
    h('h2', { id: 'preview-title' }, 'Preview a three-call shift'),
    h('p', { class: 'summary' }, 'See what a trainee sees in shift mode: the huddle, the wallboard between calls and the end-of-shift report. The calls here are stand-ins with a 5-minute target.'),
    h('div', { class: 'preview-controls' }, seedField, extraField, missField, h('button', { class: 'action', type: 'button', 'data-testid': 'start-shift', onclick: start }, 'Start the shift')),
    message,
    stage,
  );
}
