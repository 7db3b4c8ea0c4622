import { describe, expect, it } from 'vitest';
import { kpisFromScorecard, type CallKpis } from '../../../src/core/shift/call-kpis.ts';
import { checkShiftPlan, defaultShiftPlan, type ShiftPlan } from '../../../src/core/shift/shift-plan.ts';
import { nextContact, recordCall, replayShift, startShift, wallboard, type ShiftSession } from '../../../src/core/shift/shift-session.ts';
import { shiftReport } from '../../../src/core/shift/shift-report.ts';
import { makeCard } from '../development/make-card.ts';

const LIBRARY = ['billing-double-charge', 'broadband-fault-engineer', 'cancellation-retention', 'card-payment-pci'];

interface Way {
  extra: number;
  fcr: CallKpis['fcr'];
  qa?: number;
  stars?: number;
  fatal?: boolean;
}

/** Plays a whole shift, answering each contact the given way. */
function play(plan: ShiftPlan, ways: readonly Way[]): ShiftSession {
  let session = startShift(plan);
  for (const way of ways) {
    const contact = nextContact(session)!;
    const result = recordCall(session, { scenarioId: contact.scenarioId, ahtSeconds: 300 + way.extra, ahtTargetSeconds: 300, fcr: way.fcr, qa: way.qa ?? 88, csatStars: way.stars ?? 4, fatal: way.fatal ?? false });
    if (!result.ok) throw new Error(result.error);
    session = result.session;
  }
  return session;
}

const plan = (seed = 42, over: Partial<ShiftPlan> = {}): ShiftPlan => ({ ...defaultShiftPlan({ seed, library: LIBRARY, contacts: 3, focus: 'aht' }), ...over });
const onTarget: Way[] = [{ extra: 0, fcr: 'yes' }, { extra: 0, fcr: 'yes' }, { extra: 0, fcr: 'yes' }];
const slow: Way[] = [{ extra: 60, fcr: 'yes' }, { extra: 60, fcr: 'yes' }, { extra: 60, fcr: 'yes' }];

describe('a solo shift', () => {
  it('replays from its seed and the trainee’s calls to the same report, through JSON too', () => {
    const session = play(plan(), slow);
    const stored = JSON.parse(JSON.stringify({ plan: session.plan, calls: session.calls })) as { plan: unknown; calls: unknown[] };
    const checked = checkShiftPlan(stored.plan);
    expect(checked.ok).toBe(true);
    const replayed = replayShift(checked.ok ? checked.plan : plan(), stored.calls);
    expect(replayed.ok).toBe(true);
    expect(replayed.ok && shiftReport(replayed.session)).toEqual(shiftReport(session));
  });

  it('draws its contacts from the library by seed, a different seed giving a different shift', () => {
    const a = play(plan(1), onTarget);
    const b = play(plan(2), onTarget);
    expect(a.calls.every((c) => LIBRARY.includes(c.scenarioId))).toBe(true);
    expect(a.calls.map((c) => c.scenarioId)).toEqual(play(plan(1), onTarget).calls.map((c) => c.scenarioId));
    expect(shiftReport(a)!.team.offered).not.toBe(shiftReport(b)!.team.offered);
  });

  it('sends an unresolved call back to the trainee two contacts later', () => {
    let session = startShift(plan(5, { contacts: 4 }));
    const first = nextContact(session)!;
    session = (recordCall(session, { scenarioId: first.scenarioId, ahtSeconds: 300, ahtTargetSeconds: 300, fcr: 'no', qa: 80, csatStars: 2, fatal: false }) as { ok: true; session: ShiftSession }).session;
    const second = nextContact(session)!;
    session = (recordCall(session, { scenarioId: second.scenarioId, ahtSeconds: 300, ahtTargetSeconds: 300, fcr: 'yes', qa: 80, csatStars: 4, fatal: false }) as { ok: true; session: ShiftSession }).session;
    expect(nextContact(session)).toEqual({ index: 2, scenarioId: first.scenarioId, callback: true });
  });

  it('refuses KPIs for the wrong contact, malformed KPIs, and calls after the end, keeping the shift', () => {
    const session = startShift(plan());
    const contact = nextContact(session)!;
    const other = LIBRARY.find((id) => id !== contact.scenarioId)!;
    const wrong = recordCall(session, { scenarioId: other, ahtSeconds: 300, ahtTargetSeconds: 300, fcr: 'yes', qa: 90, csatStars: 5, fatal: false });
    expect(wrong).toEqual({ ok: false, error: expect.stringContaining(`contact 1 is "${contact.scenarioId}"`) });
    const bad = recordCall(session, { scenarioId: contact.scenarioId, ahtSeconds: -3, ahtTargetSeconds: 300, fcr: 'maybe', qa: 90, csatStars: 5, fatal: false });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/ahtSeconds[\s\S]*fcr/);
    expect(session.calls).toHaveLength(0);
    const done = play(plan(), onTarget);
    expect(nextContact(done)).toBeNull();
    expect(recordCall(done, done.calls[0]).ok).toBe(false);
    expect(shiftReport(startShift(plan()))).toBeNull();
  });

  it('moves the wallboard’s clock, queue and figures after each call', () => {
    let session = startShift(plan());
    const opening = wallboard(session);
    expect(opening).toMatchObject({ afterCall: 0, clock: '09:00', offered: 0, serviceLevel: null });
    const boards = [];
    for (const way of slow) {
      session = play(session.plan, [...session.calls.map((c) => ({ extra: c.ahtSeconds - 300, fcr: c.fcr })), way]);
      boards.push(wallboard(session));
    }
    expect(boards.map((b) => b.clock)).toEqual(['09:20', '09:40', '10:00']);
    expect(boards[0]!.offered).toBeLessThan(boards[2]!.offered);
    expect(boards[2]!.you).toMatchObject({ calls: 3, ahtSeconds: 360, extraSecondsPerCall: 60 });
    expect(boards[2]!.answered + boards[2]!.abandoned + boards[2]!.callsWaiting).toBeLessThanOrEqual(boards[2]!.offered);
  });

  it('shows what extra seconds per call did to the queue, against the same shift on target', () => {
    for (const seed of [3, 4, 5]) {
      const r = shiftReport(play(plan(seed), slow))!;
      expect(r.extraTime.secondsPerCall).toBe(60);
      expect(r.extraTime.yourMinutes).toBe(3);
      expect(r.extraTime.teamMinutes).toBeGreaterThan(0);
      expect(r.extraTime.actual.serviceLevel!).toBeLessThan(r.extraTime.onTarget.serviceLevel!);
      expect(r.extraTime.actual.abandoned).toBeGreaterThanOrEqual(r.extraTime.onTarget.abandoned);
      const fair = shiftReport(play(plan(seed), onTarget))!;
      expect(fair.extraTime.actual).toEqual(fair.extraTime.onTarget);
      expect(fair.extraTime.teamMinutes).toBe(0);
    }
  });

  it('counts what missed FCR cost in calls and minutes', () => {
    const missed = shiftReport(play(plan(), [{ extra: 0, fcr: 'no' }, { extra: 0, fcr: 'yes' }, { extra: 0, fcr: 'no' }]))!;
    expect(missed.missedFcr.yourUnresolved).toBe(2);
    expect(missed.missedFcr.yourRepeatMinutes).toBe(10);
    expect(missed.missedFcr.extraRepeatCalls).toBeGreaterThan(0);
    expect(missed.missedFcr.actual.repeatContacts).toBeGreaterThan(missed.missedFcr.atTarget.repeatContacts);
    const resolved = shiftReport(play(plan(), onTarget))!;
    expect(resolved.missedFcr.yourUnresolved).toBe(0);
    expect(resolved.missedFcr.extraRepeatCalls).toBeLessThan(0); // better than the 75 % target: fewer repeats
  });

  it('checks the huddle’s focus point and targets', () => {
    const slowReport = shiftReport(play(plan(), slow))!;
    expect(slowReport.focus).toMatchObject({ key: 'aht', met: false, detail: expect.stringContaining('60 s over') });
    expect(shiftReport(play(plan(), onTarget))!.focus.met).toBe(true);
    const compliance = shiftReport(play(plan(42, { huddle: { ...plan().huddle, focus: 'compliance' } }), [{ extra: 0, fcr: 'yes', fatal: true }, { extra: 0, fcr: 'yes' }, { extra: 0, fcr: 'yes' }]))!;
    expect(compliance.focus).toMatchObject({ met: false, detail: '1 call(s) with a fatal error' });
    const qa = slowReport.targets.find((t) => t.key === 'qa')!;
    expect(qa).toMatchObject({ actual: 88, target: 85, met: true });
    expect(slowReport.targets.find((t) => t.key === 'service-level')!.met).toBe(slowReport.team.serviceLevel! >= 0.8);
  });

  it('gives chart data per interval with the simulated, on-target and forecast service levels', () => {
    const r = shiftReport(play(plan(), slow))!;
    expect(r.chart.intervals.map((i) => i.label)).toEqual(['09:00', '09:15', '09:30', '09:45']);
    expect(r.chart.intervals.reduce((a, i) => a + i.offered, 0)).toBe(r.team.offered);
    for (const i of r.chart.intervals) expect(i.forecastServiceLevel).toBeGreaterThanOrEqual(0.8); // staffed by Erlang C for 80/20
  });

  it('refuses a broken plan with a message naming the field', () => {
    const broken = checkShiftPlan({ ...plan(), library: [], intervals: [{ calls: -1, agents: 3 }] });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/library[\s\S]*intervals/);
  });

  it('takes a scored call’s KPIs straight from its scorecard', () => {
    const card = { ...makeCard({ fcr: 'no', aht: 420, target: 360, stars: 2, qa: 70, fatal: ['read the card number aloud'] }), scenarioId: 'card-payment-pci' };
    expect(kpisFromScorecard(card)).toEqual({ scenarioId: 'card-payment-pci', ahtSeconds: 420, ahtTargetSeconds: 360, fcr: 'no', qa: card.qa.score, csatStars: 2, fatal: true });
  });
});
