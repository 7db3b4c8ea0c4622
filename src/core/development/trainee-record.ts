/**
 * Everything the development loop keeps for one trainee, versioned. Version 3 is current (reflections
 * remember the facts the game inserted; received feedback has its own entries); versions 1 and 2
 * are migrated on load and on import. Each run and goal is validated on its own,
 * so one bad entry is set aside with a reason and never takes the rest down with it.
 */
import { z } from 'zod';
import { StoredRunLogSchema } from '../../shared/call-events.ts';
import { ScorecardSchema } from '../../shared/scorecard.ts';
import { SelfRatingSchema } from './self-rating.ts';
import { ReflectionSchema } from './reflection.ts';
import { PlanGoalSchema } from './review.ts';
import { FeedbackEntrySchema } from './feedback.ts';

export const RECORD_VERSION = 3;

export const RunEntrySchema = z.strictObject({
  id: z.string().min(1),
  at: z.iso.datetime(),
  scenarioTitle: z.string(),
  run: StoredRunLogSchema,
  scorecard: ScorecardSchema,
  rating: SelfRatingSchema.nullable(),
  reflection: ReflectionSchema.nullable(),
});
export type RunEntry = z.infer<typeof RunEntrySchema>;

export const TraineeRecordSchema = z.strictObject({
  version: z.literal(RECORD_VERSION),
  runs: z.array(RunEntrySchema),
  goals: z.array(PlanGoalSchema),
  feedback: z.array(FeedbackEntrySchema),
});
export type TraineeRecord = z.infer<typeof TraineeRecordSchema>;

export const emptyRecord = (): TraineeRecord => ({ version: RECORD_VERSION, runs: [], goals: [], feedback: [] });

/** The export file: the record plus when and by what it was written. */
export const EXPORT_FORMAT = 'hold-the-line/development';
export const ExportFileSchema = z.looseObject({
  format: z.literal(EXPORT_FORMAT, { message: 'this is not a Hold the Line development export' }),
  version: z.number().int().min(1),
  exportedAt: z.string(),
  runs: z.array(z.unknown()),
  goals: z.array(z.unknown()),
  /** From version 3. */
  feedback: z.array(z.unknown()).optional(),
});
