/**
 * The JSON a trainee exports and imports on another device. Reading one migrates each run and goal
 * from the version it was written in; entries that cannot be read are listed with the reason, and
 * the rest still come in.
 */
import { EXPORT_FORMAT, ExportFileSchema, RECORD_VERSION, type RunEntry, type TraineeRecord } from './trainee-record.ts';
import { migrateGoal, migrateRun } from './migrations.ts';
import type { PlanGoal } from './review.ts';

export function buildExport(record: TraineeRecord, now: string): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: RECORD_VERSION, exportedAt: now, runs: record.runs, goals: record.goals }, null, 2);
}

export interface ReadExport {
  readonly runs: RunEntry[];
  readonly goals: PlanGoal[];
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
  return { ok: true, value: { runs, goals, problems } };
}

/** Merges imported entries into a record: entries already there (same id) are kept as they are. */
export function mergeRecord(record: TraineeRecord, incoming: ReadExport): { record: TraineeRecord; added: { runs: number; goals: number } } {
  const runIds = new Set(record.runs.map((r) => r.id));
  const goalIds = new Set(record.goals.map((g) => g.goal.id));
  const newRuns = incoming.runs.filter((r) => !runIds.has(r.id));
  const newGoals = incoming.goals.filter((g) => !goalIds.has(g.goal.id));
  const runs = [...record.runs, ...newRuns].sort((a, b) => a.at.localeCompare(b.at));
  return { record: { ...record, runs, goals: [...record.goals, ...newGoals] }, added: { runs: newRuns.length, goals: newGoals.length } };
}
