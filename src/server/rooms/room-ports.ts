/** What a room needs from outside: where messages go, time, randomness and storage. Injected so rooms are tested without sockets. */
import type { PlayerId } from '../../shared/classroom-ids.ts';
import type { ServerMessage } from '../../shared/classroom-ws.ts';
import type { RandomBytes } from '../../core/classroom/join-code.ts';
import type { ClassroomStore } from '../store/classroom-store.ts';
import type { WorkQueue } from '../work-queue.ts';
import type { Verdicts } from '../verify/verdicts.ts';
import type { TeamCall } from '../../core/classroom/team-call.ts';
import type { Room } from './room.ts';

export interface RoomBroadcast {
  /** Every socket of the session: trainees, projectors and the trainer. */
  toAll(message: ServerMessage): void;
  /** Projectors and the trainer only. */
  toViewers(message: ServerMessage): void;
  toPlayer(playerId: PlayerId, message: ServerMessage): void;
  /** A message already serialised (a ServerMessage's JSON, as text or its UTF-8 bytes), to one player's sockets. */
  toPlayerJson(playerId: PlayerId, json: string | Uint8Array): void;
  /** Sends a last message to one player's sockets (or, without a player, every socket of the session) and closes them. */
  close(playerId: PlayerId | null, message: ServerMessage): void;
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
  /** At most one leaderboard push per room per this many ms (projector and trainer; trainees at most once a second). */
  readonly pushIntervalMs: number;
  readonly maxPlayers: number;
  /** Rows everyone receives; each trainee also gets their own row. */
  readonly topRows: number;
  /** New players one address may add to one session (a class behind one NAT shares an address). */
  readonly joinsPerAddress?: number;
  /** The plausibility floor: least real ms per decision in a run (see plausible-time.ts). */
  readonly msPerDecision?: number;
  /** Where the checks of a submission run in short slices; one is made when left out. */
  readonly work?: WorkQueue;
  /** Where runs are replayed (worker threads on the server); on this thread in slices when left out. */
  readonly verdicts?: Verdicts;
  /** Told of each counted call (and of each stored one when the room is rebuilt): team mode's hook. */
  readonly onCall?: (code: string, call: TeamCall) => void;
  /** Told when the session ends (here, or on another instance): what is cached for it can be let go. */
  readonly onEnded?: (code: string) => void;
  /**
   * With several server instances on one database: reads what the others stored in this room
   * (a player or a ticket not known here yet). Left out with one instance, where memory is complete.
   */
  readonly refresh?: (room: Room) => Promise<void>;
}

export const REAL_CLOCK: RoomClock = Object.freeze({
  now: () => Date.now(),
  later: (fn: () => void, ms: number) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
});
