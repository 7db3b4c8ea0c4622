/**
 * Shift mode in the game: a huddle, then calls from the queue played in the real desk, the team's
 * wallboard between them, and the end-of-shift report. The shift itself (queue, Erlang C, what-ifs)
 * is the core's; this file only moves between screens.
 */
import type { Scorecard } from '../shared/scorecard.ts';
import { defaultShiftPlan } from '../core/shift/shift-plan.ts';
import { kpisFromScorecard } from '../core/shift/call-kpis.ts';
import type { ShiftContact } from '../core/shift/shift-contacts.ts';
import { startShiftController, type ShiftController } from './shift/shift-controller.ts';
import { renderHuddle } from './shift/huddle-view.ts';
import { renderWallboard } from './shift/wallboard-view.ts';
import { renderShiftReport } from './shift/report-view.ts';
import { h } from './dom.ts';

export const SHIFT_CALLS = 3;

export interface ShiftScreens {
  /** Shows a screen (the app's own `show`). */
  readonly show: (name: string, el: HTMLElement) => void;
  /** Plays the call with this scenario id; false when the library has no such playable call. */
  readonly playCall: (scenarioId: string) => boolean;
  readonly backToMenu: () => void;
}

export interface ShiftMode {
  /** Records a finished call of the shift: the wallboard comes next (see `continueShift`). */
  record(card: Scorecard): string | null;
  /** After the call's results: the wallboard and the next call, or the end-of-shift report. */
  continueShift(): void;
}

export function startShiftMode(ids: readonly string[], seed: number, screens: ShiftScreens): ShiftMode {
  const shift: ShiftController = startShiftController(defaultShiftPlan({ seed, library: ids, contacts: SHIFT_CALLS }));

  const takeButton = (next: ShiftContact) =>
    h('button', { type: 'button', class: 'action primary', 'data-testid': 'take-call', onclick: () => take(next) },
      `Take call ${next.index + 1} of ${shift.plan.contacts}${next.callback ? ' (a customer ringing back)' : ''}`);

  function take(next: ShiftContact): void {
    if (!screens.playCall(next.scenarioId)) {
      screens.show('shift', h('div', { class: 'screen' }, h('h1', {}, 'This shift cannot go on'), h('p', {}, `The call "${next.scenarioId}" is not in the library.`),
        h('button', { type: 'button', class: 'action', onclick: screens.backToMenu }, 'Back to the calls')));
    }
  }

  function board(): void {
    const next = shift.nextContact();
    const report = next === null ? shift.report() : null;
    screens.show('shift', h('div', { class: 'screen shift-mode', 'data-screen': 'shift' },
      h('h1', { tabindex: -1 }, report === null ? 'Your shift: the wallboard' : 'Your shift is over'),
      renderWallboard(shift.wallboard()),
      next === null ? null : h('p', { class: 'row' }, takeButton(next)),
      report === null ? null : renderShiftReport(report),
      report === null ? null : h('p', { class: 'row' }, h('button', { type: 'button', class: 'action', onclick: screens.backToMenu }, 'Back to the calls'))));
  }

  const first = shift.nextContact();
  screens.show('shift', h('div', { class: 'screen shift-mode', 'data-screen': 'shift' },
    h('h1', { tabindex: -1 }, 'Start of shift'),
    renderHuddle(shift.huddle(), shift.plan),
    renderWallboard(shift.wallboard()),
    first === null ? null : h('p', { class: 'row' }, takeButton(first))));

  return {
    record(card) {
      const result = shift.record(kpisFromScorecard(card));
      return result.ok ? null : result.error;
    },
    continueShift: board,
  };
}
