/** A room world without sockets: captured broadcasts, a hand-driven clock, a seeded random source and a real SQLite file. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rooms } from '../../../src/server/rooms/rooms.ts';
import type { RoomClock } from '../../../src/server/rooms/room-ports.ts';
import { openSqliteStore } from '../../../src/server/store/sqlite-store.ts';
import type { ClassroomStore } from '../../../src/server/store/classroom-store.ts';
import type { ScenarioLibrary } from '../../../src/server/scenario-library.ts';
import { ServerMessageSchema, type ServerMessage } from '../../../src/shared/classroom-ws.ts';
import type { IssuedTicket, Submission } from '../../../src/shared/classroom-http.ts';
import type { PlayerId } from '../../../src/shared/classroom-ids.ts';
import type { Room } from '../../../src/server/rooms/room.ts';
import type { Verdicts } from '../../../src/server/verify/verdicts.ts';
import { minimumPlayMs } from '../../../src/core/classroom/plausible-time.ts';
import { claimFrom } from '../../../src/core/classroom/claimed-score.ts';
import { miniDef, MINI_PATH, play, type PlanName } from '../classroom/fixtures.ts';

export class ManualClock implements RoomClock {
  time = 1_000_000;
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  now = () => this.time;
  later = (fn: () => void, ms: number) => {
    const t = { at: this.time + ms, fn, live: true };
    this.timers.push(t);
    return () => void (t.live = false);
  };
  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.live && t.at <= this.time);
    this.timers = this.timers.filter((t) => !due.includes(t));
    for (const t of due) t.fn();
  }
}

export function seededRandom(seed = 42) {
  let x = seed;
  return (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      bytes[i] = x & 0xff;
    }
  };
}

export const miniLibrary: ScenarioLibrary = {
  byHash: new Map([[miniDef.hash, { definition: miniDef, file: 'mini-call.yaml', text: readFileSync(MINI_PATH, 'utf8') }]]),
  skipped: [],
};

export interface Sent { readonly code: string; readonly to: 'all' | 'viewers' | string; readonly message: ServerMessage }

export function newDataPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'htl-classroom-')), 'classroom.sqlite');
}

/** Rooms on a fresh SQLite file with a manual clock, keeping every message sent; `verdicts` replaces the inline ones. */
export function world(path = newDataPath(), clock = new ManualClock(), seed = 42, verdicts?: Verdicts) {
  const sent: Sent[] = [];
  const store: ClassroomStore = openSqliteStore(path);
  const rooms = new Rooms({
    store,
    clock,
    random: seededRandom(seed),
    pushIntervalMs: 150,
    maxPlayers: 50,
    topRows: 20,
    library: miniLibrary,
    ...(verdicts === undefined ? {} : { verdicts }),
    broadcastFor: (code) => ({
      toAll: (message) => sent.push({ code, to: 'all', message }),
      toViewers: (message) => sent.push({ code, to: 'viewers', message }),
      close: (id, message) => sent.push({ code, to: id === null ? 'all' : id, message }),
      toPlayer: (id, message) => sent.push({ code, to: id, message }),
      toPlayerJson: (id, json) => sent.push({ code, to: id, message: ServerMessageSchema.parse(JSON.parse(typeof json === 'string' ? json : new TextDecoder().decode(json))) }),
    }),
  });
  return { rooms, store, clock, sent, path };
}

let counter = 0;
/** A finished mini call as a submission, on the given ticket (a made-up one when left out: refused). */
export function submission(plan: PlanName, id = `sub-${++counter}-abcdef`, ticket: IssuedTicket = { ticket: 'T'.repeat(40) as IssuedTicket['ticket'], seed: 0 }): Submission {
  const played = play(plan);
  return {
    submissionId: id as Submission['submissionId'],
    ticket: ticket.ticket,
    run: { scenarioId: 'mini-call', scenarioHash: miniDef.hash, events: [...played.events], seed: ticket.seed },
    claimed: claimFrom(played.scorecard),
  };
}

/** Starts a call for the player (a ticket), lets the real time a person needs pass on the clock, and returns the finished call. */
export async function played(room: Room, clock: ManualClock, playerId: PlayerId, plan: PlanName, id?: string, notesAdded = ''): Promise<Submission> {
  const s = await started(room, playerId, plan, id, notesAdded);
  clock.advance(minimumPlayMs(s.run.events));
  return s;
}

/** The same, without letting time pass (the caller advances the clock). `notesAdded` ends the wrap-up notes instead of their last characters: a different run, same length (the same AHT). */
export async function started(room: Room, playerId: PlayerId, plan: PlanName, id?: string, notesAdded = ''): Promise<Submission> {
  const issued = await room.issueTicket(playerId, miniDef.hash);
  if (!issued.ok) throw new Error(issued.error);
  const s = submission(plan, id, issued.value);
  const events = s.run.events.map((e) => (e.type === 'wrap.submit' && notesAdded !== '' ? { ...e, notes: e.notes.slice(0, -notesAdded.length) + notesAdded } : e));
  return { ...s, run: { ...s.run, events } };
}
