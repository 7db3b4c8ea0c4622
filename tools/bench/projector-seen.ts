/**
 * When a projector first showed the k-th result of its session (the instances bench): the first
 * leaderboard it heard whose seq (results that instance has counted) is at least k. Another
 * instance can show a result before the reply reaches its trainee, so a board that came before the
 * acknowledgement counts as seen at once; the board after it is not the one that showed it.
 */
export interface HeardBoard {
  readonly seq: number;
  readonly at: number;
}

/** Delay from the acknowledgement (0 when shown earlier), the time it was shown, and whether it came first; null when never shown. */
export function seenAfter(boards: readonly HeardBoard[], k: number, acknowledgedAt: number): { delay: number; at: number; early: boolean } | null {
  const board = boards.find((b) => b.seq >= k);
  if (board === undefined) return null;
  return { delay: Math.max(0, board.at - acknowledgedAt), at: board.at, early: board.at < acknowledgedAt };
}
