/** The learner's details for the portfolio, kept in localStorage between visits. */
import { EMPTY_LEARNER, LearnerSchema, type Learner } from '../core/development/learner.ts';

const KEY = 'htl.learner.v1';

export function loadLearner(storage: Storage = localStorage): Learner {
  const raw = storage.getItem(KEY);
  if (raw === null) return { ...EMPTY_LEARNER };
  try {
    const parsed = LearnerSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { ...EMPTY_LEARNER };
  } catch {
    return { ...EMPTY_LEARNER };
  }
}

export function saveLearner(learner: Learner, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(LearnerSchema.parse(learner)));
}
