/**
 * Suggests two or three SMART goals from the trainee's measured weaknesses over their recent runs
 * (areas below the green band first; a stretch goal from a green area with room left makes up two)
 * (a rolling window, not just the last call). Each goal names a behaviour drawn from the QA items
 * they actually missed, a metric with a baseline from the data, a target one achievable step up, a
 * deadline in calls, and an FCR floor when the goal is about handle time. Every suggestion passes
 * GoalSchema, so a vague goal cannot come out of here.
 */
import type { Scorecard } from '../../shared/scorecard.ts';
import { AREA_KEYS, SELF_RATING_AREAS, type AreaKey } from './areas.ts';
import { GoalSchema, MAX_STEP, type Goal } from './goal-schema.ts';
import { areaMetric, metricMean } from './metrics.ts';
import { missedItems } from './measure-areas.ts';
import { behaviourProblem } from './observable-behaviour.ts';

export const GOAL_WINDOW = 5;
export const MAX_SUGGESTIONS = 3;
export const MIN_SUGGESTIONS = 2;
/** Areas measured at or above this (the QA green band) need no goal. */
export const GOOD_ENOUGH = 90;
export const DEADLINE_CALLS = 5;
export const DEFAULT_FCR_FLOOR = 70;

export interface SuggestInput {
  /** All the trainee's scorecards, oldest first. */
  readonly cards: readonly Scorecard[];
  /** Areas that already have an active goal: no second goal is suggested for them. */
  readonly activeAreas?: readonly AreaKey[];
  readonly now: string;
}

export interface SuggestedGoal {
  readonly goal: Goal;
  /** Why this goal, in a sentence that cites the data. */
  readonly why: string;
}

const round5 = (n: number): number => Math.round(n / 5) * 5;
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** The missed QA item of the area seen most often in the window, if its text names an observable action. */
function mostMissed(cards: readonly Scorecard[], area: AreaKey): { text: string; count: number } | null {
  const counts = new Map<string, { text: string; count: number }>();
  for (const card of cards) {
    for (const item of missedItems(card, area)) {
      const seen = counts.get(item.id) ?? { text: item.text, count: 0 };
      counts.set(item.id, { text: item.text, count: seen.count + 1 });
    }
  }
  const usable = [...counts.values()].filter((c) => behaviourProblem(c.text) === null);
  usable.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  return usable[0] ?? null;
}

function behaviourFor(cards: readonly Scorecard[], area: AreaKey): { behaviour: string; note: string } {
  const missed = mostMissed(cards, area);
  if (missed === null) return { behaviour: SELF_RATING_AREAS[area].defaultBehaviour, note: '' };
  const text = missed.text.replace(/[.\s]+$/, '');
  return { behaviour: `${text}, on every call`, note: ` “${text}” was missed on ${missed.count} of ${cards.length} calls.` };
}

function ahtGoal(recent: readonly Scorecard[], base: Omit<Goal, 'area' | 'metric' | 'behaviour' | 'baseline' | 'target'>): SuggestedGoal | null {
  const baseline = metricMean('aht-seconds', recent)!;
  const targetMean = Math.round(recent.reduce((a, c) => a + c.aht.target, 0) / recent.length);
  if (baseline <= targetMean) return null;
  const step = clamp(round5(0.15 * baseline), 15, MAX_STEP.s);
  const target = Math.max(targetMean, baseline - step);
  const fcr = metricMean('fcr-rate', recent);
  const fcrFloor = Math.floor((fcr ?? DEFAULT_FCR_FLOOR) / 5) * 5;
  const { behaviour, note } = behaviourFor(recent, 'control-time');
  const goal = GoalSchema.parse({ ...base, area: 'control-time', metric: 'aht-seconds', behaviour, baseline, target, fcrFloor });
  return {
    goal,
    why: `Your average handle time over ${base.basis} was ${baseline}s against a ${targetMean}s target. FCR must stay at ${fcrFloor}% or more, so no call is cut short.${note}`,
  };
}

export function suggestGoals(input: SuggestInput): SuggestedGoal[] {
  const recent = input.cards.slice(-GOAL_WINDOW);
  if (recent.length === 0) return [];
  const basis = recent.length === 1 ? 'your last call' : `your last ${recent.length} calls`;
  const base = {
    id: '',
    deadline: { kind: 'calls' as const, calls: DEADLINE_CALLS },
    setAt: input.now,
    setAfterRuns: input.cards.length,
    basis,
  };
  const active = new Set(input.activeAreas ?? []);
  const measured = AREA_KEYS.filter((area) => !active.has(area))
    .map((area) => ({ area, mean: metricMean(areaMetric(area), recent) }))
    .filter((a): a is { area: AreaKey; mean: number } => a.mean !== null && a.mean < 100)
    .sort((a, b) => a.mean - b.mean || AREA_KEYS.indexOf(a.area) - AREA_KEYS.indexOf(b.area));
  // Areas below green first; a second, stretch goal from a green area with room left, so there are two where the data allows.
  const below = measured.filter((a) => a.mean < GOOD_ENOUGH);
  const weakest = (below.length >= MIN_SUGGESTIONS ? below : measured.slice(0, Math.max(below.length, MIN_SUGGESTIONS))).slice(0, MAX_SUGGESTIONS);

  return weakest.map(({ area, mean }): SuggestedGoal => {
    const id = `goal-${input.cards.length}-${area}`;
    if (area === 'control-time') {
      const aht = ahtGoal(recent, { ...base, id });
      if (aht !== null) return aht;
    }
    const target = Math.min(100, mean + clamp(round5((GOOD_ENOUGH - mean) / 2), 5, 20));
    const { behaviour, note } = behaviourFor(recent, area);
    const goal = GoalSchema.parse({ ...base, id, area, metric: areaMetric(area), behaviour, baseline: mean, target });
    const where = mean < GOOD_ENOUGH ? `below the ${GOOD_ENOUGH}% green band` : 'already green, so this is a stretch goal';
    return { goal, why: `${SELF_RATING_AREAS[area].label} ${recent.length === 1 ? 'scored' : 'averaged'} ${mean}% ${recent.length === 1 ? 'on' : 'over'} ${basis}, ${where}.${note}` };
  });
}
