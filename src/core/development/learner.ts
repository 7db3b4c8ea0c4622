/** The learner's details printed on the portfolio, so an assessor knows whose evidence it is. */
import { z } from 'zod';

export const LearnerSchema = z.strictObject({
  name: z.string().trim().max(80),
  centre: z.string().trim().max(120),
  /** The awarding body's or the centre's learner number, when there is one. */
  learnerNumber: z.string().trim().max(40),
});
export type Learner = z.infer<typeof LearnerSchema>;

export const EMPTY_LEARNER: Learner = Object.freeze({ name: '', centre: '', learnerNumber: '' });

/** What is still missing before the portfolio can be handed in, as a sentence, or null. */
export function learnerGaps(learner: Learner): string | null {
  const missing = [learner.name === '' ? 'your name' : null, learner.centre === '' ? 'your centre' : null].filter((x) => x !== null);
  return missing.length === 0 ? null : `Add ${missing.join(' and ')} on your plan before you hand this portfolio in.`;
}
