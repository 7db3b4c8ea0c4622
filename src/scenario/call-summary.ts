/** What the menu, the resume offer and the shift need to know about a call before its data is loaded. */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { SkillKey } from '../core/model/skills.ts';

export interface CallSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly skills: readonly SkillKey[];
  readonly difficulty: number;
  readonly ahtSeconds: number;
  readonly customerName: string;
}

export function summariseScenario(scenario: Scenario): CallSummary {
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    skills: scenario.skills,
    difficulty: scenario.difficulty,
    ahtSeconds: scenario.targets.ahtSeconds,
    customerName: scenario.customer.name,
  };
}
