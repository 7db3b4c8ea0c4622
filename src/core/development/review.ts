/**
 * Plan-do-review. A goal in the plan is active until its review; the trainee records what happened
 * and the next step, then closes the goal or renews it as a new goal from where they are now.
 */
import { z } from 'zod';
import { GoalSchema, MAX_STEP, MIN_FCR_FLOOR, NewGoalSchema, isCompliance, COMPLIANCE_TARGET, type Goal } from './goal-schema.ts';
import { GOAL_METRICS } from './metrics.ts';
import { GOAL_STATUSES, type GoalProgress } from './goal-progress.ts';

export const ReviewSchema = z.strictObject({
  at: z.iso.datetime(),
  status: z.enum(Object.keys(GOAL_STATUSES) as [keyof typeof GOAL_STATUSES, ...(keyof typeof GOAL_STATUSES)[]]),
  /** The metric's value at the review, when any run measured it. */
  value: z.number().nullable(),
  whatHappened: z.string().trim().min(10, 'say in a sentence what happened (at least 10 characters)'),
  nextStep: z.string().trim().min(10, 'say what you will do next (at least 10 characters)'),
  decision: z.enum(['close', 'renew']),
});
export type Review = z.infer<typeof ReviewSchema>;

export const PlanGoalSchema = z.strictObject({
  goal: GoalSchema,
  state: z.enum(['active', 'closed']),
  acceptedAt: z.iso.datetime(),
  reviews: z.array(ReviewSchema),
  /** The goal that renewed this one, when it was renewed. */
  renewedAs: z.string().optional(),
  /** The goal this one renews. */
  renews: z.string().optional(),
});
export type PlanGoal = z.infer<typeof PlanGoalSchema>;

export const isReviewDue = (plan: PlanGoal, progress: GoalProgress): boolean =>
  plan.state === 'active' && (progress.deadlineReached || progress.status === 'achieved');

const round5 = (n: number): number => Math.round(n / 5) * 5;

/** The next target from a new baseline: the old one if it is still a fair step, else one step on. */
function renewedTarget(goal: Goal, baseline: number, achieved: boolean): number {
  const m = GOAL_METRICS[goal.metric];
  if (isCompliance(goal.metric)) return COMPLIANCE_TARGET;
  const step = m.higherIsBetter ? goal.target - baseline : baseline - goal.target;
  if (!achieved && step > 0 && step <= MAX_STEP[m.unit]) return goal.target;
  if (m.higherIsBetter) return Math.min(m.max, baseline + Math.max(5, Math.min(20, round5((100 - baseline) / 2))));
  if (goal.metric === 'aht-ratio') return Math.max(100, baseline - Math.max(5, Math.min(30, round5((baseline - 100) / 2))));
  return Math.max(m.min, baseline - Math.max(15, Math.min(MAX_STEP.s, round5(0.1 * baseline))));
}

/** Why this goal cannot be renewed from where the trainee is now (already at the top or bottom of its measure), or null. */
export function renewProblem(goal: Goal, progress: GoalProgress): string | null {
  const m = GOAL_METRICS[goal.metric];
  const reached = progress.current ?? goal.baseline;
  const atEnd = m.higherIsBetter ? reached >= m.max : reached <= (goal.metric === 'aht-ratio' ? 100 : m.min);
  return atEnd
    ? `You reached ${reached}${m.unit}, the ${m.higherIsBetter ? 'top' : 'bottom'} of this measure, so there is no further target to renew to. Close this goal; your next suggested goal will come from your weakest area.`
    : null;
}

export type ReviewInput = Pick<Review, 'whatHappened' | 'nextStep' | 'decision'>;

/**
 * Records a review. Closing just closes; renewing also returns the new goal, baselined on the value
 * reached, which the trainee may edit like any other goal.
 */
export function reviewGoal(
  plan: PlanGoal,
  progress: GoalProgress,
  input: ReviewInput,
  context: { now: string; runCount: number },
): { ok: true; closed: PlanGoal; renewed: PlanGoal | null } | { ok: false; problems: string[] } {
  if (plan.state !== 'active') return { ok: false, problems: ['this goal was already reviewed and closed'] };
  const review = ReviewSchema.safeParse({ ...input, at: context.now, status: progress.status, value: progress.current });
  if (!review.success) return { ok: false, problems: review.error.issues.map((i) => i.message) };
  if (input.decision === 'close') return { ok: true, closed: { ...plan, state: 'closed', reviews: [...plan.reviews, review.data] }, renewed: null };

  const cannot = renewProblem(plan.goal, progress);
  if (cannot !== null) return { ok: false, problems: [cannot] };
  const old = plan.goal;
  const baseline = progress.current ?? old.baseline;
  const id = `${old.id.replace(/-r\d+$/, '')}-r${context.runCount}`;
  const next = NewGoalSchema.safeParse({
    ...old,
    ...(old.fcrFloor === undefined ? {} : { fcrFloor: Math.max(MIN_FCR_FLOOR, old.fcrFloor) }),
    id,
    baseline,
    target: renewedTarget(old, baseline, progress.status === 'achieved'),
    setAt: context.now,
    setAfterRuns: context.runCount,
    basis: `your review on ${context.now.slice(0, 10)}`,
  });
  if (!next.success) return { ok: false, problems: next.error.issues.map((i) => `the renewed goal: ${i.message}`) };
  return {
    ok: true,
    closed: { ...plan, state: 'closed', reviews: [...plan.reviews, review.data], renewedAs: id },
    renewed: { goal: next.data, state: 'active', acceptedAt: context.now, reviews: [], renews: old.id },
  };
}
