/**
 * The class's shared wallboard in team mode. The class is one team on a simulated morning queue
 * (the solo shift's forecast, staffed with Erlang C to just reach the huddle's service level at its
 * handle-time target): the class's verified calls, in the order they arrived, stand for the shift's
 * contacts, and the whole simulated team works the way the class does (its handle time against each
 * call's target, its FCR). So a class running over its targets pushes the queue under the line,
 * and calls not resolved first time come back as repeat contacts, exactly as in a solo shift.
 */
import type { TeamBoard, TeamSettings } from '../../shared/team-messages.ts';
import { agentsNeeded, trafficErlangs } from '../shift/erlang.ts';
import { defaultShiftPlan, type ShiftPlan } from '../shift/shift-plan.ts';
import { wallboard } from '../shift/shift-session.ts';
import type { CallKpis as ShiftCall } from '../shift/call-kpis.ts';
import { seedOf, type TeamCall } from './team-call.ts';
import { teamStandings } from './team-standings.ts';

export interface TeamBoardInput {
  readonly code: string;
  readonly seq: number;
  readonly settings: TeamSettings;
  readonly scenarioIds: readonly string[];
  /** Current players' teams (players removed by the trainer are left out). */
  readonly members: Readonly<Record<string, number>>;
  /** Accepted calls, oldest first. */
  readonly calls: readonly TeamCall[];
}

/** The class's shift: one contact per call the class is expected to make (each player, each scenario). */
export function classPlan(input: Pick<TeamBoardInput, 'code' | 'settings' | 'scenarioIds' | 'members' | 'calls'>): ShiftPlan {
  const players = Object.keys(input.members).length;
  const contacts = Math.max(1, input.calls.length, players * Math.max(1, input.scenarioIds.length));
  const base = defaultShiftPlan({ seed: seedOf(input.code), library: input.scenarioIds.length > 0 ? input.scenarioIds : ['class'], contacts, focus: input.settings.huddle.focus });
  const huddle = input.settings.huddle;
  return {
    ...base,
    huddle,
    intervals: base.intervals.map(({ calls }) => ({
      calls,
      agents: agentsNeeded(trafficErlangs(calls, base.intervalMinutes, huddle.ahtSeconds), huddle.ahtSeconds, huddle.serviceLevel.seconds, huddle.serviceLevel.percent / 100) ?? 0,
    })),
  };
}

export const asShiftCall = (c: TeamCall): ShiftCall => ({
  scenarioId: c.kpis.scenarioId,
  ahtSeconds: c.kpis.ahtTotal,
  ahtTargetSeconds: Math.max(1, c.kpis.ahtTarget),
  fcr: c.kpis.fcr,
  qa: c.kpis.qa,
  csatStars: c.kpis.csatStars,
  fatal: c.kpis.fatal,
});

export function teamBoard(input: TeamBoardInput): TeamBoard {
  const plan = classPlan(input);
  const calls = input.calls.map(asShiftCall);
  const w = wallboard({ plan, calls });
  return {
    seq: input.seq,
    settings: input.settings,
    calls: calls.length,
    clock: w.clock,
    callsWaiting: w.callsWaiting,
    longestWaitSeconds: Math.round(w.longestWaitSeconds),
    serviceLevel: w.serviceLevel,
    offered: w.offered,
    answered: w.answered,
    abandoned: w.abandoned,
    agents: w.agentsOnShift,
    ahtSeconds: w.you.ahtSeconds === null ? null : Math.round(w.you.ahtSeconds),
    ahtOverTargetSeconds: w.you.extraSecondsPerCall === null ? null : Math.round(w.you.extraSecondsPerCall),
    fcrRate: w.you.fcrRate,
    qa: w.you.qa === null ? null : Math.round(w.you.qa * 10) / 10,
    csatTop2: w.you.csatTop2,
    erlang: { serviceLevel: w.forecast.serviceLevel, asaSeconds: w.forecast.asaSeconds, occupancy: w.forecast.occupancy, erlangs: w.forecast.erlangs },
    teams: teamStandings(input.members, input.calls, input.settings.teams),
  };
}
