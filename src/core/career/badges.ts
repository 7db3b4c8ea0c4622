/**
 * Skill badges: earned by a run of good calls in a row among the calls that train a skill (a poor
 * call in that skill starts the run again). Also the streak of compliant calls and personal bests.
 */
import type { CareerCall } from './career-call.ts';
import { isGoodCall } from './career-call.ts';
import type { CareerScenario } from './tiers.ts';

export const BADGE_RUN = 3;

export interface BadgeProgress {
  readonly skill: string;
  readonly earned: boolean;
  /** Good calls in a row now (the run towards the badge, or since it was earned). */
  readonly run: number;
  readonly needed: number;
}

export function badgeProgress(scenarios: readonly CareerScenario[], history: readonly CareerCall[]): BadgeProgress[] {
  const skillsOf = new Map(scenarios.map((s) => [s.id, s.skills]));
  const skills = [...new Set(scenarios.flatMap((s) => s.skills))].sort();
  return skills.map((skill) => {
    let run = 0;
    let earned = false;
    for (const call of history) {
      if (!(skillsOf.get(call.scenarioId) ?? []).includes(skill)) continue;
      run = isGoodCall(call) ? run + 1 : 0;
      if (run >= BADGE_RUN) earned = true;
    }
    return { skill, earned, run, needed: BADGE_RUN };
  });
}

export interface Streak {
  /** Compliant calls in a row, up to the latest. */
  readonly current: number;
  readonly best: number;
}

export function compliantStreak(history: readonly CareerCall[]): Streak {
  let current = 0;
  let best = 0;
  for (const call of history) {
    current = call.compliant ? current + 1 : 0;
    best = Math.max(best, current);
  }
  return { current, best };
}

/** The best QA per call (compliant calls first: a fatal breach is never a personal best over a clean call). */
export function personalBests(history: readonly CareerCall[]): Map<string, CareerCall> {
  const bests = new Map<string, CareerCall>();
  for (const call of history) {
    const old = bests.get(call.scenarioId);
    const better = old === undefined || (call.compliant && !old.compliant) || (call.compliant === old.compliant && call.qa > old.qa);
    if (better) bests.set(call.scenarioId, call);
  }
  return bests;
}
