/**
 * One finished call as the career sees it: which call, when, and the competence it showed. Kept
 * small so a long history fits in the browser's storage.
 */
import { z } from 'zod';
import type { Scorecard } from '../../shared/scorecard.ts';

export const CareerCallSchema = z.strictObject({
  scenarioId: z.string().min(1),
  qa: z.number().min(0).max(100),
  /** No fatal compliance breach. */
  compliant: z.boolean(),
  /** The agent resolved it on this contact ('excluded' counts as not against them). */
  fcr: z.enum(['yes', 'no', 'excluded']),
});
export type CareerCall = z.infer<typeof CareerCallSchema>;

/** The QA score a call needs, with compliance and no failed FCR, to count as a good call. */
export const GOOD_QA = 80;

export function careerCallOf(card: Scorecard): CareerCall {
  return { scenarioId: card.scenarioId, qa: card.qa.score, compliant: card.qa.fatal.length === 0, fcr: card.fcr.value };
}

export function isGoodCall(call: CareerCall): boolean {
  return call.compliant && call.qa >= GOOD_QA && call.fcr !== 'no';
}
