/** Whether a caller's ID&V answers match the record. */
import type { IdvAnswer, Scenario } from '../model/scenario-schema.ts';

export function normaliseAnswer(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '');
}

/** The ID&V questions an agent can ask on this call, as shown: the policy's first, then the extra ones not already among them. */
export function idvQuestionKeys(scenario: Scenario): string[] {
  const policy = scenario.idv?.ask ?? [];
  return [...policy, ...(scenario.idv?.extra ?? []).filter((k) => !policy.includes(k))];
}

/** The words the caller says for an answer. */
export function answerSaid(answer: IdvAnswer): string {
  return typeof answer === 'string' ? answer : answer.said;
}

/** A plain answer matches when equal to the record ignoring capitals and spaces; a spoken one says so itself. */
export function answerMatches(scenario: Scenario, key: string, answer: IdvAnswer | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer !== 'string') return answer.matches;
  const record = scenario.crm.fields.find((field) => field.key === key)?.value;
  return record !== undefined && normaliseAnswer(answer) === normaliseAnswer(record);
}

/** Every policy question answered, and answered rightly: a pass on these answers is a real pass. */
export function idvAnswersRight(scenario: Scenario, answers: Readonly<Record<string, IdvAnswer>>): boolean {
  return (scenario.idv?.ask ?? []).every((key) => answerMatches(scenario, key, answers[key]));
}
