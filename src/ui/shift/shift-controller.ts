/**
 * The solo shift's controller: the one object the game's menu and call flow talk to. It holds the
 * plan and the trainee's recorded calls; every view is recomputed from those, so a saved
 * `snapshot()` replays to the same wallboard and report.
 *
 * The lead's wiring, step by step:
 *   const shift = startShiftController(defaultShiftPlan({ seed, library: ids }));
 *   show renderHuddle(shift.huddle(), shift.plan)                       // before the first call
 *   for (let c = shift.nextContact(); c !== null; c = shift.nextContact()) {
 *     play the call c.scenarioId (c.callback: the same customer ringing back),
 *     score its run log (scoreRun(def, run)), then
 *     const r = shift.record(kpisFromScorecard(scorecard));           // refuses a mismatch, keeps the shift
 *     show renderWallboard(r.ok ? r.wallboard : shift.wallboard())
 *   }
 *   show renderShiftReport(shift.report()!)
 *
 * To replay or verify a shift, store `{ plan, runs }` (the plan carries the seed; each run log
 * carries its own `seed` for the option order, which the shift does not use), score each run again,
 * and call `resumeShiftController({ plan, calls: runs.map(score).map(kpisFromScorecard) })`.
 * The shift's KPIs are evidence for the development plan in the same shape as a call's
 * (`report.you`: AHT, FCR, QA, CSAT, fatal calls).
 */
import { CallKpisSchema, type CallKpis } from '../../core/shift/call-kpis.ts';
import type { ShiftContact } from '../../core/shift/shift-contacts.ts';
import { checkShiftPlan, type Huddle, type ShiftPlan } from '../../core/shift/shift-plan.ts';
import { shiftReport, type ShiftReport } from '../../core/shift/shift-report.ts';
import { nextContact, recordCall, replayShift, shiftComplete, startShift, wallboard, type ShiftSession, type WallboardView } from '../../core/shift/shift-session.ts';
import { z } from 'zod';

export type RecordOutcome =
  | { readonly ok: true; readonly wallboard: WallboardView; readonly done: boolean }
  | { readonly ok: false; readonly error: string };

export interface ShiftSnapshot {
  readonly plan: ShiftPlan;
  readonly calls: readonly CallKpis[];
}

export interface ShiftController {
  readonly plan: ShiftPlan;
  /** The huddle's targets and focus point, for the screen before the first call. */
  huddle(): Huddle;
  /** The contact to play next, or null when the shift is over. */
  nextContact(): ShiftContact | null;
  /** Records the call just played; a record for another scenario, or a malformed one, is refused. */
  record(kpis: unknown): RecordOutcome;
  /** The wallboard now (before the first call: the shift's opening board). */
  wallboard(): WallboardView;
  isComplete(): boolean;
  /** The end-of-shift report; null while contacts remain. */
  report(): ShiftReport | null;
  /** Everything needed to replay the shift (JSON-safe). */
  snapshot(): ShiftSnapshot;
}

function controllerFor(start: ShiftSession): ShiftController {
  let session = start;
  return {
    plan: session.plan,
    huddle: () => session.plan.huddle,
    nextContact: () => nextContact(session),
    record(kpis) {
      const result = recordCall(session, kpis);
      if (!result.ok) return result;
      session = result.session;
      return { ok: true, wallboard: wallboard(session), done: shiftComplete(session) };
    },
    wallboard: () => wallboard(session),
    isComplete: () => shiftComplete(session),
    report: () => shiftReport(session),
    snapshot: () => ({ plan: session.plan, calls: [...session.calls] }),
  };
}

export const startShiftController = (plan: ShiftPlan): ShiftController => controllerFor(startShift(plan));

const SnapshotSchema = z.object({ plan: z.unknown(), calls: z.array(CallKpisSchema) });

/** Rebuilds a controller from a stored snapshot; a damaged snapshot gets a message, not an exception. */
export function resumeShiftController(saved: unknown): { ok: true; controller: ShiftController } | { ok: false; error: string } {
  const shape = SnapshotSchema.safeParse(saved);
  if (!shape.success) return { ok: false, error: `the saved shift is not valid: ${z.prettifyError(shape.error)}` };
  const plan = checkShiftPlan(shape.data.plan);
  if (!plan.ok) return plan;
  const replayed = replayShift(plan.plan, shape.data.calls);
  return replayed.ok ? { ok: true, controller: controllerFor(replayed.session) } : replayed;
}
