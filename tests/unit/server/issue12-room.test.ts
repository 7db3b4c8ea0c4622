/** Issue 12, the room's side: each failure the probe found, reproduced on a room with a real SQLite file. */
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { PlayerId } from '../../../src/shared/classroom-ids.ts';
import type { ClassroomStore } from '../../../src/server/store/classroom-store.ts';
import { openSqliteStore } from '../../../src/server/store/sqlite-store.ts';
import { Rooms } from '../../../src/server/rooms/rooms.ts';
import { minimumPlayMs } from '../../../src/core/classroom/plausible-time.ts';
import { miniDef } from '../classroom/fixtures.ts';
import { ManualClock, miniLibrary, newDataPath, played, seededRandom, started, submission, world } from './room-harness.ts';

async function liveRoom(w = world()) {
  const created = await w.rooms.create({ title: 'Monday cohort', scenarioHashes: [miniDef.hash], uploads: [] });
  if (!created.ok) throw new Error(created.error);
  const room = (await w.rooms.get(created.value.code))!;
  await room.control('start');
  return { ...w, room, created: created.value };
}
type LiveRoom = Awaited<ReturnType<typeof liveRoom>>['room'];
async function joined(room: LiveRoom, name: string, address = '10.0.0.1') {
  const j = await room.join(name, undefined, address);
  if (!j.ok) throw new Error(j.error);
  return j.value;
}

/** A store whose writes fail as a full disk would, while `failing` is set. */
function failingStore(inner: ClassroomStore, state: { failing: boolean }): ClassroomStore {
  const fail = () => Promise.reject(new Error('SQLITE_FULL: database or disk is full'));
  return {
    ...inner,
    addPlayer: (p) => (state.failing ? fail() : inner.addPlayer(p)),
    setStatus: (c, s) => (state.failing ? fail() : inner.setStatus(c, s)),
    addResult: (r) => (state.failing ? fail() : inner.addResult(r)),
  };
}

describe('item 2: joins per address, removing and blocking, locking the lobby', () => {
  it('one address can add only so many players to a session; another address still joins', async () => {
    const w = world();
    const rooms = new Rooms({ ...roomsDepsOf(w), joinsPerAddress: 3 });
    const created = await rooms.create({ title: 'x', scenarioHashes: [miniDef.hash], uploads: [] });
    const room = (await rooms.get(created.ok ? created.value.code : ''))!;
    for (let i = 0; i < 3; i++) expect((await room.join(`Bot ${i}`, undefined, '6.6.6.6')).ok).toBe(true);
    expect(await room.join('Bot 9', undefined, '6.6.6.6')).toMatchObject({ ok: false, status: 429 });
    expect((await room.join('Real trainee', undefined, '10.1.1.1')).ok).toBe(true);
  });
  it('the trainer removes a player (gone from the board and the file) and blocks another (token and name stay out)', async () => {
    const { room, clock, path } = await liveRoom();
    const bot = await joined(room, 'Spammer');
    const troll = await joined(room, 'Troll');
    await room.submit(bot.playerId, await played(room, clock, bot.playerId, 'best'));
    expect(await room.removePlayer(bot.playerId, false)).toMatchObject({ ok: true });
    expect(await room.removePlayer(troll.playerId, true)).toMatchObject({ ok: true });
    expect(room.leaderboard().map((r) => r.nickname)).toEqual([]);
    expect((await room.debrief()).team.calls).toBe(0);
    expect(await room.join('Troll', troll.token)).toMatchObject({ ok: false, status: 403 });
    expect((await joined(room, 'Troll')).nickname).toBe('Troll 2');
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM players WHERE nickname = 'Spammer'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM results').get()).toEqual({ n: 0 });
    db.close();
  });
  it('the trainer can lock the room while still in the lobby, then start it', async () => {
    const w = world();
    const created = await w.rooms.create({ title: 'x', scenarioHashes: [miniDef.hash], uploads: [] });
    const room = (await w.rooms.get(created.ok ? created.value.code : ''))!;
    expect(await room.control('lock')).toEqual({ ok: true, value: 'locked' });
    expect(await room.join('Late bot', undefined)).toMatchObject({ ok: false, error: expect.stringContaining('locked') });
    expect(await room.control('start')).toEqual({ ok: true, value: 'live' });
  });
});

describe('item 5: one trainee cannot flood submissions', () => {
  it('past a short burst, submissions are refused as "send again later" and nothing more is counted', async () => {
    const { room, clock } = await liveRoom();
    const p = await joined(room, 'Flood');
    const calls = await Promise.all(Array.from({ length: 14 }, (_, i) => started(room, p.playerId, 'best', `flood-${i}-abc`, String(i).padStart(2, '0'))));
    clock.advance(60_000);
    const results = [];
    for (const c of calls) results.push(await room.submit(p.playerId, c));
    const refused = results.filter((r) => r.status === 'refused');
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(refused.every((r) => r.status === 'refused' && r.retry === true)).toBe(true);
    expect(room.leaderboard()[0]!.calls).toBe(14 - refused.length);
  });
});

describe('item 8: stored before shown', () => {
  it('a join that cannot be stored is not shown, and after a restart the room has the same players', async () => {
    const path = newDataPath();
    const inner = openSqliteStore(path);
    const state = { failing: false };
    const w = world(path);
    await w.store.close();
    const rooms = new Rooms({ ...roomsDepsOf(w), store: failingStore(inner, state) });
    const created = await rooms.create({ title: 'x', scenarioHashes: [miniDef.hash], uploads: [] });
    const room = (await rooms.get(created.ok ? created.value.code : ''))!;
    await room.join('Kept', undefined);
    state.failing = true;
    await expect(room.join('Lost', undefined)).rejects.toThrow(/disk is full/);
    await expect(room.control('start')).rejects.toThrow(/disk is full/);
    expect(room.leaderboard().map((r) => r.nickname)).toEqual(['Kept']);
    expect(room.status).toBe('lobby');
    state.failing = false;
    expect((await room.join('Lost', undefined)).ok).toBe(true);
    await inner.close();
    const again = world(path);
    const reloaded = (await again.rooms.get(room.code))!;
    expect(reloaded.leaderboard().map((r) => r.nickname).sort()).toEqual(['Kept', 'Lost']);
  });
  it('a result that cannot be stored is not counted, keeps its ticket and tells the client to send it again', async () => {
    const path = newDataPath();
    const inner = openSqliteStore(path);
    const state = { failing: false };
    const w = world(path);
    await w.store.close();
    const rooms = new Rooms({ ...roomsDepsOf(w), store: failingStore(inner, state) });
    const created = await rooms.create({ title: 'x', scenarioHashes: [miniDef.hash], uploads: [] });
    const room = (await rooms.get(created.ok ? created.value.code : ''))!;
    const p = await room.join('Sam', undefined);
    if (!p.ok) throw new Error(p.error);
    const call = await played(room, w.clock, p.value.playerId, 'best');
    state.failing = true;
    expect(await room.submit(p.value.playerId, call)).toMatchObject({ status: 'refused', retry: true });
    expect(room.leaderboard()[0]!.calls).toBe(0);
    state.failing = false;
    expect(await room.submit(p.value.playerId, call)).toMatchObject({ status: 'accepted', duplicate: false });
  });
});

describe('item 9: player ids cannot collide', () => {
  it('with stored ids p1 and p7, new joins get new ids and nobody is overwritten', async () => {
    const w = world();
    const created = await w.rooms.create({ title: 'x', scenarioHashes: [miniDef.hash], uploads: [] });
    const code = created.ok ? created.value.code : '';
    for (const [id, name] of [['p1', 'One'], ['p7', 'Seven']] as const) {
      await w.store.addPlayer({ code, playerId: id as PlayerId, tokenHash: 'x'.repeat(64) + id, nickname: name, joinedAt: 1 });
    }
    await w.store.close();
    const again = world(w.path);
    const room = (await again.rooms.get(code))!;
    const a = await joined(room, 'Ann');
    const b = await joined(room, 'Ben');
    expect(new Set([a.playerId, b.playerId, 'p1', 'p7']).size).toBe(4);
    expect(room.playerByToken(a.token)).toBe(a.playerId);
    expect(room.playerList().map((p) => p.nickname).sort()).toEqual(['Ann', 'Ben', 'One', 'Seven']);
  });
});

describe('item 10: a run is tied to its player and to a started call', () => {
  it.each([
    ['no ticket (a run found offline)', async (room: LiveRoom, _alice: PlayerId, bob: PlayerId) => submission('best', 'offline-run-1', { ticket: 'Z'.repeat(40) as never, seed: 1 }), 'ticket is unknown'],
    ["Alice's call sent with Bob's token", async (room: LiveRoom, alice: PlayerId) => started(room, alice, 'best'), 'not started in this session by you'],
    ['a seed that is not the ticket’s', async (room: LiveRoom, _a: PlayerId, bob: PlayerId) => {
      const s = await started(room, bob, 'best');
      return { ...s, run: { ...s.run, seed: (s.run.seed + 1) >>> 0 } };
    }, 'seed'],
  ])('%s is refused', async (_name, make, reason) => {
    const { room, clock } = await liveRoom();
    const alice = await joined(room, 'Alice');
    const bob = await joined(room, 'Bob');
    const s = await make(room, alice.playerId, bob.playerId);
    clock.advance(60_000);
    expect(await room.submit(bob.playerId, s)).toMatchObject({ status: 'refused', reason: expect.stringContaining(reason) });
    expect(room.leaderboard().every((r) => r.calls === 0)).toBe(true);
  });
  it('a run sent sooner than a person could play it is refused; the same run after that time is accepted', async () => {
    const { room, clock } = await liveRoom();
    const p = await joined(room, 'Speedy');
    const s = await started(room, p.playerId, 'best');
    const floor = minimumPlayMs(s.run.events);
    expect(floor).toBeGreaterThan(5000);
    clock.advance(floor - 1000);
    expect(await room.submit(p.playerId, s)).toMatchObject({ status: 'refused', reason: expect.stringContaining('implausibly fast') });
    clock.advance(1000);
    expect(await room.submit(p.playerId, s)).toMatchObject({ status: 'accepted' });
  });
  it('a ticket is used once: a second run on it is refused', async () => {
    const { room, clock } = await liveRoom();
    const p = await joined(room, 'Once');
    const first = await played(room, clock, p.playerId, 'best');
    expect(await room.submit(p.playerId, first)).toMatchObject({ status: 'accepted' });
    const other = { ...submission('sloppyClose', 'second-on-same', { ticket: first.ticket, seed: first.run.seed }) };
    expect(await room.submit(p.playerId, other)).toMatchObject({ status: 'refused', reason: expect.stringContaining('already used') });
  });
  it('a ticket is only given for the session’s own scenarios and to its players', async () => {
    const { room } = await liveRoom();
    const p = await joined(room, 'Sam');
    expect(await room.issueTicket(p.playerId, 'f'.repeat(64))).toMatchObject({ ok: false, status: 404 });
    expect(await room.issueTicket('pnobody' as PlayerId, miniDef.hash)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('item 11: the same run resent counts once', () => {
  it('resent twenty times with new submission ids and new tickets, it is one call', async () => {
    const { room, clock } = await liveRoom();
    const p = await joined(room, 'Repeat');
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await room.submit(p.playerId, await played(room, clock, p.playerId, 'fatal', `resend-${i}-abcdef`)));
    expect(answers.filter((a) => a.status === 'accepted' && !a.duplicate)).toHaveLength(1);
    expect(answers.every((a) => a.status === 'accepted')).toBe(true);
    expect(room.leaderboard()[0]!.calls).toBe(1);
    expect((await room.debrief()).team.calls).toBe(1);
  });
});

describe('item 13: a deleted session refuses cleanly and closes its sockets', () => {
  it('a submission after delete is refused with a reason, not a database error, and every socket is told and closed', async () => {
    const { room, rooms, clock, sent } = await liveRoom();
    const p = await joined(room, 'Late');
    const s = await played(room, clock, p.playerId, 'best');
    await rooms.delete(room);
    expect(await room.submit(p.playerId, s)).toMatchObject({ status: 'refused', reason: expect.stringContaining('deleted') });
    expect(sent.some((m) => m.to === 'all' && m.message.type === 'deleted')).toBe(true);
  });
});

describe('item 6: idle rooms and their uploads leave memory and come back from the file', () => {
  it('a room idle past the limit is evicted with its uploaded definition, and reloads with its results', async () => {
    const w = world();
    const text = readFileSync('tests/unit/core/fixtures/mini-call.yaml', 'utf8').replace('title:', 'title: Uploaded -');
    const created = await w.rooms.create({ title: 'Up', scenarioHashes: [], uploads: [{ file: 'mine.yaml', text }] });
    if (!created.ok) throw new Error(created.details.join('\n'));
    expect(w.rooms.uploadedInMemory).toBe(1);
    const room = (await w.rooms.get(created.value.code))!;
    const p = await joined(room, 'Sam');
    w.clock.advance(10 * 60_000);
    expect(w.rooms.evictIdle(30 * 60_000)).toEqual([]);
    w.clock.advance(31 * 60_000);
    expect(w.rooms.evictIdle(30 * 60_000)).toEqual([room.code]);
    expect(w.rooms.size).toBe(0);
    expect(w.rooms.uploadedInMemory).toBe(0);
    const back = (await w.rooms.get(room.code))!;
    expect(back).not.toBe(room);
    expect(back.playerByToken(p.token)).toBe(p.playerId);
    expect(w.rooms.uploadedInMemory).toBe(1);
  });
  it('a room with someone connected is not evicted', async () => {
    const { room, rooms, clock } = await liveRoom();
    const p = await joined(room, 'Here');
    room.connected(p.playerId, 1);
    clock.advance(120 * 60_000);
    expect(rooms.evictIdle(30 * 60_000)).toEqual([]);
  });
});

describe('item 15: deleted nicknames are not left readable in the files', () => {
  it('after a delete, neither the database file nor its WAL holds the nickname', async () => {
    const { room, rooms, path, store } = await liveRoom();
    await joined(room, 'Zebulonquist');
    await rooms.delete(room);
    const bytes = (f: string) => (existsSync(f) ? readFileSync(f).toString('latin1') : '');
    expect(bytes(path)).not.toContain('Zebulonquist');
    expect(bytes(`${path}-wal`)).not.toContain('Zebulonquist');
    await store.close();
  });
  it('the same after a retention sweep', async () => {
    const { room, rooms, path, clock } = await liveRoom();
    await joined(room, 'Quillanbert');
    clock.advance(31 * 86_400_000);
    expect(await rooms.sweep(30)).toEqual([room.code]);
    const bytes = (f: string) => (existsSync(f) ? readFileSync(f).toString('latin1') : '');
    expect(bytes(path) + bytes(`${path}-wal`)).not.toContain('Quillanbert');
  });
});

describe('item 18: ranked on the session’s calls; no call yet, no rank', () => {
  it('one easy call done well does not top a trainee who played both calls well', async () => {
    const w = world();
    const second = readFileSync('tests/unit/core/fixtures/mini-call.yaml', 'utf8').replace('id: mini-call', 'id: mini-call-two').replace('title:', 'title: Second -');
    const created = await w.rooms.create({ title: 'Two calls', scenarioHashes: [miniDef.hash], uploads: [{ file: 'second.yaml', text: second }] });
    if (!created.ok) throw new Error(created.details.join('\n'));
    const room = (await w.rooms.get(created.value.code))!;
    await room.control('start');
    const hashes = created.value.scenarios.map((s) => s.hash);
    expect(hashes).toHaveLength(2);
    const one = await joined(room, 'OneCall');
    const both = await joined(room, 'BothCalls');
    const nobody = await joined(room, 'NotYet');
    await room.submit(one.playerId, await played(room, w.clock, one.playerId, 'best'));
    await room.submit(both.playerId, await played(room, w.clock, both.playerId, 'sloppyClose'));
    const issued = await room.issueTicket(both.playerId, hashes[1]!);
    if (!issued.ok) throw new Error(issued.error);
    const onSecond = submission('sloppyClose', 'second-call-1', issued.value);
    const def2 = room.definitions.get(hashes[1]!)!;
    w.clock.advance(60_000);
    const r = await room.submit(both.playerId, { ...onSecond, run: { ...onSecond.run, scenarioId: def2.scenario.id, scenarioHash: hashes[1]! } });
    expect(r).toMatchObject({ status: 'accepted' });
    const rows = room.leaderboard();
    expect(rows.map((x) => [x.nickname, x.rank, x.played, x.scenarios])).toEqual([
      ['BothCalls', 1, 2, 2],
      ['OneCall', 2, 1, 2],
      ['NotYet', null, 0, 2],
    ]);
    expect(nobody.playerId).toBeDefined();
  });
});

function roomsDepsOf(w: ReturnType<typeof world>) {
  return {
    store: w.store,
    clock: w.clock,
    random: seededRandom(7),
    pushIntervalMs: 150,
    maxPlayers: 50,
    topRows: 20,
    library: miniLibrary,
    broadcastFor: () => ({ toAll: () => undefined, toViewers: () => undefined, toPlayer: () => undefined, toPlayerJson: () => undefined, close: () => undefined }),
  };
}
void ManualClock;
