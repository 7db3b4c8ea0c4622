/**
 * The next recommended call: an open call that trains what the development plan's goals work on,
 * and has not yet been handled well; failing that, the easiest open call not yet handled well.
 */
import type { CareerCall } from './career-call.ts';
import { isGoodCall } from './career-call.ts';
import { careerOrder, isOpen, type CareerScenario, type TierStanding } from './tiers.ts';

/** The plan's self-rating areas and the scenario skills that exercise them. */
export const AREA_SKILLS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'idv-data': ['idv-gdpr', 'third-party', 'data-requests', 'card-payment'],
  'listening-empathy': ['de-escalation', 'vulnerability', 'complaint-handling'],
  resolution: ['consumer-rights', 'technical-fault', 'retention', 'complaint-handling'],
  'control-time': ['call-control', 'escalation', 'outbound'],
  compliance: ['idv-gdpr', 'vulnerability', 'card-payment', 'consumer-rights'],
});

export interface Recommendation<S extends CareerScenario> {
  readonly scenario: S;
  /** Why this one, in the trainee's words. */
  readonly why: string;
}

export function recommendNext<S extends CareerScenario>(
  scenarios: readonly S[],
  history: readonly CareerCall[],
  standings: readonly TierStanding[],
  goalAreas: readonly string[],
  areaLabel: (area: string) => string = (a) => a,
): Recommendation<S> | null {
  const good = new Set(history.filter(isGoodCall).map((c) => c.scenarioId));
  const candidates = careerOrder(scenarios).filter((s) => isOpen(s, standings) && !good.has(s.id));
  for (const area of goalAreas) {
    const skills = AREA_SKILLS[area] ?? [];
    const match = candidates.find((s) => s.skills.some((k) => skills.includes(k)));
    if (match !== undefined) return { scenario: match, why: `It works on your goal: ${areaLabel(area)}.` };
  }
  const first = candidates[0];
  return first === undefined ? null : { scenario: first, why: 'The next call in your tier you have not yet handled well.' };
}
