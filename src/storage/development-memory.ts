/**
 * A development store that lives only in memory, for when the browser refuses IndexedDB (private
 * browsing, storage switched off). The screens say so plainly; export keeps the work.
 */
import { emptyRecord, type RunEntry, type TraineeRecord } from '../core/development/trainee-record.ts';
import { mergeRecord, type ReadExport } from '../core/development/export-file.ts';
import type { PlanGoal } from '../core/development/review.ts';
import type { DevelopmentStore, LoadedRecord } from './development-store.ts';
import type { FeedbackEntry } from '../core/development/feedback.ts';

export class MemoryDevelopmentStore implements DevelopmentStore {
  private record: TraineeRecord = emptyRecord();

  async load(): Promise<LoadedRecord> {
    return { record: structuredClone(this.record), quarantined: [] };
  }

  async saveRun(entry: RunEntry): Promise<void> {
    this.record = { ...this.record, runs: [...this.record.runs.filter((r) => r.id !== entry.id), entry].sort((a, b) => a.at.localeCompare(b.at)) };
  }

  async saveGoal(goal: PlanGoal): Promise<void> {
    const others = this.record.goals.filter((g) => g.goal.id !== goal.goal.id);
    this.record = { ...this.record, goals: [...others, goal].sort((a, b) => a.acceptedAt.localeCompare(b.acceptedAt)) };
  }

  async saveFeedback(entry: FeedbackEntry): Promise<void> {
    this.record = { ...this.record, feedback: [...this.record.feedback.filter((f) => f.id !== entry.id), entry].sort((a, b) => a.date.localeCompare(b.date)) };
  }

  async importEntries(read: Pick<ReadExport, 'runs' | 'goals'> & { feedback?: readonly FeedbackEntry[] }): Promise<{ runs: number; goals: number; feedback: number }> {
    const merged = mergeRecord(this.record, read);
    this.record = merged.record;
    return merged.added;
  }
}
