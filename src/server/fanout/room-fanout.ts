/**
 * Keeps the rooms in this instance's memory in step with a database other instances write to.
 * The database sends a small note for every change (a room's code and its new version, via
 * LISTEN/NOTIFY); a room held here whose version moved reads the rows newer than what it has seen
 * and shows them (Room.absorb), so its leaderboard is pushed to this instance's screens in the
 * usual interval. Catch-ups go in rounds: every room that moved while the previous round was
 * being read is read in the next one, all in one statement, so a busy instance makes one read where
 * it would make one per room. After the listening connection was lost, every room here catches up,
 * so a missed note costs a delay, never a result.
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

/** Rooms read together in one statement at most. */
const MAX_ROOMS_PER_READ = 200;
/**
 * A round starts at least this long after the one before it started. With notes arriving every few
 * milliseconds (400 submissions a second from two other instances) a round would otherwise read
 * one room: one statement per note on every instance, the biggest share of PostgreSQL's CPU. Rounds
 * this far apart read several rooms each, for at most this much more delay; notes further apart
 * than this are read at once, as before.
 */
export const MIN_ROUND_GAP_MS = 20;

interface Round {
  readonly rooms: Map<string, Room>;
  /** When the first of its rooms was asked for (timings only). */
  readonly asked: number;
  readonly settled: Promise<void>;
  readonly settle: () => void;
}

export async function startRoomFanout(store: SharedClassroomStore, rooms: Rooms): Promise<RoomFanout> {
  /** The rooms to read in the next round; one round reads at a time. */
  let next: Round | null = null;
  let reading = false;
  let scheduled = false;
  /** When the last round started (performance.now()). */
  let lastRound = -Infinity;
  let closed = false;

  /** Reads the round's rooms (in statements of up to MAX_ROOMS_PER_READ) and shows what is new in each. */
  async function read(round: Round): Promise<void> {
    const start = timings.now();
    timings.add('catch-up wait', start - round.asked);
    timings.add('read size', round.rooms.size);
    const all = [...round.rooms.values()];
    for (let i = 0; i < all.length; i += MAX_ROOMS_PER_READ) {
      const part = all.slice(i, i + MAX_ROOMS_PER_READ);
      try {
        const found = await store.changesSince(part.map((room) => ({ code: room.code, version: room.syncedVersion })));
        const got = timings.now();
        timings.add('catch-up read', got - start);
        for (const room of part) {
          const changes = found.get(room.code) ?? null;
          if (changes === null) {
            rooms.dropDeleted(room.code);
            continue;
          }
          if (changes.scenarios !== undefined) await rooms.adoptScenarios(room, changes.scenarios);
          room.absorb(changes);
        }
        timings.add('absorb', timings.now() - got);
      } catch (error) {
        console.error(`could not read ${part.length} room(s)' changes from the database:`, (error as Error).message);
      }
    }
  }

  function run(): void {
    scheduled = false;
    if (closed || reading || next === null) return;
    const early = lastRound + MIN_ROUND_GAP_MS - performance.now();
    if (early > 0) {
      scheduled = true;
      setTimeout(run, early);
      return;
    }
    lastRound = performance.now();
    const round = next;
    next = null;
    reading = true;
    void read(round).finally(() => {
      reading = false;
      round.settle();
      run();
    });
  }

  /** Reads the room in the next round (a round running now may have started before this was asked). */
  function refresh(room: Room): Promise<void> {
    if (next === null) {
      let settle = () => undefined as void;
      const settled = new Promise<void>((done) => (settle = done));
      next = { rooms: new Map(), asked: timings.now(), settled, settle };
    }
    next.rooms.set(room.code, room);
    // Notes arriving in the same turn of the event loop share a round.
    if (!reading && !scheduled) {
      scheduled = true;
      setImmediate(run);
    }
    return next.settled;
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
  return {
    refresh,
    close: () => {
      closed = true;
      next?.settle();
      return notes.close();
    },
  };
}
