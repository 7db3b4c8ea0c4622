/**
 * The development record in the browser (IndexedDB). Each run and goal is stored on its own with
 * the record version it was written in, migrated and validated when read. An entry that cannot be
 * read is moved to a quarantine store with the reason — kept, reported, never silently dropped.
 */
import { RECORD_VERSION, emptyRecord, type RunEntry, type TraineeRecord } from '../core/development/trainee-record.ts';
import { migrateFeedback, migrateGoal, migrateRun, type Migrated } from '../core/development/migrations.ts';
import type { FeedbackEntry } from '../core/development/feedback.ts';
import type { PlanGoal } from '../core/development/review.ts';
import { mergeRecord, type ReadExport } from '../core/development/export-file.ts';
import { StorageProblem, storageProblem } from './development-errors.ts';
import type { DevelopmentStore, LoadedRecord, QuarantinedEntry } from '../core/ports/development-store.ts';

export type { DevelopmentStore, LoadedRecord, QuarantinedEntry };

export const DB_NAME = 'hold-the-line-development';
/** IndexedDB's own schema version (object stores), not the record version. */
export const DB_VERSION = 2;
export const STORES = Object.freeze({ runs: 'runs', goals: 'goals', feedback: 'feedback', quarantine: 'quarantine' } as const);
type EntryStore = QuarantinedEntry['store'];

interface Envelope { readonly id: string; readonly v: number; readonly data: unknown }

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(DB_NAME, DB_VERSION);
    } catch (error) {
      reject(storageProblem(error));
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORES.runs)) db.createObjectStore(STORES.runs, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(STORES.goals)) db.createObjectStore(STORES.goals, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(STORES.feedback)) db.createObjectStore(STORES.feedback, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(STORES.quarantine)) db.createObjectStore(STORES.quarantine, { autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(storageProblem(req.error));
    req.onblocked = () => reject(new StorageProblem('other', 'the database is open in another tab with an older version'));
  });
}

const envelopeOf = (raw: unknown): Envelope | null =>
  typeof raw === 'object' && raw !== null && typeof (raw as Envelope).id === 'string' && typeof (raw as Envelope).v === 'number' ? (raw as Envelope) : null;

export class IndexedDbDevelopmentStore implements DevelopmentStore {
  private constructor(private readonly db: IDBDatabase, private readonly now: () => string) {}

  /** Opens the store; fails with a StorageProblem (clear message) when the browser will not store anything. */
  static async open(factory: IDBFactory | undefined = globalThis.indexedDB, now: () => string = () => new Date().toISOString()): Promise<IndexedDbDevelopmentStore> {
    if (factory === undefined) throw new StorageProblem('blocked', 'indexedDB is not available in this browser');
    return new IndexedDbDevelopmentStore(await openDb(factory), now);
  }

  close(): void {
    this.db.close();
  }

  async load(): Promise<LoadedRecord> {
    try {
      const tx = this.db.transaction([STORES.runs, STORES.goals, STORES.feedback, STORES.quarantine], 'readwrite');
      const [rawRuns, runKeys, rawGoals, goalKeys, rawFeedback, feedbackKeys] = await Promise.all([
        request(tx.objectStore(STORES.runs).getAll()),
        request(tx.objectStore(STORES.runs).getAllKeys()),
        request(tx.objectStore(STORES.goals).getAll()),
        request(tx.objectStore(STORES.goals).getAllKeys()),
        request(tx.objectStore(STORES.feedback).getAll()),
        request(tx.objectStore(STORES.feedback).getAllKeys()),
      ]);
      const runs = this.sift(tx, 'runs', rawRuns, runKeys, migrateRun);
      const goals = this.sift(tx, 'goals', rawGoals, goalKeys, migrateGoal);
      const feedback = this.sift(tx, 'feedback', rawFeedback, feedbackKeys, migrateFeedback);
      const quarantined = (await request(tx.objectStore(STORES.quarantine).getAll())) as QuarantinedEntry[];
      await done(tx);
      runs.sort((a, b) => a.at.localeCompare(b.at));
      goals.sort((a, b) => a.acceptedAt.localeCompare(b.acceptedAt));
      feedback.sort((a, b) => a.date.localeCompare(b.date));
      return { record: { ...emptyRecord(), runs, goals, feedback }, quarantined };
    } catch (error) {
      throw storageProblem(error);
    }
  }

  /** Keeps the entries that read; moves the rest to quarantine within the same transaction. */
  private sift<T>(tx: IDBTransaction, store: EntryStore, raws: unknown[], keys: IDBValidKey[], migrate: (raw: unknown, v: number) => Migrated<T>): T[] {
    const kept: T[] = [];
    raws.forEach((raw, i) => {
      const envelope = envelopeOf(raw);
      const result: Migrated<T> = envelope === null ? { ok: false, reason: `a stored ${store.slice(0, -1)} has no version envelope` } : migrate(envelope.data, envelope.v);
      if (result.ok) {
        kept.push(result.value);
        return;
      }
      const entry: QuarantinedEntry = { store, key: String(keys[i]), reason: result.reason, raw, at: this.now() };
      tx.objectStore(STORES.quarantine).add(entry);
      tx.objectStore(store).delete(keys[i]!);
    });
    return kept;
  }

  private async put(store: EntryStore, items: readonly { id: string; data: unknown }[]): Promise<void> {
    try {
      const tx = this.db.transaction(STORES[store], 'readwrite');
      for (const { id, data } of items) tx.objectStore(STORES[store]).put({ id, v: RECORD_VERSION, data } satisfies Envelope);
      await done(tx);
    } catch (error) {
      throw storageProblem(error);
    }
  }

  saveRun(entry: RunEntry): Promise<void> {
    return this.put('runs', [{ id: entry.id, data: entry }]);
  }

  saveGoal(goal: PlanGoal): Promise<void> {
    return this.put('goals', [{ id: goal.goal.id, data: goal }]);
  }

  saveFeedback(entry: FeedbackEntry): Promise<void> {
    return this.put('feedback', [{ id: entry.id, data: entry }]);
  }

  async importEntries(read: Pick<ReadExport, 'runs' | 'goals'> & { feedback?: readonly FeedbackEntry[] }): Promise<{ runs: number; goals: number; feedback: number }> {
    const { record } = await this.load();
    const merged = mergeRecord(record, read);
    const known = new Set(record.runs.map((r) => r.id));
    const knownGoals = new Set(record.goals.map((g) => g.goal.id));
    await this.put('runs', merged.record.runs.filter((r) => !known.has(r.id)).map((r) => ({ id: r.id, data: r })));
    await this.put('goals', merged.record.goals.filter((g) => !knownGoals.has(g.goal.id)).map((g) => ({ id: g.goal.id, data: g })));
    const knownFeedback = new Set(record.feedback.map((f) => f.id));
    await this.put('feedback', merged.record.feedback.filter((f) => !knownFeedback.has(f.id)).map((f) => ({ id: f.id, data: f })));
    return merged.added;
  }
}
