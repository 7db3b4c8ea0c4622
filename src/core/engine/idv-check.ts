/** Whether a caller's ID&V answers match the record: every question answered, and answered right. */
import type { Scenario } from '../model/scenario-schema.ts';

export function normaliseAnswer(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '');
}

export function idvAnswersRight(scenario: Scenario, answers: Readonly<Record<string, string>>): boolean {
  const ask = scenario.idv?.ask ?? [];
  return ask.every((key) => {
    const answer = answers[key];
    const record = scenario.crm.fields.find((field) => field.key === key)?.value;
    return answer !== undefined && record !== undefined && normaliseAnswer(answer) === normaliseAnswer(record);
  });
}
