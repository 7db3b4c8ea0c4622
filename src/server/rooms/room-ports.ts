/** What a room needs from outside: where messages go, time, randomness and storage. Injected so rooms are tested without sockets. */
import type { PlayerId } from '../../shared/classroom-ids.ts';
import type { ServerMessage } from '../../shared/classroom-ws.ts';
import type { RandomBytes } from '../../core/classroom/join-code.ts';
import type { ClassroomStore } from '../store/classroom-store.ts';

export interface RoomBroadcast {
  /** Every socket of the session: trainees, projectors and the trainer. */
  toAll(message: ServerMessage): void;
  /** Projectors and the trainer only (the list of who joined). */
  toViewers(message: ServerMessage): void;
  toPlayer(playerId: PlayerId, message: ServerMessage): void;
}

export interface RoomClock {
  now(): number;
  /** Runs `fn` after `ms`; returns a cancel function. */
  later(fn: () => void, ms: number): () => void;
}

export interface RoomDeps {
  readonly store: ClassroomStore;
  readonly broadcast: RoomBroadcast;
  readonly clock: RoomClock;
  readonly random: RandomBytes;
  /** At most one leaderboard push per room per this many ms. */
  readonly pushIntervalMs: number;
  readonly maxPlayers: number;
  /** Rows everyone receives; each trainee also gets their own row. */
  readonly topRows: number;
}

export const REAL_CLOCK: RoomClock = Object.freeze({
  now: () => Date.now(),
  later: (fn: () => void, ms: number) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
});
