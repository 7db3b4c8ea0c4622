/** The push schedule: projector every interval, trainees at most once a second and not in the middle of a burst (but never more than 3 s late). */
import { describe, expect, it } from 'vitest';
import { RoomPushes, TRAINEES_PER_SLICE, type TraineeOwed } from '../../../src/server/rooms/room-pushes.ts';
import { ServerMessageSchema, type LeaderboardMessage, type ServerMessage } from '../../../src/shared/classroom-ws.ts';
import type { LeaderboardRow } from '../../../src/shared/classroom-results.ts';
import type { PlayerId } from '../../../src/shared/classroom-ids.ts';
import type { RoomClock } from '../../../src/server/rooms/room-ports.ts';
import { ManualClock } from './room-harness.ts';

/** A schedule to watch: every board differs from the one before (a new result each time), one connected trainee. */
function setup() {
  const clock = new ManualClock();
  const sent: { to: string; at: number }[] = [];
  const state = { busy: false };
  let seq = 0;
  const board = (): LeaderboardMessage => ({ type: 'leaderboard', seq: ++seq, players: seq, rows: [] });
  const pushes = new RoomPushes(
    { deleted: false, leaderboardMessage: board, playersMessage: () => ({ type: 'players', players: [] }), traineesOwed: () => [{ playerId: 'p1' as PlayerId, row: null, board: true }], busy: () => state.busy },
    {
      toAll: () => undefined,
      toViewers: () => sent.push({ to: 'viewers', at: clock.time }),
      toPlayer: () => undefined,
      toPlayerJson: () => sent.push({ to: 'trainees', at: clock.time }),
      close: () => undefined,
    },
    clock,
    100,
  );
  return { clock, sent, state, pushes };
}

const row = (playerId: string, rank: number): LeaderboardRow => ({ rank, playerId: playerId as PlayerId, nickname: playerId, score: 50, calls: 1, fatalCalls: 0, played: 1, scenarios: 1, connected: true });

/**
 * Trainees as the room gives them: each with their row when their place moved since last told (a
 * row is told once), the board's rows as set; every message a trainee is sent, parsed as the client would.
 */
function classroom(trainees: string[], clock: RoomClock & { advance(ms: number): void } = new ManualClock(), noBoard: ReadonlySet<string> = new Set()) {
  const moved = new Map<string, LeaderboardRow>();
  const state = { rows: [] as LeaderboardRow[], seq: 0 };
  const told: { to: string; message: ServerMessage }[] = [];
  const pushes = new RoomPushes(
    {
      deleted: false,
      leaderboardMessage: () => ({ type: 'leaderboard', seq: state.seq, players: trainees.length, rows: state.rows }),
      playersMessage: () => ({ type: 'players', players: [] }),
      *traineesOwed(boards: boolean): Iterable<TraineeOwed> {
        for (const id of trainees) {
          const mine = moved.get(id) ?? null;
          moved.delete(id);
          const board = !noBoard.has(id);
          if ((boards && board) || mine !== null) yield { playerId: id as PlayerId, row: mine, board };
        }
      },
      busy: () => false,
    },
    {
      toAll: () => undefined,
      toViewers: () => undefined,
      toPlayer: (id, message) => void told.push({ to: id, message }),
      toPlayerJson: (id, json) => void told.push({ to: id, message: ServerMessageSchema.parse(JSON.parse(typeof json === 'string' ? json : new TextDecoder().decode(json))) }),
      close: () => undefined,
    },
    clock,
    100,
  );
  /** A result arrives: the board's rows become `rows`, and each of `movedRows` is owed to its trainee. */
  const result = (rows: LeaderboardRow[], ...movedRows: LeaderboardRow[]) => {
    state.seq++;
    state.rows = rows;
    for (const r of movedRows) moved.set(r.playerId, r);
    pushes.mark('leaderboard');
  };
  return { clock, told, result };
}

describe('room pushes', () => {
  it('during a burst the projector keeps updating every interval while trainees wait, at most 3 s', () => {
    const { clock, sent, state, pushes } = setup();
    pushes.mark('leaderboard');
    clock.advance(0);
    const start = clock.time;
    state.busy = true;
    for (let t = 0; t < 5000; t += 50) {
      pushes.mark('leaderboard');
      clock.advance(50);
    }
    const viewers = sent.filter((s) => s.to === 'viewers' && s.at > start).length;
    const trainees = sent.filter((s) => s.to === 'trainees' && s.at > start).map((s) => s.at - start);
    expect(viewers).toBeGreaterThanOrEqual(40);
    expect(trainees.length).toBeGreaterThanOrEqual(1);
    expect(trainees.length).toBeLessThanOrEqual(2);
    expect(trainees[0]!).toBeGreaterThanOrEqual(2900);
    expect(trainees[0]!).toBeLessThanOrEqual(3300);
  });
  it('once the burst is over, trainees hear within a second', () => {
    const { clock, sent, state, pushes } = setup();
    pushes.mark('leaderboard');
    clock.advance(0);
    state.busy = true;
    pushes.mark('leaderboard');
    clock.advance(1200);
    expect(sent.filter((s) => s.to === 'trainees')).toHaveLength(1);
    state.busy = false;
    clock.advance(400);
    expect(sent.filter((s) => s.to === 'trainees')).toHaveLength(2);
  });
  it('a burst long after the last board still holds trainees back (the wait counts from the first result they are owed)', () => {
    const { clock, sent, state, pushes } = setup();
    pushes.mark('leaderboard');
    clock.advance(0);
    clock.advance(60_000);
    const start = clock.time;
    state.busy = true;
    for (let t = 0; t < 2000; t += 50) {
      pushes.mark('leaderboard');
      clock.advance(50);
    }
    expect(sent.filter((s) => s.to === 'trainees' && s.at >= start)).toHaveLength(0);
    state.busy = false;
    clock.advance(250);
    expect(sent.filter((s) => s.to === 'trainees' && s.at >= start)).toHaveLength(1);
  });
  it('a trainee whose board did not change is sent nothing; one whose place moved is sent their row', () => {
    const { clock, told, result } = classroom(['pamy', 'pbob', 'pcat']);
    const top = [row('pamy', 1)];
    result(top, row('pamy', 1));
    clock.advance(1000);
    expect(told.map((t) => t.to).sort()).toEqual(['pamy', 'pbob', 'pcat']);
    told.length = 0;
    // Bob's result lands below the rows everyone sees: the board's rows and player count stay, Bob's place moved.
    result(top, row('pbob', 2));
    clock.advance(1000);
    expect(told).toEqual([{ to: 'pbob', message: { type: 'standing', seq: 2, row: row('pbob', 2) } }]);
  });
  it('a trainee owed both the board and their own row gets them in one message', () => {
    const { clock, told, result } = classroom(['pamy', 'pbob']);
    result([row('pamy', 1)], row('pamy', 1));
    clock.advance(1000);
    const amy = told.filter((t) => t.to === 'pamy');
    const bob = told.filter((t) => t.to === 'pbob');
    expect(amy).toEqual([{ to: 'pamy', message: { type: 'leaderboard', seq: 1, players: 2, rows: [row('pamy', 1)], row: row('pamy', 1) } }]);
    expect(bob).toEqual([{ to: 'pbob', message: { type: 'leaderboard', seq: 1, players: 2, rows: [row('pamy', 1)] } }]);
  });
  it('a trainee whose screen does not show the board is sent only their place, when it moves', () => {
    const { clock, told, result } = classroom(['pamy', 'pbob'], new ManualClock(), new Set(['pbob']));
    result([row('pamy', 1)], row('pamy', 1));
    clock.advance(1000);
    expect(told.filter((t) => t.to === 'pbob')).toEqual([]);
    result([row('pbob', 1), row('pamy', 2)], row('pbob', 1), row('pamy', 2));
    clock.advance(1000);
    expect(told.filter((t) => t.to === 'pbob')).toEqual([{ to: 'pbob', message: { type: 'standing', seq: 2, row: row('pbob', 1) } }]);
    expect(told.filter((t) => t.to === 'pamy').map((t) => t.message.type)).toEqual(['leaderboard', 'leaderboard']);
  });
  it('a big class is written a slice per turn', () => {
    const ids = Array.from({ length: 450 }, (_, i) => `p${i}`);
    const { clock, told, result } = classroom(ids);
    result([row('p0', 1)]);
    clock.advance(0);
    expect(told).toHaveLength(TRAINEES_PER_SLICE);
    clock.advance(0);
    clock.advance(0);
    expect(new Set(told.map((t) => t.to)).size).toBe(450);
  });
  it('a push that cuts the last one short (its slices held up a second) still brings the board to everyone', () => {
    const manual = new ManualClock();
    /** What is due at once, run only when the test says: a loop too busy to reach the next slice. */
    const held: (() => void)[] = [];
    const clock = { now: () => manual.now(), later: (fn: () => void, ms: number) => (ms === 0 ? (held.push(fn), () => undefined) : manual.later(fn, ms)), advance: (ms: number) => manual.advance(ms) };
    const ids = Array.from({ length: 450 }, (_, i) => `p${i}`);
    const { told, result } = classroom(ids, clock);
    result([row('p0', 1)]);
    held.shift()!();
    expect(told).toHaveLength(TRAINEES_PER_SLICE);
    clock.advance(1000);
    // The same board again, pushed before the first push's next slice ran.
    result([row('p0', 1)]);
    held.pop()!();
    while (held.length > 0) held.shift()!();
    const boards = told.filter((t) => t.message.type === 'leaderboard');
    expect(new Set(boards.map((t) => t.to)).size).toBe(450);
  });
});
