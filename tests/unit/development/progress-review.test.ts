import { describe, expect, it } from 'vitest';
import { goalProgress, type EvidenceRun } from '../../../src/core/development/goal-progress.ts';
import { GoalSchema, type Goal } from '../../../src/core/development/goal-schema.ts';
import { isReviewDue, reviewGoal, type PlanGoal } from '../../../src/core/development/review.ts';
import { makeCard, NOW } from './make-card.ts';

const empathyGoal = (over: Partial<Goal> = {}): Goal => GoalSchema.parse({
  id: 'g1', area: 'listening-empathy', metric: 'area-listening-empathy', behaviour: 'Acknowledge the caller’s frustration before fixing anything',
  baseline: 50, target: 70, deadline: { kind: 'calls', calls: 4 }, setAt: NOW, setAfterRuns: 1, basis: 'your last 1 call', ...over,
});

const day = (n: number): string => new Date(Date.parse(NOW) + n * 86_400_000).toISOString();
const runsWith = (empathy: number[], extra: Parameters<typeof makeCard>[0] = {}): EvidenceRun[] =>
  [30, ...empathy].map((e, i) => ({ id: `r${i}`, at: day(i), scorecard: makeCard({ sections: { empathy: e }, ...extra }) }));

describe('goal status across the deadline (calls)', () => {
  it.each([
    ['no runs yet', [], 'on-track', 4],
    ['one run better than the baseline', [60], 'on-track', 3],
    ['one run below the baseline', [40], 'slipping', 3],
    ['one run at target is not yet achieved', [70], 'on-track', 3],
    ['two runs at target before the deadline', [70, 80], 'achieved', 2],
    ['flat after three of four calls', [50, 50, 50], 'slipping', 1],
    ['deadline reached short of target', [60, 60, 60, 65], 'missed', 0],
    ['deadline reached at target', [40, 70, 70, 75], 'achieved', 0],
    ['runs after the deadline do not count', [40, 40, 40, 40, 100, 100, 100], 'missed', 0],
  ] as const)('%s → %s', (_n, values, status, left) => {
    const p = goalProgress(empathyGoal(), runsWith([...values]), day(30));
    expect(p.status).toBe(status);
    expect(p.left).toEqual({ unit: 'calls', count: left });
  });

  it('a run merged in from another device counts by when it was played', () => {
    const runs = runsWith([60, 70]);
    const merged = [...runs, { id: 'from-laptop', at: '2026-11-23T12:00:00.000Z', scorecard: makeCard({ sections: { empathy: 90 } }) }]
      .sort((a, b) => a.at.localeCompare(b.at));
    expect(goalProgress(empathyGoal(), merged, NOW).evidence.map((e) => e.runId)).toEqual(['from-laptop', 'r1', 'r2']);
  });

  it('runs before the goal was set are not evidence', () => {
    const p = goalProgress(empathyGoal(), runsWith([60, 70]), NOW);
    expect(p.evidence.map((e) => e.runId)).toEqual(['r1', 'r2']);
  });
});

describe('goal status across the deadline (days)', () => {
  const goal = empathyGoal({ deadline: { kind: 'days', days: 10 } });
  it.each([
    ['day 2, improving', [60], 2, 'on-track', 8],
    ['day 8, still at the baseline', [50, 50], 8, 'slipping', 2],
    ['day 11, short of target', [50, 60], 11, 'missed', 0],
    ['day 11, target met', [70, 75], 11, 'achieved', 0],
  ] as const)('%s → %s', (_n, values, now, status, left) => {
    const p = goalProgress(goal, runsWith([...values]), day(now));
    expect(p.status).toBe(status);
    expect(p.left).toEqual({ unit: 'days', count: left });
  });
});

describe('an AHT goal is held to its FCR floor', () => {
  const aht = GoalSchema.parse({
    id: 'a1', area: 'control-time', metric: 'aht-seconds', behaviour: 'Recap the next steps once and close the call', baseline: 480, target: 400,
    fcrFloor: 75, deadline: { kind: 'calls', calls: 2 }, setAt: '2026-11-22T10:00:00.000Z', setAfterRuns: 0, basis: 'test',
  });
  const run = (i: number, total: number, fcr: 'yes' | 'no' | 'follow-up'): EvidenceRun => ({
    id: `a${i}`, at: day(i),
    scorecard: fcr === 'follow-up' ? { ...makeCard({ aht: total, fcr: 'no' }), outcome: 'follow-up' } : makeCard({ aht: total, fcr }),
  });
  it.each([
    ['fast and resolved', [run(0, 380, 'yes'), run(1, 390, 'yes')], 'achieved'],
    ['fast by leaving follow-ups', [run(0, 300, 'follow-up'), run(1, 320, 'yes')], 'missed'],
    // An unmet need is no evidence of handle time, but it still pulls FCR under the floor.
    ['fast by abandoning a need', [run(0, 300, 'no'), run(1, 320, 'yes')], 'slipping'],
  ] as const)('%s → %s', (_n, runs, status) => {
    expect(goalProgress(aht, runs, NOW).status).toBe(status);
  });
  it('says so when FCR is below the floor, counting the calls cut short', () => {
    expect(goalProgress(aht, [run(0, 300, 'follow-up')], NOW).sentence).toMatch(/FCR is 0%, below the 75% floor/);
    expect(goalProgress(aht, [run(0, 300, 'no'), run(1, 320, 'yes')], NOW).sentence).toMatch(/now 320s; 1 call left\. FCR is 50%, below the 75% floor/);
  });
});

describe('plan-do-review', () => {
  const plan: PlanGoal = { goal: empathyGoal(), state: 'active', acceptedAt: NOW, reviews: [] };
  const done = goalProgress(plan.goal, runsWith([60, 60, 60, 65]), day(10));
  const early = goalProgress(plan.goal, runsWith([60]), day(10));

  it('a review is due at the deadline, not before', () => {
    expect([isReviewDue(plan, done), isReviewDue(plan, early)]).toEqual([true, false]);
  });

  it('closing records what happened and the next step', () => {
    const r = reviewGoal(plan, done, { whatHappened: 'I rushed the apology on two calls.', nextStep: 'Pause and name the problem first.', decision: 'close' }, { now: day(10), runCount: 5 });
    expect(r.ok && r.closed.state).toBe('closed');
    expect(r.ok && r.closed.reviews[0]).toMatchObject({ status: 'missed', value: 62, decision: 'close' });
    expect(r.ok && r.renewed).toBeNull();
  });

  it('renewing sets a new goal from where the trainee is now', () => {
    const r = reviewGoal(plan, done, { whatHappened: 'Better, but not there yet.', nextStep: 'Keep the same target for five more calls.', decision: 'renew' }, { now: day(10), runCount: 5 });
    if (!r.ok) throw new Error(r.problems.join());
    expect(r.closed.renewedAs).toBe(r.renewed!.goal.id);
    expect(r.renewed!.goal).toMatchObject({ baseline: 62, target: 70, setAfterRuns: 5, behaviour: plan.goal.behaviour });
  });

  it('will not renew a goal already at the top of its measure, and says why', () => {
    const top = goalProgress(plan.goal, runsWith([100, 100]), day(10));
    const r = reviewGoal(plan, top, { whatHappened: 'Perfect on both calls.', nextStep: 'Move on to a new area.', decision: 'renew' }, { now: day(10), runCount: 3 });
    expect(!r.ok && r.problems[0]).toMatch(/^You reached 100%, the top of this measure/);
  });

  it('renewing an achieved goal steps the target on from the new baseline', () => {
    const good = goalProgress(plan.goal, runsWith([70, 80]), day(10));
    const r = reviewGoal(plan, good, { whatHappened: 'Both calls went well.', nextStep: 'Aim higher on the next five.', decision: 'renew' }, { now: day(10), runCount: 3 });
    expect(r.ok && [r.renewed!.goal.baseline, r.renewed!.goal.target]).toEqual([75, 90]);
  });

  it('refuses an empty review with reasons', () => {
    const r = reviewGoal(plan, done, { whatHappened: '', nextStep: 'ok', decision: 'close' }, { now: day(10), runCount: 5 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual(['say in a sentence what happened (at least 10 characters)', 'say what you will do next (at least 10 characters)']);
  });

  it('refuses to review a closed goal twice', () => {
    expect(reviewGoal({ ...plan, state: 'closed' }, done, { whatHappened: 'x'.repeat(12), nextStep: 'y'.repeat(12), decision: 'close' }, { now: day(10), runCount: 5 }).ok).toBe(false);
  });
});
