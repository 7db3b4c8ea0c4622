/**
 * The JSON a trainee exports and imports on another device. Reading one migrates each run and goal
 * from the version it was written in; entries that cannot be read are listed with the reason, and
 * the rest still come in.
 */
import { EXPORT_FORMAT, ExportFileSchema, RECORD_VERSION, type RunEntry, type TraineeRecord } from './trainee-record.ts';
import { migrateFeedback, migrateGoal, migrateRun } from './migrations.ts';
import type { PlanGoal } from './review.ts';
import type { FeedbackEntry } from './feedback.ts';

export function buildExport(record: TraineeRecord, now: string): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: RECORD_VERSION, exportedAt: now, runs: record.runs, goals: record.goals, feedback: record.feedback }, null, 2);
}

export interface ReadExport {
  readonly runs: RunEntry[];
  readonly goals: PlanGoal[];
  readonly feedback: FeedbackEntry[];
  /** One sentence per entry that could not be read. */
  readonly problems: string[];
}

export function readExport(text: string): { ok: true; value: ReadExport } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not valid JSON, so nothing was imported. Choose the .json file the game exported.' };
  }
  const file = ExportFileSchema.safeParse(data);
  if (!file.success) {
    return { ok: false, message: `This is not a development export from Hold the Line (${file.error.issues[0]?.message ?? 'unknown shape'}), so nothing was imported.` };
  }
  const { version } = file.data;
  const runs: RunEntry[] = [];
  const goals: PlanGoal[] = [];
  const feedback: FeedbackEntry[] = [];
  const problems: string[] = [];
  file.data.runs.forEach((raw, i) => {
    const r = migrateRun(raw, version);
    if (r.ok) runs.push(r.value);
    else problems.push(`Run ${i + 1}: ${r.reason}`);
  });
  file.data.goals.forEach((raw, i) => {
    const g = migrateGoal(raw, version);
    if (g.ok) goals.push(g.value);
    else problems.push(`Goal ${i + 1}: ${g.reason}`);
  });
  (file.data.feedback ?? []).forEach((raw, i) => {
    const f = migrateFeedback(raw, version);
    if (f.ok) feedback.push(f.value);
    else problems.push(`Feedback ${i + 1}: ${f.reason}`);
  });
  return { ok: true, value: { runs, goals, feedback, problems } };
}

/** Merges imported entries into a record: entries already there (same id) are kept as they are. */
export function mergeRecord(record: TraineeRecord, incoming: Pick<ReadExport, 'runs' | 'goals'> & { feedback?: readonly FeedbackEntry[] }): { record: TraineeRecord; added: { runs: number; goals: number; feedback: number } } {
  const runIds = new Set(record.runs.map((r) => r.id));
  const goalIds = new Set(record.goals.map((g) => g.goal.id));
  const newRuns = incoming.runs.filter((r) => !runIds.has(r.id));
  const newGoals = incoming.goals.filter((g) => !goalIds.has(g.goal.id));
  const feedbackIds = new Set(record.feedback.map((f) => f.id));
  const newFeedback = (incoming.feedback ?? []).filter((f) => !feedbackIds.has(f.id));
  const runs = [...record.runs, ...newRuns].sort((a, b) => a.at.localeCompare(b.at));
  const feedback = [...record.feedback, ...newFeedback].sort((a, b) => a.date.localeCompare(b.date));
  return { record: { ...record, runs, goals: [...record.goals, ...newGoals], feedback }, added: { runs: newRuns.length, goals: newGoals.length, feedback: newFeedback.length } };
}
