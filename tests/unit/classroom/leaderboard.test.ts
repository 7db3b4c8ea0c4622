import { describe, expect, it } from 'vitest';
import { addCall, EMPTY_STANDING, type PlayerStanding } from '../../../src/core/classroom/player-standing.ts';
import { rankPlayers } from '../../../src/core/classroom/leaderboard.ts';
import { Ranking } from '../../../src/core/classroom/ranking.ts';
import type { CallComposite } from '../../../src/shared/classroom-results.ts';
import type { PlayerId } from '../../../src/shared/classroom-ids.ts';

const call = (composite: number, fatal = false): CallComposite => ({ qa: composite, fcr: 100, csat: composite, aht: 100, fatal, composite });
const standing = (...calls: [string, number, boolean?][]): PlayerStanding =>
  calls.reduce((s, [scenario, c, f]) => addCall(s, scenario, call(c, f)), EMPTY_STANDING);
const player = (nickname: string, s: PlayerStanding) => ({ playerId: `p${nickname.toLowerCase()}` as PlayerId, nickname, connected: true, standing: s });

describe('player standing', () => {
  it("scores over the session's scenarios: one easy call done well does not beat two played well", () => {
    const one = addCall(EMPTY_STANDING, 'easy', call(95), 2);
    const both = addCall(addCall(EMPTY_STANDING, 'easy', call(80), 2), 'hard', call(70), 2);
    expect(one.score).toBe(47.5);
    expect(both.score).toBe(75);
  });
  it('keeps the best call per scenario and averages across scenarios', () => {
    const s = standing(['a', 50], ['a', 90], ['a', 70], ['b', 60]);
    expect(s.score).toBe(75);
    expect(s.calls).toBe(4);
  });
  it('counts fatal calls', () => {
    expect(standing(['a', 20, true], ['a', 90]).fatalCalls).toBe(1);
  });
});

describe('ranking', () => {
  it.each([
    {
      name: 'higher score first, whoever played more calls',
      players: [player('Fast', standing(['a', 60], ['b', 60], ['c', 60])), player('Careful', standing(['a', 90]))],
      order: ['Careful', 'Fast'],
      ranks: [1, 2],
    },
    {
      name: 'on equal scores, fewer fatal calls first',
      players: [player('Breach', standing(['a', 20, true], ['a', 80])), player('Clean', standing(['a', 80]))],
      order: ['Clean', 'Breach'],
      ranks: [1, 2],
    },
    {
      name: 'a true tie shares a rank, in name order, and the next rank skips',
      players: [player('Zoe', standing(['a', 80])), player('Amy', standing(['a', 80])), player('Bob', standing(['a', 70]))],
      order: ['Amy', 'Zoe', 'Bob'],
      ranks: [1, 1, 3],
    },
    {
      name: 'a player with no calls yet is listed last without a rank',
      players: [player('New', EMPTY_STANDING), player('Done', standing(['a', 10])), player('Also new', EMPTY_STANDING)],
      order: ['Done', 'Also new', 'New'],
      ranks: [1, null, null],
    },
  ])('$name', ({ players, order, ranks }) => {
    const rows = rankPlayers(players);
    expect(rows.map((r) => r.nickname)).toEqual(order);
    expect(rows.map((r) => r.rank)).toEqual(ranks);
  });
  it('can be cut to the top N', () => {
    const rows = rankPlayers([player('A', standing(['a', 1])), player('B', standing(['a', 2])), player('C', standing(['a', 3]))], 2);
    expect(rows.map((r) => r.nickname)).toEqual(['C', 'B']);
  });
});

describe('the sorted ranking kept as results arrive', () => {
  it('gives the same rows and ranks as ranking from scratch, after many changes', () => {
    let x = 7;
    const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % n);
    const players = Array.from({ length: 60 }, (_, i) => ({ ...player(`P${i % 17}`, EMPTY_STANDING), playerId: `p${i}` as PlayerId }));
    const ranking = new Ranking<(typeof players)[number]>(() => 3);
    for (const p of players) ranking.place(p);
    for (let step = 0; step < 400; step++) {
      const p = players[rnd(players.length)]!;
      ranking.remove(p);
      p.standing = addCall(p.standing, ['a', 'b', 'c'][rnd(3)]!, call(rnd(5) * 20, rnd(7) === 0), 3);
      ranking.place(p);
      if (step % 50 === 0 || step === 399) {
        const fresh = rankPlayers(players, Infinity, 3);
        expect(ranking.rows()).toEqual(fresh);
        for (const row of fresh) expect(ranking.rankOf(players.find((q) => q.playerId === row.playerId)!)).toBe(row.rank);
      }
    }
  });
});
