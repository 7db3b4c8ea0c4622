/**
 * A SMART goal as data. The schema makes a vague goal unrepresentable: a known metric, a numeric
 * baseline and a target that is a real step up from it (and within reach), a deadline in calls or
 * days, a behaviour naming an observable action, and an FCR floor on any handle-time goal.
 */
import { z } from 'zod';
import { AREA_KEYS } from './areas.ts';
import { GOAL_METRICS, GOAL_METRIC_KEYS, isHandleTimeMetric, type GoalMetricKey } from './metrics.ts';
import { behaviourProblem } from './observable-behaviour.ts';

export const MAX_DEADLINE_CALLS = 30;
export const MAX_DEADLINE_DAYS = 90;

export const DeadlineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('calls'), calls: z.number().int().min(1, 'a deadline needs at least 1 call').max(MAX_DEADLINE_CALLS, `keep the deadline within ${MAX_DEADLINE_CALLS} calls`) }),
  z.strictObject({ kind: z.literal('days'), days: z.number().int().min(1, 'a deadline needs at least 1 day').max(MAX_DEADLINE_DAYS, `keep the deadline within ${MAX_DEADLINE_DAYS} days`) }),
]);
export type Deadline = z.infer<typeof DeadlineSchema>;

const GoalShape = z.strictObject({
  id: z.string().min(1),
  area: z.enum(AREA_KEYS),
  metric: z.enum(GOAL_METRIC_KEYS),
  behaviour: z.string().trim().superRefine((text, ctx) => {
    const problem = behaviourProblem(text);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  }),
  baseline: z.number().finite(),
  target: z.number().finite(),
  deadline: DeadlineSchema,
  /** Required on a handle-time goal: the FCR rate (%) that must hold while AHT comes down. */
  fcrFloor: z.number().int().min(0).max(100).optional(),
  /** ISO time the goal was set (runs played after it are its evidence), and how many runs were stored then. */
  setAt: z.iso.datetime(),
  setAfterRuns: z.number().int().min(0),
  /** Where the numbers came from, e.g. "your last 5 calls". */
  basis: z.string().min(1),
  /** Where the goal came from: the data, a piece of received feedback, the trainee's own note, or the trainee. */
  source: z.strictObject({
    kind: z.enum(['data', 'feedback', 'own-note', 'trainee']),
    /** Said to the trainee and printed, e.g. "Trainer feedback from J. Patel, 2026-11-20". */
    label: z.string().min(1),
    /** The feedback entry or run it came from. */
    ref: z.string().optional(),
  }).optional(),
  /** Set before there were enough calls for a fair baseline (the trainee chose to set it anyway). */
  early: z.boolean().optional(),
});
export type GoalSource = NonNullable<z.infer<typeof GoalShape>['source']>;

/** The largest step a goal may ask for, so the target stays achievable. */
export const MAX_STEP = Object.freeze({ '%': 30, s: 180 });

export const GoalSchema = GoalShape.superRefine((goal, ctx) => {
  const m = GOAL_METRICS[goal.metric];
  const inRange = (v: number): boolean => v >= m.min && v <= m.max;
  if (!inRange(goal.baseline)) ctx.addIssue({ code: 'custom', path: ['baseline'], message: `the baseline must be between ${m.min} and ${m.max}` });
  if (!inRange(goal.target)) ctx.addIssue({ code: 'custom', path: ['target'], message: `the target must be between ${m.min} and ${m.max}` });
  const step = m.higherIsBetter ? goal.target - goal.baseline : goal.baseline - goal.target;
  if (step <= 0) ctx.addIssue({ code: 'custom', path: ['target'], message: m.higherIsBetter ? 'the target must be higher than the baseline' : 'the target must be lower than the baseline' });
  if (step > MAX_STEP[m.unit] && !isCompliance(goal.metric)) ctx.addIssue({ code: 'custom', path: ['target'], message: `a step of more than ${MAX_STEP[m.unit]}${m.unit} is not achievable in one goal: set a nearer target` });
  if (isHandleTimeMetric(goal.metric) && goal.fcrFloor === undefined) ctx.addIssue({ code: 'custom', path: ['fcrFloor'], message: 'a handle-time goal needs an FCR floor, so calls are not cut short at the customer’s expense' });
  const area = (m as { area?: string }).area;
  if (area !== undefined && area !== goal.area) ctx.addIssue({ code: 'custom', path: ['metric'], message: 'the metric must measure the goal’s area' });
});
export type Goal = z.infer<typeof GoalSchema>;

/** The lowest FCR floor a handle-time goal may carry: a "good" FCR rate in the industry's terms. */
export const MIN_FCR_FLOOR = 75;
/** A legal or regulatory requirement is met on every call or it is not met. */
export const COMPLIANCE_TARGET = 100;
export const isCompliance = (metric: GoalMetricKey): boolean => metric === 'section-compliance' || metric === 'area-compliance';

/**
 * The rules for a goal set or edited now (stored goals from earlier versions are read with the
 * looser GoalSchema so none is lost): a compliance target is 100%, and a handle-time goal keeps
 * FCR at 75% or more.
 */
export const NewGoalSchema = GoalSchema.superRefine((goal, ctx) => {
  if (isCompliance(goal.metric) && goal.target !== COMPLIANCE_TARGET) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: `a compliance requirement is met on every call or not at all: the target is ${COMPLIANCE_TARGET}%` });
  }
  if (isHandleTimeMetric(goal.metric) && goal.fcrFloor !== undefined && goal.fcrFloor < MIN_FCR_FLOOR) {
    ctx.addIssue({ code: 'custom', path: ['fcrFloor'], message: `keep the FCR floor at ${MIN_FCR_FLOOR}% or more, so calls are not cut short at the customer’s expense` });
  }
});

export type GoalEdit = Partial<Pick<Goal, 'behaviour' | 'target' | 'deadline' | 'fcrFloor'>>;

/** Applies a trainee's edit and validates again: an edit that would make the goal vague is refused with the reasons. */
export function editGoal(goal: Goal, edit: GoalEdit): { ok: true; goal: Goal } | { ok: false; problems: { field: string; message: string }[] } {
  const result = NewGoalSchema.safeParse({ ...goal, ...edit });
  if (result.success) return { ok: true, goal: result.data };
  return { ok: false, problems: result.error.issues.map((i) => ({ field: i.path.join('.') || 'goal', message: i.message })) };
}

export const goalMetricKey = (goal: Goal): GoalMetricKey => goal.metric;
