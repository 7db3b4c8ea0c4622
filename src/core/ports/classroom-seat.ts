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
}

export interface Seat {
  playContext(): Promise<PlayContext>;
}

/** Joins a session; `hasToken` says whether this browser already holds a seat for the code (then it rejoins at once). */
export interface SeatJoining<S extends Seat> {
  join(code: string, nickname: string, events: SeatEvents): Promise<S>;
  hasToken(code: string): boolean;
}
