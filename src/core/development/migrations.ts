/**
 * Migrations of stored runs and goals from older record versions to the current one. Version 1
 * kept the self-rating as five numbers under short keys, a run's time as `date`, and a goal's
 * deadline as a bare number of calls; version 2 pre-filled reflections. Each migration is a pure
 * function of one entry.
 */
import type { z } from 'zod';
import { RECORD_VERSION, RunEntrySchema, type RunEntry } from './trainee-record.ts';
import { PlanGoalSchema, type PlanGoal } from './review.ts';
import { FeedbackEntrySchema, type FeedbackEntry } from './feedback.ts';
import { RunLogSchema } from '../../shared/call-events.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const V1_AREA_KEYS: Readonly<Record<string, string>> = Object.freeze({
  idv: 'idv-data',
  listening: 'listening-empathy',
  resolution: 'resolution',
  control: 'control-time',
  compliance: 'compliance',
});

function runV1toV2(v1: Obj): Obj {
  const { date, selfRating, notes, ...rest } = v1;
  let rating: Obj | null = null;
  if (isObj(selfRating)) {
    const ratings = Object.fromEntries(Object.entries(V1_AREA_KEYS).map(([old, now]) => [now, selfRating[old]]));
    rating = { ratings, wentWell: typeof notes === 'string' ? notes : '', toImprove: '', at: date };
  }
  return { ...rest, at: date, rating, reflection: rest['reflection'] ?? null };
}

function goalV1toV2(v1: Obj): Obj {
  const { goal, ...rest } = v1;
  if (!isObj(goal)) return v1;
  const { deadlineCalls, ...g } = goal;
  return { ...rest, goal: { ...g, deadline: { kind: 'calls', calls: deadlineCalls } } };
}

/** Version 2 pre-filled every reflection from the call: its words are marked as possibly the game's. */
function runV2toV3(v2: Obj): Obj {
  const reflection = v2['reflection'];
  return isObj(reflection) ? { ...v2, reflection: { ...reflection, inserted: [], prefilled: true } } : v2;
}

const RUN_MIGRATIONS: Readonly<Record<number, (v: Obj) => Obj>> = Object.freeze({ 1: runV1toV2, 2: runV2toV3 });
const GOAL_MIGRATIONS: Readonly<Record<number, (v: Obj) => Obj>> = Object.freeze({ 1: goalV1toV2, 2: (v: Obj) => v });

export type Migrated<T> = { ok: true; value: T } | { ok: false; reason: string };

function migrate<T>(raw: unknown, fromVersion: number, steps: Readonly<Record<number, (v: Obj) => Obj>>, schema: z.ZodType<T>, what: string): Migrated<T> {
  if (!Number.isInteger(fromVersion) || fromVersion < 1) return { ok: false, reason: `${what} has no valid version number` };
  if (fromVersion > RECORD_VERSION) return { ok: false, reason: `${what} was saved by a newer version of the game (v${fromVersion}); update the game to read it` };
  if (!isObj(raw)) return { ok: false, reason: `${what} is not an object` };
  let value: Obj = raw;
  for (let v = fromVersion; v < RECORD_VERSION; v += 1) value = steps[v]!(value);
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
  return { ok: false, reason: `${what} does not match the v${RECORD_VERSION} format — ${first.join('; ')}` };
}

/**
 * Run logs gain a `seed` (the order the options were shown in; replay does not depend on it). A run
 * stored before that has none: it gets 0, so no stored call is set aside for lacking it.
 */
const RUN_LOG_HAS_SEED = 'seed' in RunLogSchema.shape;
function withSeed(raw: unknown): unknown {
  if (!RUN_LOG_HAS_SEED || !isObj(raw) || !isObj(raw['run']) || 'seed' in raw['run']) return raw;
  return { ...raw, run: { ...raw['run'], seed: 0 } };
}

export const migrateRun = (raw: unknown, fromVersion: number): Migrated<RunEntry> => migrate(withSeed(raw), fromVersion, RUN_MIGRATIONS, RunEntrySchema, 'a stored run');
export const migrateFeedback = (raw: unknown, fromVersion: number): Migrated<FeedbackEntry> => migrate(raw, Math.max(fromVersion, RECORD_VERSION), {}, FeedbackEntrySchema, 'a stored feedback entry');
export const migrateGoal = (raw: unknown, fromVersion: number): Migrated<PlanGoal> => migrate(raw, fromVersion, GOAL_MIGRATIONS, PlanGoalSchema, 'a stored goal');
