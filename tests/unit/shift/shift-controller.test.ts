import { describe, expect, it } from 'vitest';
import { defaultShiftPlan } from '../../../src/core/shift/shift-plan.ts';
import { resumeShiftController, startShiftController } from '../../../src/ui/shift/shift-controller.ts';

const plan = defaultShiftPlan({ seed: 99, library: ['a', 'b', 'c'], contacts: 3, focus: 'fcr' });

function playAll() {
  const shift = startShiftController(plan);
  const boards = [];
  for (let contact = shift.nextContact(), i = 0; contact !== null; contact = shift.nextContact(), i += 1) {
    const outcome = shift.record({ scenarioId: contact.scenarioId, ahtSeconds: 280 + 40 * i, ahtTargetSeconds: 300, fcr: i === 1 ? 'no' : 'yes', qa: 90, csatStars: 5, fatal: false });
    if (!outcome.ok) throw new Error(outcome.error);
    boards.push(outcome);
  }
  return { shift, boards };
}

describe('the shift controller', () => {
  it('walks huddle → contacts → wallboards → report, and says when the shift is done', () => {
    const { shift, boards } = playAll();
    expect(shift.huddle().focus).toBe('fcr');
    expect(boards.map((b) => [b.ok && b.wallboard.afterCall, b.ok && b.done])).toEqual([[1, false], [2, false], [3, true]]);
    expect(shift.isComplete()).toBe(true);
    expect(shift.report()!.focus).toMatchObject({ key: 'fcr', met: false });
  });

  it('resumes from a stored snapshot to the same wallboard and report', () => {
    const { shift } = playAll();
    const resumed = resumeShiftController(JSON.parse(JSON.stringify(shift.snapshot())));
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect(resumed.controller.wallboard()).toEqual(shift.wallboard());
    expect(resumed.controller.report()).toEqual(shift.report());
  });

  it('refuses a damaged snapshot with a message instead of throwing', () => {
    const { shift } = playAll();
    const snap = shift.snapshot();
    expect(resumeShiftController({ plan: snap.plan, calls: [{ ...snap.calls[0], csatStars: 9 }] })).toEqual({ ok: false, error: expect.stringContaining('csatStars') });
    expect(resumeShiftController({ plan: { ...snap.plan, seed: -1 }, calls: [] })).toEqual({ ok: false, error: expect.stringContaining('seed') });
    expect(resumeShiftController({ plan: snap.plan, calls: [snap.calls[0], { ...snap.calls[1]!, scenarioId: 'not-in-the-shift' }] })).toEqual({ ok: false, error: expect.stringContaining('call 2: contact 2 is') });
    expect(resumeShiftController('nonsense').ok).toBe(false);
  });
});
