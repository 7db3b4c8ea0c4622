/**
 * Keeps the rooms in this instance's memory in step with a database other instances write to.
 * The database sends a small note for every change (a room's code and its new version, via
 * LISTEN/NOTIFY); a room held here whose version moved reads the rows newer than what it has seen
 * and shows them (Room.absorb), so its leaderboard is pushed to this instance's screens in the
 * usual interval. Catch-ups of one room never overlap: notes arriving during one are folded into
 * the next. After the listening connection was lost, every room here catches up, so a missed note
 * costs a delay, never a result.
 */
import type { Rooms } from '../rooms/rooms.ts';
import type { Room } from '../rooms/room.ts';
import type { RoomNote, RoomNotes, SharedClassroomStore } from '../store/room-changes.ts';
import { pgTimings as timings } from '../store/postgres-timings.ts';

export interface RoomFanout {
  /** Reads what other instances stored in this room; settles once everything stored before the call is shown. Never fails. */
  refresh(room: Room): Promise<void>;
  close(): Promise<void>;
}

interface CatchUp {
  running: Promise<void>;
  /** A catch-up asked for while one runs: it starts when that one ends. */
  next: Promise<void> | null;
}

export async function startRoomFanout(store: SharedClassroomStore, rooms: Rooms): Promise<RoomFanout> {
  const active = new Map<string, CatchUp>();

  async function readChanges(room: Room, asked: number): Promise<void> {
    try {
      const start = timings.now();
      timings.add('catch-up wait', start - asked);
      const changes = await store.changesSince(room.code, room.syncedVersion);
      const read = timings.now();
      timings.add('catch-up read', read - start);
      if (changes === null) return rooms.dropDeleted(room.code);
      if (changes.scenarios !== undefined) await rooms.adoptScenarios(room, changes.scenarios);
      room.absorb(changes);
      timings.add('absorb', timings.now() - read);
    } catch (error) {
      console.error(`could not read room ${room.code}'s changes from the database:`, (error as Error).message);
    }
  }

  function refresh(room: Room, asked = timings.now()): Promise<void> {
    const current = active.get(room.code);
    if (current === undefined) {
      const entry: CatchUp = { running: readChanges(room, asked), next: null };
      active.set(room.code, entry);
      entry.running.then(() => {
        if (active.get(room.code) === entry && entry.next === null) active.delete(room.code);
      });
      return entry.running;
    }
    current.next ??= current.running.then(() => {
      current.next = null;
      active.delete(room.code);
      return refresh(room, asked);
    });
    return current.next;
  }

  function onNote(note: RoomNote): void {
    const room = rooms.cached(note.code);
    if (room === undefined) return;
    if (note.version === null) return rooms.dropDeleted(note.code);
    if (note.version > room.syncedVersion) void refresh(room);
  }

  const notes: RoomNotes = await store.listen(onNote, () => {
    for (const room of rooms.inMemory()) void refresh(room);
  });
  return { refresh: (room) => refresh(room), close: () => notes.close() };
}
