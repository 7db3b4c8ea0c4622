/**
 * Port: the trainee's development record (runs, goals, feedback) and learner details, as the
 * development screens need them. The browser adapter (IndexedDB, falling back to memory with a
 * clear warning) implements it; main.ts wires it in.
 */
import type { RunEntry, TraineeRecord } from '../development/trainee-record.ts';
import type { FeedbackEntry } from '../development/feedback.ts';
import type { PlanGoal } from '../development/review.ts';
import type { ReadExport } from '../development/export-file.ts';
import type { Learner } from '../development/learner.ts';

export interface QuarantinedEntry {
  readonly store: 'runs' | 'goals' | 'feedback';
  readonly key: string;
  readonly reason: string;
  readonly raw: unknown;
  readonly at: string;
}

export interface LoadedRecord {
  readonly record: TraineeRecord;
  /** Everything ever set aside, newest last: shown to the trainee, exportable, never deleted here. */
  readonly quarantined: readonly QuarantinedEntry[];
}

/** What the screens need from the record's storage; the IndexedDB adapter is one implementation. */
export interface DevelopmentStore {
  load(): Promise<LoadedRecord>;
  saveRun(entry: RunEntry): Promise<void>;
  saveGoal(goal: PlanGoal): Promise<void>;
  saveFeedback(entry: FeedbackEntry): Promise<void>;
  importEntries(read: Pick<ReadExport, 'runs' | 'goals'> & { feedback?: readonly FeedbackEntry[] }): Promise<{ runs: number; goals: number; feedback: number }>;
}

export interface StoreAccess {
  readonly store: DevelopmentStore;
  /** The message to show when saving for good is not possible, else null. */
  readonly warning: string | null;
}

export interface DevelopmentStorage {
  /** Opens the record once per page; never rejects (a refused store comes back as memory with a warning). */
  open(): Promise<StoreAccess>;
  /** What went wrong with a save, in words a trainee can act on. */
  problemMessage(error: unknown): string;
  loadLearner(): Learner;
  saveLearner(learner: Learner): void;
  /** Skill badges earned, by skill, with the day each was first earned (ISO time). */
  loadEarnedBadges(): Readonly<Record<string, string>>;
  /** Adds newly earned badges (a badge keeps the day it was first earned); returns the whole set. */
  recordEarnedBadges(skills: readonly string[], now: string): Readonly<Record<string, string>>;
}
