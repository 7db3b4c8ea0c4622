/**
 * Feedback from the classroom into the development record: a classmate's peer review (what went
 * well, and one "even better if", each tied to a QA item or key moment) and a trainer's GROW
 * coaching note become ordinary feedback entries (source "classroom"), so they show on the plan,
 * print in the portfolio and can suggest a goal "from feedback". A withdrawn entry keeps its id
 * and says it was withdrawn, with no QA area, so it suggests nothing.
 */
import type { DeliveredFeedback } from '../../shared/team-messages.ts';
import { QA_SECTION_KEYS, type QaSectionKey } from '../model/qa-sections.ts';
import { FeedbackEntrySchema, type FeedbackEntry } from './feedback.ts';

export const WITHDRAWN_TEXT = 'The trainer withdrew this feedback.';

export const isQaSection = (s: string | null | undefined): s is QaSectionKey => s !== null && s !== undefined && (QA_SECTION_KEYS as readonly string[]).includes(s);

export function peerReviewText(wentWell: { text: string; about: string }, evenBetterIf: { text: string; about: string }): string {
  return `What went well (${wentWell.about}): ${wentWell.text}\nEven better if (${evenBetterIf.about}): ${evenBetterIf.text}`;
}

export function growNoteText(note: { about: string; goal: string; reality: string; options: string; will: string }): string {
  return `Coaching on ${note.about} (GROW)\nGoal: ${note.goal}\nReality: ${note.reality}\nOptions: ${note.options}\nWill: ${note.will}`;
}

/** The record's entry for delivered feedback; null when it does not make a valid entry. */
export function feedbackEntryFrom(d: DeliveredFeedback): FeedbackEntry | null {
  const parsed = FeedbackEntrySchema.safeParse({
    id: d.id,
    from: d.from,
    name: d.name.slice(0, 80),
    text: d.withdrawn ? WITHDRAWN_TEXT : d.text.slice(0, 2000),
    ...(!d.withdrawn && isQaSection(d.qaSection) ? { qaSection: d.qaSection } : {}),
    date: d.date,
    source: 'classroom',
  });
  return parsed.success ? parsed.data : null;
}
