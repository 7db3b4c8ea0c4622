/**
 * Port: a trainee's seat in a classroom session, as the join screen needs it. The network client
 * (src/net/trainee-client.ts) provides it; the page's entry passes it in.
 */
import type { PlayContext } from './play-context.ts';
import type { LeaderboardRow } from '../../shared/classroom-results.ts';
import type { ServerMessage } from '../../shared/classroom-ws.ts';

export interface SeatEvents {
  onStanding?(row: LeaderboardRow): void;
  onSubmitted?(result: Extract<ServerMessage, { type: 'submitted' }>['result']): void;
  onStatus?(status: string): void;
  onConnection?(state: 'connecting' | 'open' | 'closed'): void;
  onError?(message: string): void;
  /** The trainer added a call to the running session: every call it holds now. */
  onScenarios?(scenarios: readonly { readonly id: string; readonly title: string; readonly hash: string }[]): void;
  /** Team mode's messages: the team's board, a review to write, a review saved, feedback received. */
  onTeam?(message: Extract<ServerMessage, { type: 'team' | 'review-request' | 'review-saved' | 'feedback' }>): void;
}

export interface Seat {
  /** The session joined, and this browser's token for it. */
  readonly joined: { readonly code: string; readonly token: string };
  playContext(): Promise<PlayContext>;
}

/** Joins a session; `hasToken` says whether this browser already holds a seat for the code (then it rejoins at once). */
export interface SeatJoining<S extends Seat> {
  join(code: string, nickname: string, events: SeatEvents): Promise<S>;
  hasToken(code: string): boolean;
}
