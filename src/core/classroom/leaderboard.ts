/**
 * The leaderboard: by score, then fewer fatal calls, then more scenarios covered. Equal on all three
 * share a rank (shown in name order). Time of play never decides a place.
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

function compare(a: RankablePlayer, b: RankablePlayer): number {
  return (
    b.standing.score - a.standing.score ||
    a.standing.fatalCalls - b.standing.fatalCalls ||
    b.standing.bestByScenario.size - a.standing.bestByScenario.size
  );
}

export function rankPlayers(players: Iterable<RankablePlayer>, limit = Infinity): LeaderboardRow[] {
  const byName = (a: RankablePlayer, b: RankablePlayer) => (a.nickname < b.nickname ? -1 : a.nickname > b.nickname ? 1 : 0);
  const sorted = [...players].sort((a, b) => compare(a, b) || byName(a, b));
  const rows: LeaderboardRow[] = [];
  let rank = 0;
  for (let i = 0; i < sorted.length && i < limit; i++) {
    const p = sorted[i]!;
    if (i === 0 || compare(sorted[i - 1]!, p) !== 0) rank = i + 1;
    rows.push({
      rank,
      playerId: p.playerId,
      nickname: p.nickname,
      score: p.standing.score,
      calls: p.standing.calls,
      fatalCalls: p.standing.fatalCalls,
      connected: p.connected,
    });
  }
  return rows;
}
