/** Skill badges the trainee has earned, with the day each was first earned: for the portfolio. */
import { z } from 'zod';

const EarnedSchema = z.record(z.string().min(1).max(60), z.iso.datetime());
export type EarnedBadges = z.infer<typeof EarnedSchema>;
const KEY = 'htl.career-badges.v1';

export function loadEarnedBadges(storage: Storage = localStorage): EarnedBadges {
  try {
    const parsed = EarnedSchema.safeParse(JSON.parse(storage.getItem(KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Adds newly earned badges; a badge keeps the day it was first earned. Returns the whole set. */
export function recordEarnedBadges(skills: readonly string[], now: string, storage: Storage = localStorage): EarnedBadges {
  const earned = loadEarnedBadges(storage);
  for (const skill of skills) earned[skill] ??= now;
  try {
    storage.setItem(KEY, JSON.stringify(earned));
  } catch {
    // Storage full or refused: the badges are still shown on the menu from the record of calls.
  }
  return earned;
}
