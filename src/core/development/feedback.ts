/**
 * Received feedback: what a trainer or a peer said about the trainee's calls, kept in the
 * development record so goals can be suggested from it (the unit asks for goals from feedback as
 * well as data). It is typed in on the plan, imported from a JSON file, or (later) delivered by the
 * classroom. A file's entries are read one by one: a bad entry is reported, the rest come in.
 */
import { z } from 'zod';
import { QA_SECTION_KEYS } from '../model/qa-sections.ts';

export const FEEDBACK_FROM = Object.freeze({ trainer: 'Trainer', peer: 'Peer' } as const);
export const FEEDBACK_FORMAT = 'hold-the-line/feedback';

export const FeedbackEntrySchema = z.strictObject({
  id: z.string().min(1),
  from: z.enum(['trainer', 'peer']),
  /** Who gave it, as they want to be named. */
  name: z.string().trim().max(80).default(''),
  text: z.string().trim().min(10, 'write the feedback in at least a sentence (10 characters or more)').max(2000),
  /** The QA section it is about, when it is about one. */
  qaSection: z.enum(QA_SECTION_KEYS).optional(),
  /** The day it was given (YYYY-MM-DD). */
  date: z.iso.date('give the date as YYYY-MM-DD'),
  /** How it reached the record. */
  source: z.enum(['typed', 'imported', 'classroom']),
});
export type FeedbackEntry = z.infer<typeof FeedbackEntrySchema>;
export type FeedbackInput = z.input<typeof FeedbackEntrySchema>;

export const feedbackLabel = (f: FeedbackEntry): string =>
  `${FEEDBACK_FROM[f.from]} feedback${f.name === '' ? '' : ` from ${f.name}`}, ${f.date}`;

/** Checks one entry typed in the plan; the problems, in the trainee's words, when it will not do. */
export function checkFeedback(input: Omit<FeedbackInput, 'source'>): { ok: true; value: FeedbackEntry } | { ok: false; problems: string[] } {
  const parsed = FeedbackEntrySchema.safeParse({ ...input, source: 'typed' });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: parsed.error.issues.map((i) => i.message) };
}

const FeedbackFileSchema = z.looseObject({
  format: z.literal(FEEDBACK_FORMAT, { message: 'this is not a Hold the Line feedback file' }),
  feedback: z.array(z.unknown()),
});

/**
 * Reads a feedback file: `{"format": "hold-the-line/feedback", "feedback": [{from, name?, text,
 * qaSection?, date, id?}]}`. Entries without an id get one from `newId`.
 */
export function readFeedbackFile(text: string, newId: () => string): { ok: true; entries: FeedbackEntry[]; problems: string[] } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not valid JSON, so no feedback was imported.' };
  }
  const file = FeedbackFileSchema.safeParse(data);
  if (!file.success) return { ok: false, message: `This is not a feedback file from Hold the Line (${file.error.issues[0]?.message ?? 'unknown shape'}), so nothing was imported.` };
  const entries: FeedbackEntry[] = [];
  const problems: string[] = [];
  file.data.feedback.forEach((raw, i) => {
    const withId = typeof raw === 'object' && raw !== null && !('id' in raw) ? { ...raw, id: newId() } : raw;
    const parsed = FeedbackEntrySchema.safeParse(typeof withId === 'object' && withId !== null ? { ...withId, source: 'imported' } : withId);
    if (parsed.success) entries.push(parsed.data);
    else problems.push(`Feedback ${i + 1}: ${parsed.error.issues.slice(0, 2).map((x) => `${x.path.join('.') || 'entry'}: ${x.message}`).join('; ')}`);
  });
  return { ok: true, entries, problems };
}
