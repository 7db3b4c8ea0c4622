/**
 * What a shared store (several server instances on one database) can say about a room beyond the
 * common interface: every write bumps the room's version, each row carries the version that wrote
 * it, and a room in one instance's memory catches up by reading the rows newer than the version it
 * has seen. The database tells each instance a room moved with a small note (its code and version).
 */
import type { PlayerId } from '../../shared/classroom-ids.ts';
import type { SessionStatus } from '../../shared/classroom-results.ts';
import type { ClassroomStore, StoredPlayer, StoredResult, StoredScenario, StoredTicket } from './classroom-store.ts';

export interface PlayerRemoval {
  readonly playerId: PlayerId;
  readonly blocked: boolean;
}

/** Everything stored in one room after some version (players include ones newly blocked). */
export interface RoomChanges {
  readonly version: number;
  readonly status: SessionStatus;
  readonly players: readonly StoredPlayer[];
  readonly removals: readonly PlayerRemoval[];
  /** Tickets issued and not used yet. */
  readonly tickets: readonly StoredTicket[];
  /** With the ticket each used, so a cached copy of that ticket is dropped. */
  readonly results: readonly StoredResult[];
  /** The session's whole list of calls, when it changed after the version asked about (a call was added). */
  readonly scenarios?: readonly StoredScenario[];
}

/** A room and the version this instance has read it up to. */
export type RoomSeen = { readonly code: string; readonly version: number };

/** A room moved to `version`; `version` is null when the session was deleted. */
export type RoomNote = { readonly code: string; readonly version: number | null };

export interface RoomNotes {
  /** Stops listening and frees the connection. */
  close(): Promise<void>;
}

export interface SharedClassroomStore extends ClassroomStore {
  readonly shared: true;
  /** For each room asked about, its rows newer than the version given (one read for all); null when the session no longer exists. */
  changesSince(rooms: readonly RoomSeen[]): Promise<Map<string, RoomChanges | null>>;
  /**
   * Calls `onNote` for every room any instance changes. `onResume` is called after the listening
   * connection was lost and is back: notes may have been missed, so every cached room should catch up.
   */
  listen(onNote: (note: RoomNote) => void, onResume: () => void): Promise<RoomNotes>;
}

export function isShared(store: ClassroomStore): store is SharedClassroomStore {
  return (store as Partial<SharedClassroomStore>).shared === true;
}
