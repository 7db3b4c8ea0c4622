/**
 * A walkthrough file: a trainer's test run saved from the workbench so the project's tests replay
 * it (tests/walkthroughs/*.walkthrough.json). It carries the call's text itself, where the test
 * started and with what state, the events played, and what the watch panel showed after each one.
 */
import { z } from 'zod';
import { CallEventSchema, RunSeedSchema } from '../shared/call-events.ts';
import type { CallEvent } from '../shared/call-events.ts';
import type { StartPoint } from '../core/engine/start-from.ts';
import type { WatchState } from './watch.ts';

const StartPointSchema = z.strictObject({
  step: z.string().min(1),
  mood: z.number(),
  patience: z.number(),
  flags: z.array(z.string()),
  idv: z.enum(['not-done', 'passed', 'failed']),
  elapsed: z.number().min(0),
});

const WatchStateSchema = z.strictObject({
  at: z.string(),
  mood: z.number(),
  patience: z.number(),
  flags: z.array(z.string()),
  idv: z.string(),
  qaMet: z.array(z.string()),
  qaMissed: z.array(z.string()),
  time: z.number(),
});

export const WalkthroughFileSchema = z.strictObject({
  walkthrough: z.literal(1),
  /** What the trainer called the test. */
  title: z.string().min(1).max(200),
  /** Where the call came from (a library path or the name of the trainer's file); for people, not for the run. */
  file: z.string(),
  /** The call's YAML as it was when the test was played. */
  source: z.string().min(1),
  /** Null: from the phone ringing, as a trainee meets the call. */
  start: StartPointSchema.nullable(),
  seed: RunSeedSchema,
  events: z.array(CallEventSchema).max(400),
  /** What the watch panel showed after each event (same length as `events`). */
  turns: z.array(WatchStateSchema),
  /** The outcome the call ended with, when it was played to the end. */
  outcome: z.string().nullable(),
});
export type WalkthroughFile = z.infer<typeof WalkthroughFileSchema>;

export interface WalkthroughParts {
  readonly title: string;
  readonly file: string;
  readonly source: string;
  readonly start: StartPoint | null;
  readonly seed: number;
  readonly events: readonly CallEvent[];
  readonly turns: readonly WatchState[];
  readonly outcome: string | null;
}

export function makeWalkthrough(parts: WalkthroughParts): WalkthroughFile {
  return {
    walkthrough: 1,
    title: parts.title,
    file: parts.file,
    source: parts.source,
    start: parts.start === null ? null : { ...parts.start, flags: [...parts.start.flags] },
    seed: parts.seed,
    events: [...parts.events],
    turns: parts.turns.map((t) => ({ ...t, flags: [...t.flags], qaMet: [...t.qaMet], qaMissed: [...t.qaMissed] })),
    outcome: parts.outcome,
  };
}

/** A file name for the walkthrough: lower-case words from its title. */
export function walkthroughFileName(title: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${slug === '' ? 'test-run' : slug}.walkthrough.json`;
}
