/**
 * The store contract: what the rooms rely on from any classroom store, run against SQLite and a
 * real PostgreSQL. Counting once, single-use tickets, removal and deletion, and migrations that
 * apply once and refuse a database from a newer release.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ClassroomStore, StoredResult, StoredSession } from '../../../src/server/store/classroom-store.ts';
import type { PlayerId, SubmissionId } from '../../../src/shared/classroom-ids.ts';
import { kpis, miniDef } from '../classroom/fixtures.ts';
import { MIGRATIONS } from '../../../src/server/store/migrations.ts';
import { useStorePlaces, type StoreKind, type StorePlace } from './store-kinds.ts';
import { isShared } from '../../../src/server/store/room-changes.ts';

const placeFor = useStorePlaces();

const session = (code: string, createdAt = 1000): StoredSession => ({
  code,
  title: `Class ${code}`,
  trainerKeyHash: 'ab'.repeat(32),
  status: 'lobby',
  createdAt,
  scenarios: [{ id: 'mini-call', title: 'Mini', hash: miniDef.hash, uploaded: false, file: 'mini-call.yaml', text: 'text of the file' }],
  pace: 'untimed',
});

const P1 = 'p0000000001' as PlayerId;
const P2 = 'p0000000002' as PlayerId;

const result = (code: string, id: string, playerId: PlayerId, runHash: string, ticketHash: string | null = null): StoredResult => ({
  code,
  submissionId: id as SubmissionId,
  playerId,
  run: { scenarioId: 'mini-call', scenarioHash: miniDef.hash, events: [], seed: 7 },
  runHash,
  ticketHash,
  kpis: kpis('best'),
  mistakes: null,
  at: 2000,
});

async function withPlayers(store: ClassroomStore, code: string): Promise<void> {
  await store.createSession(session(code));
  await store.addPlayer({ code, playerId: P1, tokenHash: 't1', nickname: 'Ann', joinedAt: 1 });
  await store.addPlayer({ code, playerId: P2, tokenHash: 't2', nickname: 'Bo', joinedAt: 2 });
}

describe.each<StoreKind>(['sqlite', 'postgres'])('the %s store', (kind) => {
  it('keeps a session with its players, tickets and results, and refuses a code already taken', async (ctx) => {
    const place = await placeFor(kind, ctx);
    const store = await place.open();
    expect(await store.createSession(session('AAA111'))).toBe(true);
    expect(await store.createSession({ ...session('AAA111'), title: 'Another' })).toBe(false);
    await store.addPlayer({ code: 'AAA111', playerId: P1, tokenHash: 't1', nickname: 'Ann', joinedAt: 5 });
    await store.addTicket({ code: 'AAA111', ticketHash: 'tk1', playerId: P1, scenarioHash: miniDef.hash, seed: 4_000_000_000, issuedAt: 6 });
    await store.setStatus('AAA111', 'live');
    await store.close();
    const again = await place.open();
    const state = (await again.loadSession('AAA111'))!;
    expect(state.session).toEqual({ ...session('AAA111'), status: 'live' });
    expect(state.players).toMatchObject([{ playerId: P1, nickname: 'Ann', tokenHash: 't1', joinedAt: 5, blocked: false }]);
    expect(state.tickets).toEqual([{ code: 'AAA111', ticketHash: 'tk1', playerId: P1, scenarioHash: miniDef.hash, seed: 4_000_000_000, issuedAt: 6 }]);
    expect(await again.loadSession('NOPE00')).toBeNull();
    await again.close();
  });

  it('keeps the pace the trainer chose and the calls added to a running session', async (ctx) => {
    const place = await placeFor(kind, ctx);
    const store = await place.open();
    await store.createSession({ ...session('LIVE01'), pace: 'live' });
    const added = { id: 'added-call', title: 'Added', hash: 'ef'.repeat(32), uploaded: true, file: 'added.yaml', text: 'the added file' };
    await store.setScenarios('LIVE01', [...session('LIVE01').scenarios, added]);
    await store.close();
    const again = await place.open();
    const state = (await again.loadSession('LIVE01'))!;
    expect(state.session.pace).toBe('live');
    expect(state.session.scenarios.map((s) => s.id)).toEqual(['mini-call', 'added-call']);
    expect(state.session.scenarios[1]).toEqual(added);
    await again.close();
  });

  it('counts a submission once by its id and once by its run, and uses up its ticket', async (ctx) => {
    const store = await (await placeFor(kind, ctx)).open();
    await withPlayers(store, 'BBB222');
    await store.addTicket({ code: 'BBB222', ticketHash: 'tk1', playerId: P1, scenarioHash: miniDef.hash, seed: 1, issuedAt: 6 });
    expect(await store.addResult(result('BBB222', 'sub-1', P1, 'run-a', 'tk1'))).toBe('added');
    expect(await store.addResult(result('BBB222', 'sub-1', P1, 'run-a', 'tk1'))).toBe('duplicate');
    expect(await store.addResult(result('BBB222', 'sub-2', P1, 'run-a'))).toBe('duplicate');
    expect(await store.addResult(result('BBB222', 'sub-3', P2, 'run-a'))).toBe('added');
    const state = (await store.loadSession('BBB222'))!;
    expect(state.results.map((r) => [r.submissionId, r.playerId, r.kpis.qa])).toEqual([
      ['sub-1', P1, kpis('best').qa],
      ['sub-3', P2, kpis('best').qa],
    ]);
    expect(state.tickets).toEqual([]);
    await store.close();
  });

  it('answers submissions arriving together each on its own: one counts, its copies are duplicates', async (ctx) => {
    const store = await (await placeFor(kind, ctx)).open();
    await withPlayers(store, 'CCC333');
    const answers = await Promise.all([
      store.addResult(result('CCC333', 'sub-1', P1, 'run-a')),
      store.addResult(result('CCC333', 'sub-1', P1, 'run-a')),
      store.addResult(result('CCC333', 'sub-2', P2, 'run-b')),
      store.addResult(result('CCC333', 'sub-3', P2, 'run-b')),
    ]);
    expect(answers).toEqual(['added', 'duplicate', 'added', 'duplicate']);
    expect((await store.loadSession('CCC333'))!.results).toHaveLength(2);
    await store.close();
  });

  it('gives back a run, its scorecard and its mistakes exactly as written, whatever characters they hold', async (ctx) => {
    const store = await (await placeFor(kind, ctx)).open();
    await withPlayers(store, 'GGG777');
    const notes = 'Said "sorry" twice \\ then C:\\path, café, 名前, 👍, \u2028 line separator, tab\t and a control \u0001.';
    const run = { scenarioId: 'mini-call', scenarioHash: miniDef.hash, seed: 9, events: [{ type: 'wrap.submit' as const, notes, at: 1 }] };
    const odd: StoredResult = { ...result('GGG777', 'sub-"odd"', P1, 'run-é'), run: run as unknown as StoredResult['run'], mistakes: [] };
    const plain = result('GGG777', 'sub-2', P2, 'run-b', null);
    expect(await Promise.all([store.addResult(odd), store.addResult(plain)])).toEqual(['added', 'added']);
    const loaded = (await store.loadSession('GGG777'))!.results;
    const read = isShared(store) ? (await store.changesSince([{ code: 'GGG777', version: 0 }])).get('GGG777')!.results : loaded;
    for (const got of [loaded, read]) {
      const mine = got.find((r) => r.submissionId === 'sub-"odd"')!;
      expect(mine.run).toEqual(run);
      expect(mine.kpis).toEqual(odd.kpis);
      expect(mine.mistakes).toEqual([]);
      expect(mine.runHash).toBe('run-é');
      expect(got.find((r) => r.submissionId === 'sub-2')).toMatchObject({ playerId: P2, ticketHash: null, mistakes: null });
    }
    // A store that reads one run back at once (the rooms then keep no runs in memory): the same run, and nothing for an unknown id.
    if (store.readRun !== undefined) {
      expect(store.readRun('GGG777', 'sub-"odd"' as SubmissionId)).toEqual(run);
      expect(store.readRun('GGG777', 'sub-none' as SubmissionId)).toBeNull();
    }
    await store.close();
  });

  it('a result for a session deleted meanwhile fails alone, not the others in its batch', async (ctx) => {
    const store = await (await placeFor(kind, ctx)).open();
    await withPlayers(store, 'DDD444');
    await withPlayers(store, 'EEE555');
    await store.deleteSession('DDD444');
    const [gone, kept] = await Promise.allSettled([store.addResult(result('DDD444', 'sub-1', P1, 'run-a')), store.addResult(result('EEE555', 'sub-1', P1, 'run-a'))]);
    expect(gone.status).toBe('rejected');
    expect(kept).toEqual({ status: 'fulfilled', value: 'added' });
    await store.close();
  });

  it('removes a player with their results and tickets; a blocked one stays as a blocked row', async (ctx) => {
    const store = await (await placeFor(kind, ctx)).open();
    await withPlayers(store, 'FFF666');
    await store.addTicket({ code: 'FFF666', ticketHash: 'tk2', playerId: P2, scenarioHash: miniDef.hash, seed: 1, issuedAt: 6 });
    await store.addResult(result('FFF666', 'sub-1', P1, 'run-a'));
    await store.addResult(result('FFF666', 'sub-2', P2, 'run-b'));
    await store.removePlayer('FFF666', P1, false);
    await store.removePlayer('FFF666', P2, true);
    const state = (await store.loadSession('FFF666'))!;
    expect(state.players.map((p) => [p.playerId, p.blocked])).toEqual([[P2, true]]);
    expect(state.results).toEqual([]);
    expect(state.tickets).toEqual([]);
    expect(store.readRun?.('FFF666', 'sub-1' as SubmissionId) ?? null).toBeNull();
    await store.close();
  });

  it('deletes sessions created before a cutoff with everything in them', async (ctx) => {
    const store = await (await placeFor(kind, ctx)).open();
    await store.createSession(session('OLD001', 100));
    await store.addPlayer({ code: 'OLD001', playerId: P1, tokenHash: 't1', nickname: 'Ann', joinedAt: 1 });
    await store.createSession(session('NEW001', 5000));
    expect(await store.deleteCreatedBefore(1000)).toEqual(['OLD001']);
    expect(await store.loadSession('OLD001')).toBeNull();
    expect(await store.loadSession('NEW001')).not.toBeNull();
    await store.close();
  });

  it('applies its migrations once, and refuses a database a newer release migrated', async (ctx) => {
    const place = await placeFor(kind, ctx);
    await (await place.open()).close();
    await (await place.open()).close();
    const versions = await readVersions(place);
    // Every step of the one migration list, each recorded once.
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    expect(versions.length).toBeGreaterThanOrEqual(6);
    await addVersion(place, 99);
    await expect(place.open()).rejects.toThrow(`newer release (schema version 99; this release knows up to ${Math.max(...versions)})`);
  });
});

async function readVersions(place: StorePlace): Promise<number[]> {
  if (place.kind === 'sqlite') {
    const db = new Database(place.path);
    const rows = db.prepare('SELECT version FROM migrations ORDER BY version').all() as { version: number }[];
    db.close();
    return rows.map((r) => r.version);
  }
  const c = new pg.Client({ connectionString: place.url! });
  await c.connect();
  const rows = (await c.query<{ version: number }>('SELECT version FROM migrations ORDER BY version')).rows;
  await c.end();
  return rows.map((r) => r.version);
}

async function addVersion(place: StorePlace, version: number): Promise<void> {
  if (place.kind === 'sqlite') {
    const db = new Database(place.path);
    db.prepare('INSERT INTO migrations (version, applied_at) VALUES (?, ?)').run(version, 0);
    db.close();
    return;
  }
  const c = new pg.Client({ connectionString: place.url! });
  await c.connect();
  await c.query('INSERT INTO migrations (version, applied_at) VALUES ($1, 0)', [version]);
  await c.end();
}
