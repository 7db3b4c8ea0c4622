/**
 * How a goal is going on the runs since it was set: the evidence, the current value, and a status —
 * on track, slipping, achieved or missed — that changes as the deadline (in calls or days) comes.
 */
import type { Scorecard } from '../../shared/scorecard.ts';
import type { Goal } from './goal-schema.ts';
import { GOAL_METRICS, formatMetric, metricMean, metricValue } from './metrics.ts';

export const GOAL_STATUSES = Object.freeze({
  'on-track': { label: 'On track' },
  slipping: { label: 'Slipping' },
  achieved: { label: 'Achieved' },
  missed: { label: 'Missed' },
} as const);
export type GoalStatus = keyof typeof GOAL_STATUSES;

/** A run as the plan sees it. */
export interface EvidenceRun {
  readonly id: string;
  readonly at: string;
  readonly scorecard: Scorecard;
}

export interface GoalProgress {
  readonly status: GoalStatus;
  /** The runs that count as evidence, with the metric's value on each (null = not measured there). */
  readonly evidence: readonly { runId: string; at: string; value: number | null }[];
  /** Mean of the latest (up to 3) measured values; null before any evidence. */
  readonly current: number | null;
  /** FCR rate over the evidence runs, for a goal with an FCR floor. */
  readonly fcrNow: number | null;
  readonly deadlineReached: boolean;
  /** Calls or days left before the review, 0 once it is due. */
  readonly left: { unit: 'calls' | 'days'; count: number };
  readonly sentence: string;
}

const DAY_MS = 86_400_000;
export const RECENT_VALUES = 3;
/** Before the deadline, a goal is on track while it has made at least this share of the expected progress. */
export const ON_TRACK_SHARE = 0.5;

export function deadlineDate(goal: Goal): string | null {
  return goal.deadline.kind === 'days' ? new Date(Date.parse(goal.setAt) + goal.deadline.days * DAY_MS).toISOString() : null;
}

/**
 * The runs played after the goal was set (by time, so runs merged in from another device fall in
 * place) where the goal applies — a hold goal is judged only on calls with a hold — up to its deadline.
 */
function evidenceRuns(goal: Goal, runs: readonly EvidenceRun[]): readonly EvidenceRun[] {
  const since = runs.filter((r) => r.at > goal.setAt && metricValue(goal.metric, r.scorecard) !== null);
  if (goal.deadline.kind === 'calls') return since.slice(0, goal.deadline.calls);
  const by = deadlineDate(goal)!;
  return since.filter((r) => r.at <= by);
}

/** Every run in the goal's window, whether or not the goal's measure applied to it. */
function windowRuns(goal: Goal, runs: readonly EvidenceRun[], counted: readonly EvidenceRun[]): readonly EvidenceRun[] {
  const since = runs.filter((r) => r.at > goal.setAt);
  if (goal.deadline.kind === 'days') return since.filter((r) => r.at <= deadlineDate(goal)!);
  const last = counted.at(-1);
  return counted.length >= goal.deadline.calls && last !== undefined ? since.filter((r) => r.at <= last.at) : since;
}

export function goalProgress(goal: Goal, runs: readonly EvidenceRun[], now: string): GoalProgress {
  const metric = GOAL_METRICS[goal.metric];
  const counted = evidenceRuns(goal, runs);
  const evidence = counted.map((r) => ({ runId: r.id, at: r.at, value: metricValue(goal.metric, r.scorecard) }));
  const values = evidence.flatMap((e) => (e.value === null ? [] : [e.value]));
  const current = goal.metric === 'fcr-rate'
    ? metricMean('fcr-rate', counted.map((r) => r.scorecard))
    : values.length === 0 ? null : Math.round(values.slice(-RECENT_VALUES).reduce((a, b) => a + b, 0) / Math.min(values.length, RECENT_VALUES));
  // The FCR floor looks at every call in the goal's window, the ones cut short included.
  const fcrNow = goal.fcrFloor === undefined ? null : metricMean('fcr-rate', windowRuns(goal, runs, counted).map((r) => r.scorecard));

  let fraction: number;
  let left: GoalProgress['left'];
  if (goal.deadline.kind === 'calls') {
    fraction = Math.min(1, counted.length / goal.deadline.calls);
    left = { unit: 'calls', count: Math.max(0, goal.deadline.calls - counted.length) };
  } else {
    const elapsed = (Date.parse(now) - Date.parse(goal.setAt)) / DAY_MS;
    fraction = Math.min(1, Math.max(0, elapsed / goal.deadline.days));
    left = { unit: 'days', count: Math.max(0, Math.ceil(goal.deadline.days - elapsed)) };
  }
  const deadlineReached = fraction >= 1;
  const better = (a: number, b: number): boolean => (metric.higherIsBetter ? a >= b : a <= b);
  const floorHolds = goal.fcrFloor === undefined || fcrNow === null || fcrNow >= goal.fcrFloor;
  const meets = current !== null && better(current, goal.target) && floorHolds;

  let status: GoalStatus;
  if (deadlineReached) status = meets ? 'achieved' : 'missed';
  else if (meets && values.length >= 2) status = 'achieved';
  else if (current === null) status = 'on-track';
  else {
    const expected = goal.baseline + (goal.target - goal.baseline) * fraction * ON_TRACK_SHARE;
    status = better(current, expected) && floorHolds ? 'on-track' : 'slipping';
  }
  return { status, evidence, current, fcrNow, deadlineReached, left, sentence: sentenceFor(goal, status, current, fcrNow, left) };
}

function sentenceFor(goal: Goal, status: GoalStatus, current: number | null, fcrNow: number | null, left: GoalProgress['left']): string {
  const now = current === null ? 'no calls yet where it applies' : `now ${formatMetric(goal.metric, current)}`;
  const floor = goal.fcrFloor !== undefined && fcrNow !== null && fcrNow < goal.fcrFloor ? ` FCR is ${fcrNow}%, below the ${goal.fcrFloor}% floor.` : '';
  const remaining = left.count === 0 ? 'review due' : `${left.count} ${left.count === 1 ? left.unit.replace(/s$/, '') : left.unit} left`;
  return `${GOAL_STATUSES[status].label}: from ${formatMetric(goal.metric, goal.baseline)} towards ${formatMetric(goal.metric, goal.target)}, ${now}; ${remaining}.${floor}`;
}
