import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { DB_NAME, DB_VERSION, IndexedDbDevelopmentStore } from '../../../src/storage/development-store.ts';
import { STORAGE_MESSAGES, StorageProblem, storageProblem } from '../../../src/storage/development-errors.ts';
import { readExport } from '../../../src/core/development/export-file.ts';
import type { RunEntry } from '../../../src/core/development/trainee-record.ts';
import { makeCard, NOW } from './make-card.ts';

const v1 = JSON.parse(readFileSync('tests/unit/development/fixtures/export-v1.json', 'utf8'));

const entry = (id: string, at = NOW): RunEntry => ({
  id, at, scenarioTitle: 'Double charge', run: { scenarioId: 'test', scenarioHash: '0'.repeat(64), seed: 1, events: [] },
  scorecard: makeCard({ sections: { empathy: 60 } }), rating: null, reflection: null,
});

/** Writes raw values straight into the database, as an older version of the game would have. */
async function seed(factory: IDBFactory, store: 'runs' | 'goals', values: unknown[]): Promise<void> {
  const s = await IndexedDbDevelopmentStore.open(factory);
  s.close();
  await new Promise<void>((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onsuccess = () => {
      const tx = req.result.transaction(store, 'readwrite');
      for (const v of values) tx.objectStore(store).put(v);
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('IndexedDB development store', () => {
  it('keeps runs and goals across a reopen (a page reload)', async () => {
    const factory = new IDBFactory();
    const first = await IndexedDbDevelopmentStore.open(factory);
    await first.saveRun(entry('r2', '2026-11-23T11:00:00.000Z'));
    await first.saveRun(entry('r1'));
    const read = readExport(JSON.stringify(v1));
    await first.saveGoal(read.ok ? read.value.goals[0]! : (undefined as never));
    first.close();
    const again = await (await IndexedDbDevelopmentStore.open(factory)).load();
    expect(again.record.runs.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(again.record.goals.map((g) => g.goal.id)).toEqual(['g-old']);
    expect(again.quarantined).toEqual([]);
  });

  it('migrates entries stored by version 1', async () => {
    const factory = new IDBFactory();
    await seed(factory, 'runs', [{ id: 'run-a', v: 1, data: v1.runs[0] }]);
    await seed(factory, 'goals', [{ id: 'g-old', v: 1, data: v1.goals[0] }]);
    const { record, quarantined } = await (await IndexedDbDevelopmentStore.open(factory)).load();
    expect(record.runs[0]!.rating?.ratings['control-time']).toBe(3);
    expect(record.goals[0]!.goal.deadline).toEqual({ kind: 'calls', calls: 5 });
    expect(quarantined).toEqual([]);
  });

  it('sets corrupted entries aside in quarantine with the reason, and keeps them there', async () => {
    const factory = new IDBFactory();
    await seed(factory, 'runs', [{ id: 'good', v: 2, data: entry('good') }, { id: 'bad', v: 2, data: { id: 'bad', scorecard: 'torn' } }, { id: 'bare' }]);
    const store = await IndexedDbDevelopmentStore.open(factory, () => NOW);
    const loaded = await store.load();
    expect(loaded.record.runs.map((r) => r.id)).toEqual(['good']);
    expect(loaded.quarantined.map((q) => [q.key, q.store])).toEqual([['bad', 'runs'], ['bare', 'runs']]);
    expect(loaded.quarantined[0]!.reason).toMatch(/does not match the v3 format/);
    expect(loaded.quarantined[0]!.raw).toEqual({ id: 'bad', v: 2, data: { id: 'bad', scorecard: 'torn' } });
    const later = await store.load();
    expect(later.quarantined).toHaveLength(2);
    expect(later.record.runs).toHaveLength(1);
  });

  it('imports an export, adding only what is new', async () => {
    const store = await IndexedDbDevelopmentStore.open(new IDBFactory());
    await store.saveRun(entry('run-a'));
    const read = readExport(JSON.stringify(v1));
    if (!read.ok) throw new Error(read.message);
    expect(await store.importEntries(read.value)).toEqual({ runs: 0, goals: 1, feedback: 0 });
    expect((await store.load()).record.goals).toHaveLength(1);
  });

  it('says clearly when the browser has no IndexedDB (some private modes)', async () => {
    const error = await IndexedDbDevelopmentStore.open(undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageProblem);
    expect((error as StorageProblem).message).toBe(STORAGE_MESSAGES.blocked);
  });

  it('says clearly when opening is refused', async () => {
    const refusing = {
      open() {
        const req: Record<string, unknown> = {};
        setTimeout(() => { req['error'] = new DOMException('A mutation operation was attempted', 'InvalidStateError'); (req['onerror'] as () => void)(); });
        return req;
      },
    } as unknown as IDBFactory;
    const error = await IndexedDbDevelopmentStore.open(refusing).catch((e: unknown) => e);
    expect((error as StorageProblem).kind).toBe('blocked');
  });

  it.each([
    [new DOMException('full', 'QuotaExceededError'), 'quota'],
    [new DOMException('no', 'SecurityError'), 'blocked'],
    [new DOMException('old', 'VersionError'), 'newer'],
    [new Error('something odd'), 'other'],
  ] as const)('maps %s to the %s message', (error, kind) => {
    const problem = storageProblem(error);
    expect(problem.kind).toBe(kind);
    expect(problem.message).toBe(STORAGE_MESSAGES[kind]);
  });
});
