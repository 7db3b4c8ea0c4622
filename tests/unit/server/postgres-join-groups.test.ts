/**
 * Players joining and tickets issued written in groups (postgres-player-ticket-writer.ts), on a real
 * PostgreSQL: a burst of joins from two instances to several rooms at once is stored in far fewer
 * commits than joins, every player and ticket is there and reaches a third instance, and one bad
 * write in a group (a session deleted meanwhile, a player id already taken) fails alone.
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { StoredSession } from '../../../src/server/store/classroom-store.ts';
import { isShared } from '../../../src/server/store/room-changes.ts';
import type { PlayerId } from '../../../src/shared/classroom-ids.ts';
import { miniDef } from '../classroom/fixtures.ts';
import { useStorePlaces } from './store-kinds.ts';

const placeFor = useStorePlaces();
const ROOMS = ['JNG0001', 'JNG0002', 'JNG0003'];
const PER_ROOM = 40;

const session = (code: string): StoredSession => ({ code, title: code, trainerKeyHash: 'ab'.repeat(32), status: 'live', createdAt: 1, scenarios: [], pace: 'untimed' });
const player = (n: number) => `p${String(n).padStart(10, '0')}` as PlayerId;
const joinOf = (code: string, n: number) => ({ code, playerId: player(n), tokenHash: `${code}-token-${n}`, nickname: `Trainee ${n}`, joinedAt: n });
const ticketOf = (code: string, n: number) => ({ code, ticketHash: `${code}-ticket-${n}`, playerId: player(n), scenarioHash: miniDef.hash, seed: 4_000_000_000 + n, issuedAt: n });

async function commitsSoFar(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()');
  await c.end();
  return Number(r.rows[0]!.n);
}

describe('joins and tickets written in groups (PostgreSQL)', () => {
  it('a burst of joins and tickets from two instances is all stored, in fewer commits than writes, and reaches a third instance', async (ctx) => {
    const place = await placeFor('postgres', ctx);
    const [a, b, c] = [await place.open(), await place.open(), await place.open()];
    for (const code of ROOMS) await a.createSession(session(code));
    if (!isShared(c)) throw new Error('a PostgreSQL store is shared');
    const before = await commitsSoFar(place.url!);
    // Half the trainees join on each instance, all at once.
    await Promise.all(ROOMS.flatMap((code) => Array.from({ length: PER_ROOM }, (_, n) => (n % 2 === 0 ? a : b).addPlayer(joinOf(code, n)))));
    await Promise.all(ROOMS.flatMap((code) => Array.from({ length: PER_ROOM }, (_, n) => (n % 2 === 0 ? b : a).addTicket(ticketOf(code, n)))));
    const commits = (await commitsSoFar(place.url!)) - before;
    expect(commits).toBeLessThan((ROOMS.length * PER_ROOM * 2) / 4);
    const seen = await c.changesSince(ROOMS.map((code) => ({ code, version: 0 })));
    for (const code of ROOMS) {
      const changes = seen.get(code)!;
      expect(changes.players.map((p) => p.playerId).sort()).toEqual(Array.from({ length: PER_ROOM }, (_, n) => player(n)).sort());
      expect(changes.tickets.map((t) => t.seed).sort()).toEqual(Array.from({ length: PER_ROOM }, (_, n) => 4_000_000_000 + n).sort());
      expect(changes.version).toBeGreaterThan(0);
    }
    for (const s of [a, b, c]) await s.close();
  });

  it('a join to a deleted session or with a player id already taken fails alone; the rest of its group is stored', async (ctx) => {
    const place = await placeFor('postgres', ctx);
    const a = await place.open();
    await a.createSession(session('JNG0100'));
    await a.createSession(session('JNG0101'));
    await a.addPlayer(joinOf('JNG0100', 1));
    await a.deleteSession('JNG0101');
    const answers = await Promise.allSettled([
      a.addPlayer(joinOf('JNG0100', 2)),
      a.addPlayer(joinOf('JNG0101', 3)),
      a.addPlayer({ ...joinOf('JNG0100', 1), nickname: 'Someone else' }),
      a.addTicket(ticketOf('JNG0100', 2)),
    ]);
    expect(answers.map((x) => x.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((answers[1] as PromiseRejectedResult).reason)).toMatch(/JNG0101 no longer exists/);
    expect(String((answers[2] as PromiseRejectedResult).reason)).toMatch(/already in session JNG0100/);
    const state = (await a.loadSession('JNG0100'))!;
    expect(state.players.map((p) => [p.playerId, p.nickname])).toEqual([[player(1), 'Trainee 1'], [player(2), 'Trainee 2']]);
    expect(state.tickets.map((t) => t.playerId)).toEqual([player(2)]);
    await a.close();
  });
});
