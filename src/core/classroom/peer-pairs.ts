/**
 * Who reviews whose call. The trainees who have a call are put in join order in a ring: each
 * reviews the latest call of the next one along that they have not reviewed yet (so nobody reviews
 * themselves and every call with a reviewer gets exactly one). Fewer than two trainees with calls: no pairs.
 */
export interface ReviewablePlayer {
  readonly playerId: string;
  /** Their calls' submission ids, oldest first. */
  readonly calls: readonly string[];
}

export interface PeerPair {
  readonly reviewer: string;
  readonly reviewee: string;
  readonly submissionId: string;
}

export function peerPairs(players: readonly ReviewablePlayer[], alreadyReviewed: (reviewer: string, submissionId: string) => boolean): PeerPair[] {
  const ring = players.filter((p) => p.calls.length > 0);
  if (ring.length < 2) return [];
  const pairs: PeerPair[] = [];
  ring.forEach((reviewer, i) => {
    const reviewee = ring[(i + 1) % ring.length]!;
    const call = [...reviewee.calls].reverse().find((id) => !alreadyReviewed(reviewer.playerId, id));
    if (call !== undefined) pairs.push({ reviewer: reviewer.playerId, reviewee: reviewee.playerId, submissionId: call });
  });
  return pairs;
}
