/**
 * Career tiers, from first-week calls to difficult ones. A tier opens on competence shown in the
 * tier below (good calls: QA, compliance and FCR together, on different calls), never on the number
 * of calls played. A trainer can open them all.
 */
import type { CareerCall } from './career-call.ts';
import { isGoodCall } from './career-call.ts';

export interface CareerScenario {
  readonly id: string;
  readonly title: string;
  readonly difficulty: number;
  readonly skills: readonly string[];
}

export interface Tier {
  readonly level: 1 | 2 | 3;
  readonly name: string;
  /** Difficulties (1-5) the tier holds. */
  readonly difficulties: readonly number[];
}

export const TIERS: readonly Tier[] = Object.freeze([
  { level: 1, name: 'First week', difficulties: [1, 2] },
  { level: 2, name: 'On the floor', difficulties: [3] },
  { level: 3, name: 'Difficult calls', difficulties: [4, 5] },
]);

/** Different calls of a tier handled well that open the next one (fewer when the tier has fewer calls). */
export const CALLS_TO_ADVANCE = 2;

export function tierOf(difficulty: number): Tier {
  return TIERS.find((t) => t.difficulties.includes(difficulty)) ?? TIERS[TIERS.length - 1]!;
}

export interface TierStanding {
  readonly tier: Tier;
  readonly open: boolean;
  /** Different calls of this tier handled well so far. */
  readonly mastered: number;
  /** How many the next tier needs from this one. */
  readonly needed: number;
}

export function tierStandings(scenarios: readonly CareerScenario[], history: readonly CareerCall[], unlockAll = false): TierStanding[] {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const goodIds = new Set(history.filter(isGoodCall).map((c) => c.scenarioId));
  let open = true;
  return TIERS.map((tier) => {
    const inTier = scenarios.filter((s) => tierOf(s.difficulty).level === tier.level);
    const mastered = inTier.filter((s) => goodIds.has(s.id) && byId.has(s.id)).length;
    const needed = Math.min(CALLS_TO_ADVANCE, inTier.length);
    const standing: TierStanding = { tier, open: open || unlockAll, mastered, needed };
    // An empty tier does not block the one above it.
    open = standing.open && mastered >= needed;
    return standing;
  });
}

export function isOpen(scenario: CareerScenario, standings: readonly TierStanding[]): boolean {
  return standings.find((s) => s.tier.level === tierOf(scenario.difficulty).level)?.open ?? false;
}

/** The menu's order: by tier, then difficulty, then title. */
export function careerOrder<S extends CareerScenario>(scenarios: readonly S[]): S[] {
  return [...scenarios].sort((a, b) => tierOf(a.difficulty).level - tierOf(b.difficulty).level || a.difficulty - b.difficulty || a.title.localeCompare(b.title));
}
