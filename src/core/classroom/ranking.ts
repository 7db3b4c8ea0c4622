/**
 * The leaderboard kept sorted as results arrive: a changed standing moves one entry (binary search
 * and one splice), so a burst of N results costs N·log N, and any trainee's rank is a search away.
 */
import type { LeaderboardRow } from '../../shared/classroom-results.ts';
import type { PlayerId } from '../../shared/classroom-ids.ts';
import { comparePlayers, compareStanding, rowOf, type RankablePlayer } from './leaderboard.ts';

export class Ranking<P extends RankablePlayer> {
  /** Players with at least one call, best first. */
  private readonly ranked: P[] = [];
  private readonly unranked = new Map<PlayerId, P>();

  constructor(private readonly scenarios: () => number) {}

  /** Adds a player. To change a standing: `remove` first, change it, then `place` again. */
  place(player: P): void {
    if (player.standing.calls === 0) return void this.unranked.set(player.playerId, player);
    this.ranked.splice(this.lowerBound(player, comparePlayers), 0, player);
  }

  remove(player: RankablePlayer): void {
    if (this.unranked.delete(player.playerId)) return;
    const i = this.lowerBound(player, comparePlayers);
    if (this.ranked[i]?.playerId === player.playerId) this.ranked.splice(i, 1);
    else {
      const j = this.ranked.findIndex((p) => p.playerId === player.playerId);
      if (j >= 0) this.ranked.splice(j, 1);
    }
  }

  /** 1 + how many stand strictly above; null before a first call. */
  rankOf(player: RankablePlayer): number | null {
    if (player.standing.calls === 0) return null;
    return this.lowerBound(player, (a, b) => compareStanding(a.standing, b.standing)) + 1;
  }

  rowFor(player: RankablePlayer): LeaderboardRow {
    return rowOf(player, this.rankOf(player), this.scenarios());
  }

  get rankedCount(): number {
    return this.ranked.length;
  }

  /** The top `limit` rows, ranked first, then the unranked in name order. */
  rows(limit = Infinity): LeaderboardRow[] {
    const rows: LeaderboardRow[] = [];
    const n = this.scenarios();
    let rank = 0;
    for (let i = 0; i < this.ranked.length && rows.length < limit; i++) {
      const p = this.ranked[i]!;
      if (i === 0 || compareStanding(this.ranked[i - 1]!.standing, p.standing) !== 0) rank = i + 1;
      rows.push(rowOf(p, rank, n));
    }
    if (rows.length < limit) {
      const rest = [...this.unranked.values()].sort(comparePlayers);
      for (const p of rest) {
        if (rows.length >= limit) break;
        rows.push(rowOf(p, null, n));
      }
    }
    return rows;
  }

  /** Every ranked player, best first (for rank-only updates). */
  *entries(): Iterable<{ player: P; rank: number }> {
    let rank = 0;
    for (let i = 0; i < this.ranked.length; i++) {
      const p = this.ranked[i]!;
      if (i === 0 || compareStanding(this.ranked[i - 1]!.standing, p.standing) !== 0) rank = i + 1;
      yield { player: p, rank };
    }
  }

  private lowerBound(target: RankablePlayer, cmp: (a: RankablePlayer, b: RankablePlayer) => number): number {
    let lo = 0;
    let hi = this.ranked.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(this.ranked[mid]!, target) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
