/** A room world without sockets: captured broadcasts, a hand-driven clock, a seeded random source and a real SQLite file. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rooms } from '../../../src/server/rooms/rooms.ts';
import type { RoomClock } from '../../../src/server/rooms/room-ports.ts';
import { openSqliteStore } from '../../../src/server/store/sqlite-store.ts';
import type { ClassroomStore } from '../../../src/server/store/classroom-store.ts';
import type { ScenarioLibrary } from '../../../src/server/scenario-library.ts';
import type { ServerMessage } from '../../../src/shared/classroom-ws.ts';
import type { Submission } from '../../../src/shared/classroom-http.ts';
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

export function world(path = newDataPath(), clock = new ManualClock(), seed = 42) {
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
    broadcastFor: (code) => ({
      toAll: (message) => sent.push({ code, to: 'all', message }),
      toViewers: (message) => sent.push({ code, to: 'viewers', message }),
      toPlayer: (id, message) => sent.push({ code, to: id, message }),
    }),
  });
  return { rooms, store, clock, sent, path };
}

let counter = 0;
export function submission(plan: PlanName, id = `sub-${++counter}-abcdef`): Submission {
  const played = play(plan);
  return { submissionId: id as Submission['submissionId'], run: { scenarioId: 'mini-call', scenarioHash: miniDef.hash, seed: 1, events: [...played.events] }, claimed: claimFrom(played.scorecard) };
}
