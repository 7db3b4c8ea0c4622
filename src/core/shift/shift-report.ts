/**
 * The end-of-shift report: the team's figures against the huddle's targets, the trainee's share,
 * the focus point checked, and two what-ifs answered by replaying the same seeded shift with one
 * thing changed (same callers, same patience, same draws):
 *  - "what your extra seconds per call did": the team at its AHT target instead of the trainee's pace;
 *  - "what your missed FCR cost": the team at its FCR target instead of the trainee's rate.
 * Plus per-interval figures for the chart.
 */
import { traineeFigures, type TraineeFigures } from './call-kpis.ts';
import { intervalFigures } from './erlang.ts';
import { serviceLevelOf, type QueueFigures } from './queue-sim.ts';
import { followTrainee, shiftComplete, simulateShift, type PolicyRule, type ShiftSession } from './shift-session.ts';
import { clockLabel, FOCUS_POINTS, type FocusKey, type Huddle, type ShiftPlan } from './shift-plan.ts';

export interface TargetCheck {
  readonly key: 'service-level' | 'aht' | 'fcr' | 'qa' | 'csat';
  readonly label: string;
  readonly whose: 'team' | 'you';
  readonly target: number;
  readonly actual: number | null;
  readonly unit: '%' | 's';
  /** null when nothing was measured. */
  readonly met: boolean | null;
}

export interface FocusCheck {
  readonly key: FocusKey;
  readonly label: string;
  readonly text: string;
  readonly met: boolean | null;
  readonly detail: string;
}

export interface WhatIf {
  readonly serviceLevel: number | null;
  readonly abandoned: number;
  readonly asaSeconds: number | null;
  readonly offered: number;
  readonly repeatContacts: number;
  readonly handleMinutes: number;
}

export interface ExtraTime {
  /** Mean seconds over (positive) or under (negative) each call's target. */
  readonly secondsPerCall: number;
  /** The trainee's own extra minutes across their calls. */
  readonly yourMinutes: number;
  /** Extra handling minutes across the team working at the trainee's pace. */
  readonly teamMinutes: number;
  readonly actual: WhatIf;
  readonly onTarget: WhatIf;
}

export interface MissedFcr {
  /** The trainee's calls not resolved first time: each is a call that comes back. */
  readonly yourUnresolved: number;
  readonly yourRepeatMinutes: number;
  /** Team repeat contacts in the shift beyond those at the FCR target (negative: fewer). */
  readonly extraRepeatCalls: number;
  readonly extraRepeatMinutes: number;
  readonly actual: WhatIf;
  readonly atTarget: WhatIf;
}

export interface ChartInterval {
  readonly label: string;
  readonly calls: number;
  readonly agents: number;
  readonly offered: number;
  /** Simulated, as the shift went. */
  readonly serviceLevel: number | null;
  /** Simulated, with the team at its AHT and FCR targets. */
  readonly serviceLevelOnTarget: number | null;
  /** Erlang C's forecast for the interval at the huddle's AHT. */
  readonly forecastServiceLevel: number;
}

export interface ShiftReport {
  readonly seed: number;
  readonly huddle: Huddle;
  readonly team: QueueFigures;
  readonly you: TraineeFigures & { readonly shareOfAnswered: number | null };
  readonly targets: readonly TargetCheck[];
  readonly focus: FocusCheck;
  readonly extraTime: ExtraTime;
  readonly missedFcr: MissedFcr;
  readonly chart: { readonly target: number; readonly intervals: readonly ChartInterval[] };
}

const whatIf = (f: QueueFigures): WhatIf => ({
  serviceLevel: f.serviceLevel,
  abandoned: f.abandoned,
  asaSeconds: f.asaSeconds,
  offered: f.offered,
  repeatContacts: f.repeatContacts,
  handleMinutes: f.handleSeconds / 60,
});

const check = (key: TargetCheck['key'], label: string, whose: TargetCheck['whose'], target: number, actual: number | null, unit: TargetCheck['unit'], higherIsBetter = true): TargetCheck => ({
  key, label, whose, target, actual, unit,
  met: actual === null ? null : higherIsBetter ? actual >= target - 1e-9 : actual <= target + 1e-9,
});

const pct = (share: number | null): number | null => (share === null ? null : share * 100);

function focusCheck(huddle: Huddle, you: TraineeFigures): FocusCheck {
  const point = FOCUS_POINTS[huddle.focus];
  const base = { key: huddle.focus, label: point.label, text: point.text };
  const round = (n: number) => Math.round(n);
  switch (huddle.focus) {
    case 'aht': {
      const extra = you.extraSecondsPerCall;
      return { ...base, met: extra === null ? null : extra <= 0, detail: extra === null ? 'no calls taken' : extra <= 0 ? `your calls averaged ${round(-extra)} s inside their targets` : `your calls averaged ${round(extra)} s over their targets` };
    }
    case 'fcr': {
      const rate = you.fcrRate;
      return { ...base, met: rate === null ? null : rate * 100 >= huddle.fcrPercent, detail: rate === null ? 'no call counted for FCR' : `you resolved ${you.fcrYes} of ${you.fcrCounted} first time (${round(rate * 100)} %, target ${huddle.fcrPercent} %)` };
    }
    case 'qa': {
      const qa = you.qa;
      return { ...base, met: qa === null ? null : qa >= huddle.qaPercent, detail: qa === null ? 'no calls taken' : `your QA averaged ${round(qa)} % (target ${huddle.qaPercent} %)` };
    }
    case 'csat': {
      const top = you.csatTop2;
      return { ...base, met: top === null ? null : top * 100 >= huddle.csatPercent, detail: top === null ? 'no calls taken' : `${round(top * 100)} % of your callers gave 4 or 5 stars (target ${huddle.csatPercent} %)` };
    }
    case 'compliance':
      return { ...base, met: you.calls === 0 ? null : you.fatalCalls === 0, detail: you.fatalCalls === 0 ? 'no fatal errors' : `${you.fatalCalls} call(s) with a fatal error` };
  }
}

function chart(plan: ShiftPlan, actual: ReturnType<typeof simulateShift>, onTarget: ReturnType<typeof simulateShift>): ShiftReport['chart'] {
  const a = actual.sim.intervalCounts();
  const t = onTarget.sim.intervalCounts();
  return {
    target: plan.huddle.serviceLevel.percent / 100,
    intervals: plan.intervals.map((interval, i) => ({
      label: clockLabel(plan, i * plan.intervalMinutes * 60),
      calls: interval.calls,
      agents: interval.agents,
      offered: a[i]!.offered,
      serviceLevel: serviceLevelOf(a[i]!),
      serviceLevelOnTarget: serviceLevelOf(t[i]!),
      forecastServiceLevel: intervalFigures({ calls: interval.calls, minutes: plan.intervalMinutes, ahtSeconds: plan.huddle.ahtSeconds, agents: interval.agents, answerWithinSeconds: plan.huddle.serviceLevel.seconds }).serviceLevel,
    })),
  };
}

/** The report for a finished shift; null while contacts remain. */
export function shiftReport(session: ShiftSession): ShiftReport | null {
  if (!shiftComplete(session)) return null;
  const { plan, calls } = session;
  const huddle = plan.huddle;
  const fcrTarget = huddle.fcrPercent / 100;
  const atAhtTarget: PolicyRule = (p, c) => ({ ...followTrainee(p, c), ahtSeconds: huddle.ahtSeconds });
  const atFcrTarget: PolicyRule = (p, c) => ({ ...followTrainee(p, c), fcrRate: fcrTarget });
  const bothOnTarget: PolicyRule = () => ({ ahtSeconds: huddle.ahtSeconds, fcrRate: fcrTarget });
  const actual = simulateShift(session);
  const ahtWhatIf = simulateShift(session, atAhtTarget);
  const fcrWhatIf = simulateShift(session, atFcrTarget);
  const onTarget = simulateShift(session, bothOnTarget);
  const team = actual.sim.figures();
  const you = traineeFigures(calls);
  const unresolved = calls.filter((c) => c.fcr === 'no');
  const fcrActual = whatIf(team);
  const fcrAtTarget = whatIf(fcrWhatIf.sim.figures());
  const extraRepeats = fcrActual.repeatContacts - fcrAtTarget.repeatContacts;
  return {
    seed: plan.seed,
    huddle,
    team,
    you: { ...you, shareOfAnswered: team.answered === 0 ? null : you.calls / (team.answered + you.calls) },
    targets: [
      check('service-level', `Service level (${huddle.serviceLevel.percent} % in ${huddle.serviceLevel.seconds} s)`, 'team', huddle.serviceLevel.percent, pct(team.serviceLevel), '%'),
      check('aht', 'Team AHT', 'team', huddle.ahtSeconds, team.ahtSeconds, 's', false),
      check('fcr', 'Team FCR', 'team', huddle.fcrPercent, pct(team.fcrRate), '%'),
      check('qa', 'Your QA', 'you', huddle.qaPercent, you.qa, '%'),
      check('csat', 'Your CSAT (4-5 stars)', 'you', huddle.csatPercent, pct(you.csatTop2), '%'),
    ],
    focus: focusCheck(huddle, you),
    extraTime: {
      secondsPerCall: you.extraSecondsPerCall ?? 0,
      yourMinutes: calls.reduce((a, c) => a + c.ahtSeconds - c.ahtTargetSeconds, 0) / 60,
      teamMinutes: (team.handleSeconds - ahtWhatIf.sim.figures().handleSeconds) / 60,
      actual: whatIf(team),
      onTarget: whatIf(ahtWhatIf.sim.figures()),
    },
    missedFcr: {
      yourUnresolved: unresolved.length,
      yourRepeatMinutes: unresolved.reduce((a, c) => a + c.ahtSeconds, 0) / 60,
      extraRepeatCalls: extraRepeats,
      extraRepeatMinutes: (extraRepeats * (team.ahtSeconds ?? huddle.ahtSeconds)) / 60,
      actual: fcrActual,
      atTarget: fcrAtTarget,
    },
    chart: chart(plan, actual, onTarget),
  };
}
