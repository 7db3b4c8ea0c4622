/**
 * A solo shift as data: the plan and the trainee's recorded calls. Everything else (the next
 * contact, the wallboard, the report) is computed from those two, so the same seed and the same
 * calls always replay to the same shift.
 *
 * How the queue follows the trainee: the shift's hour is cut into one slice per contact. When the
 * trainee finishes contact k, the simulation runs to the end of slice k with the team working the
 * way the trainee has so far (AHT scaled by the trainee's time ÷ target, FCR moved toward the
 * trainee's rate, both weighted by the plan's `teamFollowsYou`), and the wallboard shows the queue
 * then.
 */
import { CallKpisSchema, traineeFigures, type CallKpis, type TraineeFigures } from './call-kpis.ts';
import { intervalFigures, type IntervalFigures } from './erlang.ts';
import { QueueSimulation, type QueueFigures, type QueuePolicy, type QueueSettings } from './queue-sim.ts';
import { shiftContacts, type ShiftContact } from './shift-contacts.ts';
import { clockLabel, type ShiftPlan } from './shift-plan.ts';
import { z } from 'zod';

export interface ShiftSession {
  readonly plan: ShiftPlan;
  readonly calls: readonly CallKpis[];
}

export type RecordResult = { readonly ok: true; readonly session: ShiftSession } | { readonly ok: false; readonly error: string };

export const startShift = (plan: ShiftPlan): ShiftSession => ({ plan, calls: [] });

export const shiftComplete = (session: ShiftSession): boolean => session.calls.length >= session.plan.contacts;

/** The contact the trainee takes next, or null when the shift is over. */
export function nextContact(session: ShiftSession): ShiftContact | null {
  if (shiftComplete(session)) return null;
  return shiftContacts(session.plan, session.calls, session.calls.length)[session.calls.length] ?? null;
}

/** Adds one call's KPIs. A malformed record, or one for another scenario than the contact, is refused. */
export function recordCall(session: ShiftSession, input: unknown): RecordResult {
  const expected = nextContact(session);
  if (expected === null) return { ok: false, error: `the shift is over: all ${session.plan.contacts} contacts have been taken` };
  const parsed = CallKpisSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `the call's KPIs are not valid: ${z.prettifyError(parsed.error)}` };
  if (parsed.data.scenarioId !== expected.scenarioId) {
    return { ok: false, error: `contact ${expected.index + 1} is "${expected.scenarioId}", but the KPIs are for "${parsed.data.scenarioId}"` };
  }
  return { ok: true, session: { plan: session.plan, calls: [...session.calls, parsed.data] } };
}

/** Replays a whole shift from its plan and calls, refusing the first call that does not fit. */
export function replayShift(plan: ShiftPlan, calls: readonly unknown[]): RecordResult {
  let session = startShift(plan);
  for (const [i, call] of calls.entries()) {
    const result = recordCall(session, call);
    if (!result.ok) return { ok: false, error: `call ${i + 1}: ${result.error}` };
    session = result.session;
  }
  return { ok: true, session };
}

export function queueSettings(plan: ShiftPlan): QueueSettings {
  return {
    seed: plan.seed,
    intervalSeconds: plan.intervalMinutes * 60,
    intervals: plan.intervals,
    answerWithinSeconds: plan.huddle.serviceLevel.seconds,
    patienceSeconds: plan.patienceSeconds,
    handleShape: plan.handleShape,
    repeatAfterSeconds: { min: plan.repeatAfterMinutes.min * 60, max: plan.repeatAfterMinutes.max * 60 },
  };
}

/**
 * FCR is a yes/no per call, so one call would swing the team from 100 % to 0 %. The team's FCR
 * weighs the trainee's calls against this many calls at the huddle's target: after one unresolved
 * call at a 75 % target it is (0 + 2 × 0.75) / 3 = 50 %, after three calls with two resolved 70 %.
 */
export const FCR_PRIOR_CALLS = 2;

/** How the team works once the trainee has made these calls. */
export function teamPolicy(plan: ShiftPlan, you: TraineeFigures): QueuePolicy {
  const w = plan.teamFollowsYou;
  const fcrTarget = plan.huddle.fcrPercent / 100;
  const fcrSoFar = (you.fcrYes + FCR_PRIOR_CALLS * fcrTarget) / (you.fcrCounted + FCR_PRIOR_CALLS);
  return {
    ahtSeconds: plan.huddle.ahtSeconds * (1 + w * ((you.ahtRatio ?? 1) - 1)),
    fcrRate: fcrTarget + w * (fcrSoFar - fcrTarget),
  };
}

export type PolicyRule = (plan: ShiftPlan, callsSoFar: readonly CallKpis[]) => QueuePolicy;
export const followTrainee: PolicyRule = (plan, calls) => teamPolicy(plan, traineeFigures(calls));

/** End of the slice of the shift that contact `k` (1-based) stands for, in seconds. */
export const sliceEnd = (plan: ShiftPlan, k: number): number => (plan.intervalMinutes * 60 * plan.intervals.length * k) / plan.contacts;

/** Runs the queue through the recorded calls; `rule` decides how the team works in each slice. */
export function simulateShift(session: ShiftSession, rule: PolicyRule = followTrainee): { sim: QueueSimulation; boards: QueueFigures[] } {
  const sim = new QueueSimulation(queueSettings(session.plan));
  const boards: QueueFigures[] = [];
  for (let k = 1; k <= session.calls.length; k += 1) {
    sim.advance(sliceEnd(session.plan, k), rule(session.plan, session.calls.slice(0, k)));
    boards.push(sim.figures());
  }
  return { sim, boards };
}

export interface WallboardView {
  readonly afterCall: number;
  readonly contacts: number;
  readonly clock: string;
  readonly callsWaiting: number;
  readonly longestWaitSeconds: number;
  /** 0-1, null before any call has counted. */
  readonly serviceLevel: number | null;
  readonly target: { readonly share: number; readonly seconds: number };
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly teamAhtSeconds: number | null;
  readonly teamFcrRate: number | null;
  readonly ahtTargetSeconds: number;
  readonly fcrTarget: number;
  readonly agentsOnShift: number;
  readonly you: TraineeFigures;
  /** Erlang C for the interval now on the clock, at the team's current AHT. */
  readonly forecast: IntervalFigures;
}

/** The wallboard after the calls recorded so far (before the first call: the shift's opening). */
export function wallboard(session: ShiftSession): WallboardView {
  const { plan, calls } = session;
  const { sim } = simulateShift(session);
  const f = sim.figures();
  const policy = followTrainee(plan, calls);
  const i = Math.min(plan.intervals.length - 1, Math.floor(f.clockSeconds / (plan.intervalMinutes * 60)));
  const interval = plan.intervals[i]!;
  return {
    afterCall: calls.length,
    contacts: plan.contacts,
    clock: clockLabel(plan, f.clockSeconds),
    callsWaiting: f.waiting,
    longestWaitSeconds: f.longestWaitingSeconds,
    serviceLevel: f.serviceLevel,
    target: { share: plan.huddle.serviceLevel.percent / 100, seconds: plan.huddle.serviceLevel.seconds },
    offered: f.offered,
    answered: f.answered,
    abandoned: f.abandoned,
    teamAhtSeconds: f.ahtSeconds,
    teamFcrRate: f.fcrRate,
    ahtTargetSeconds: plan.huddle.ahtSeconds,
    fcrTarget: plan.huddle.fcrPercent / 100,
    agentsOnShift: f.agentsOnShift,
    you: traineeFigures(calls),
    forecast: intervalFigures({ calls: interval.calls, minutes: plan.intervalMinutes, ahtSeconds: policy.ahtSeconds, agents: interval.agents, answerWithinSeconds: plan.huddle.serviceLevel.seconds }),
  };
}
