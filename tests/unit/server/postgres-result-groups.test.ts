/**
 * Results written in groups across rooms (postgres-result-writer.ts), on a real PostgreSQL: two
 * instances' stores writing to the same rooms at once, in opposite orders, with the same tickets
 * sent to both (a trainee's screen sending again to another instance). Every result counts once,
 * each ticket is used once, nothing fails, and another instance hears every room that moved.
 */
import { describe, expect, it } from 'vitest';
import type { StoredResult, StoredSession } from '../../../src/server/store/classroom-store.ts';
import { isShared, type RoomNote } from '../../../src/server/store/room-changes.ts';
import type { PlayerId, SubmissionId } from '../../../src/shared/classroom-ids.ts';
import { kpis, miniDef } from '../classroom/fixtures.ts';
import { useStorePlaces } from './store-kinds.ts';

const placeFor = useStorePlaces();
const ROOMS = ['GRP0001', 'GRP0002', 'GRP0003', 'GRP0004'];
const PLAYERS = 12;

const session = (code: string): StoredSession => ({ code, title: code, trainerKeyHash: 'ab'.repeat(32), status: 'live', createdAt: 1, scenarios: [], pace: 'untimed' });
const player = (n: number) => `p${String(n).padStart(10, '0')}` as PlayerId;
const result = (code: string, n: number, copy: string): StoredResult => ({
  code,
  submissionId: `${code}-s${n}-${copy}` as SubmissionId,
  playerId: player(n),
  run: { scenarioId: 'mini-call', scenarioHash: miniDef.hash, events: [], seed: n },
  runHash: `${code}-run-${n}-${copy}`,
  ticketHash: `${code}-ticket-${n}`,
  kpis: kpis('best'),
  mistakes: null,
  at: 10 + n,
});

describe('results written in groups across rooms (PostgreSQL)', () => {
  it('two instances writing the same rooms at once, in opposite orders, count every call once and use each ticket once', async (ctx) => {
    const place = await placeFor('postgres', ctx);
    const [a, b, c] = [await place.open(), await place.open(), await place.open()];
    for (const code of ROOMS) {
      await a.createSession(session(code));
      for (let n = 0; n < PLAYERS; n++) {
        await a.addPlayer({ code, playerId: player(n), tokenHash: `${code}-${n}`, nickname: `T${n}`, joinedAt: n });
        await a.addTicket({ code, ticketHash: `${code}-ticket-${n}`, playerId: player(n), scenarioHash: miniDef.hash, seed: n, issuedAt: n });
      }
    }
    if (!isShared(c)) throw new Error('a PostgreSQL store is shared');
    const heard: RoomNote[] = [];
    const listening = await c.listen((note) => heard.push(note), () => undefined);
    // Each call on one ticket is sent to both instances as two different runs: only the first to
    // claim the ticket counts.
    const fromA = ROOMS.flatMap((code) => Array.from({ length: PLAYERS }, (_, n) => a.addResult(result(code, n, 'a'))));
    const fromB = [...ROOMS].reverse().flatMap((code) => Array.from({ length: PLAYERS }, (_, n) => b.addResult(result(code, PLAYERS - 1 - n, 'b'))));
    const answers = await Promise.all([...fromA, ...fromB]);
    expect(answers.filter((x) => x === 'added')).toHaveLength(ROOMS.length * PLAYERS);
    for (const code of ROOMS) {
      const state = (await c.loadSession(code))!;
      expect(state.results.map((r) => r.playerId).sort()).toEqual(Array.from({ length: PLAYERS }, (_, n) => player(n)));
      expect(state.tickets).toEqual([]);
      // The instance that wrote nothing heard this room reach the version it has now.
      await expect.poll(() => Math.max(...heard.filter((h) => h.code === code).map((h) => h.version ?? 0)), { timeout: 3000 }).toBe(state.version);
    }
    await listening.close();
    for (const s of [a, b, c]) await s.close();
  });
});
