/**
 * The leaderboard: by score, then fewer fatal calls, then more scenarios covered. Equal on all three
 * share a rank (shown in name order). Time of play never decides a place. A trainee with no call
 * yet has no rank: listed after everyone ranked, in name order.
 */
import type { LeaderboardRow } from '../../shared/classroom-results.ts';
import type { PlayerId } from '../../shared/classroom-ids.ts';
import type { PlayerStanding } from './player-standing.ts';

export interface RankablePlayer {
  readonly playerId: PlayerId;
  readonly nickname: string;
  readonly connected: boolean;
  readonly standing: PlayerStanding;
}

/** Negative when `a` ranks above `b`; 0 when they share a place. */
export function compareStanding(a: PlayerStanding, b: PlayerStanding): number {
  return b.score - a.score || a.fatalCalls - b.fatalCalls || b.bestByScenario.size - a.bestByScenario.size;
}

/** A total order: place, then name, then id (so a sorted list can be searched). */
export function comparePlayers(a: RankablePlayer, b: RankablePlayer): number {
  return compareStanding(a.standing, b.standing) || (a.nickname < b.nickname ? -1 : a.nickname > b.nickname ? 1 : 0) || (a.playerId < b.playerId ? -1 : a.playerId > b.playerId ? 1 : 0);
}

export function rowOf(p: RankablePlayer, rank: number | null, scenarios: number): LeaderboardRow {
  return {
    rank,
    playerId: p.playerId,
    nickname: p.nickname,
    score: p.standing.score,
    calls: p.standing.calls,
    fatalCalls: p.standing.fatalCalls,
    played: p.standing.bestByScenario.size,
    scenarios,
    connected: p.connected,
  };
}

export function rankPlayers(players: Iterable<RankablePlayer>, limit = Infinity, scenarios = 1): LeaderboardRow[] {
  const all = [...players];
  const ranked = all.filter((p) => p.standing.calls > 0).sort(comparePlayers);
  const unranked = all.filter((p) => p.standing.calls === 0).sort(comparePlayers);
  const rows: LeaderboardRow[] = [];
  let rank = 0;
  for (let i = 0; i < ranked.length && rows.length < limit; i++) {
    const p = ranked[i]!;
    if (i === 0 || compareStanding(ranked[i - 1]!.standing, p.standing) !== 0) rank = i + 1;
    rows.push(rowOf(p, rank, scenarios));
  }
  for (const p of unranked) {
    if (rows.length >= limit) break;
    rows.push(rowOf(p, null, scenarios));
  }
  return rows;
}
