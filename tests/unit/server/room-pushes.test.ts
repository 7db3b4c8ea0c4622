/** The push schedule: projector every interval, trainees at most once a second and not in the middle of a burst (but never more than 3 s late). */
import { describe, expect, it } from 'vitest';
import { RoomPushes, STANDINGS_PER_SLICE } from '../../../src/server/rooms/room-pushes.ts';
import type { ServerMessage } from '../../../src/shared/classroom-ws.ts';
import { ManualClock } from './room-harness.ts';

function setup() {
  const clock = new ManualClock();
  const sent: { to: string; at: number }[] = [];
  const state = { busy: false };
  const board: ServerMessage = { type: 'leaderboard', seq: 1, players: 1, rows: [] };
  const pushes = new RoomPushes(
    { deleted: false, leaderboardMessage: () => board, playersMessage: () => ({ type: 'players', players: [] }), standingsOwed: () => [], busy: () => state.busy },
    {
      toAll: () => undefined,
      toViewers: () => sent.push({ to: 'viewers', at: clock.time }),
      toTrainees: () => sent.push({ to: 'trainees', at: clock.time }),
      toPlayer: () => undefined,
      close: () => undefined,
    },
    clock,
    100,
  );
  return { clock, sent, state, pushes };
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
  it('rank-only moves for a big class go out a slice per turn', () => {
    const clock = new ManualClock();
    const told: string[] = [];
    const owed = Array.from({ length: 450 }, (_, i) => ({ playerId: `p${i}` as never, message: { type: 'standing', seq: 1, row: {} } as never }));
    const pushes = new RoomPushes(
      { deleted: false, leaderboardMessage: () => ({ type: 'leaderboard', seq: 1, players: 1, rows: [] }), playersMessage: () => ({ type: 'players', players: [] }), standingsOwed: () => owed, busy: () => false },
      { toAll: () => undefined, toViewers: () => undefined, toTrainees: () => undefined, toPlayer: (id) => void told.push(id), close: () => undefined },
      clock,
      100,
    );
    pushes.mark('leaderboard');
    clock.advance(0);
    expect(told).toHaveLength(STANDINGS_PER_SLICE);
    clock.advance(0);
    clock.advance(0);
    expect(new Set(told).size).toBe(450);
  });
});
