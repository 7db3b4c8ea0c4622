/**
 * Every session the server knows: creates them, finds them (loading from the store after a restart
 * or an eviction), drops idle ones from memory and deletes expired ones. Scenario definitions are
 * shared between rooms by hash; an uploaded one is dropped when no room in memory uses it.
 */
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import { newJoinCode, newSecret } from '../../core/classroom/join-code.ts';
import type { CreateSessionBody, CreatedSession } from '../../shared/classroom-http.ts';
import type { JoinCode, TrainerKey } from '../../shared/classroom-ids.ts';
import type { StoredScenario, StoredSessionState } from '../store/classroom-store.ts';
import type { ScenarioLibrary } from '../scenario-library.ts';
import { inlineChecker, type ScenarioChecker } from '../check/scenario-checker.ts';
import { Room } from './room.ts';
import { sha256 } from './room-hashes.ts';
import type { RoomBroadcast, RoomDeps } from './room-ports.ts';

export type CreateAnswer = { ok: true; value: CreatedSession } | { ok: false; error: string; details: string[]; busy?: boolean };

export type RoomsDeps = Omit<RoomDeps, 'broadcast'> & {
  readonly library: ScenarioLibrary;
  /** Gives each room the way to reach its sockets. */
  readonly broadcastFor: (code: string) => RoomBroadcast;
  /** Checks uploaded files (a worker thread with a time limit on the server). */
  readonly checker?: ScenarioChecker;
  /** Told when a room leaves memory (deleted here or elsewhere, expired, or idle): what others hold for it can go. */
  readonly onGone?: (code: string) => void;
};

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room | null>>();
  /** Uploaded definitions, by hash, with the rooms in memory that use each. */
  private readonly uploaded = new Map<string, { definition: CallDefinition; users: Set<string> }>();
  private readonly checker: ScenarioChecker;

  constructor(private readonly deps: RoomsDeps) {
    this.checker = deps.checker ?? inlineChecker;
  }

  async create(body: CreateSessionBody): Promise<CreateAnswer> {
    const scenarios: StoredScenario[] = [];
    const found = new Map<string, CallDefinition>();
    const details: string[] = [];
    for (const hash of body.scenarioHashes) {
      const lib = this.deps.library.byHash.get(hash);
      if (lib === undefined) details.push(`No scenario in the library has hash ${hash.slice(0, 12)}…`);
      else scenarios.push(stored(lib.definition, lib.file, lib.text, false));
    }
    let busy = false;
    for (const upload of body.uploads) {
      const checked = await this.checker.check(upload.text, upload.file);
      if (!checked.ok) {
        details.push(...checked.diagnostics);
        busy ||= checked.busy === true;
      } else {
        found.set(checked.definition.hash, checked.definition);
        scenarios.push(stored(checked.definition, upload.file, upload.text, true));
      }
    }
    if (details.length > 0) return { ok: false, error: busy ? 'The server is busy; please try again in a moment.' : 'Some scenarios could not be used.', details, busy };
    const unique = [...new Map(scenarios.map((s) => [s.hash, s])).values()];
    const trainerKey = newSecret(this.deps.random) as TrainerKey;
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newJoinCode(this.deps.random, (c) => this.rooms.has(c)) as JoinCode;
      const session = { code, title: body.title, trainerKeyHash: sha256(trainerKey), status: 'lobby' as const, createdAt: this.deps.clock.now(), scenarios: unique, pace: body.pace };
      if (!(await this.deps.store.createSession(session))) continue;
      const room = this.open({ session, players: [], results: [], tickets: [] }, found);
      return {
        ok: true,
        value: { code, trainerKey, trainerPath: `/classroom/trainer.html?code=${code}#key=${trainerKey}`, scenarios: room.scenarios },
      };
    }
    return { ok: false, error: 'Could not find a free join code; please try again.', details: [] };
  }

  /** The room for a code, loaded from the store if the server restarted or evicted it since. */
  async get(code: string): Promise<Room | null> {
    const room = this.rooms.get(code);
    if (room !== undefined) return room;
    let loading = this.loading.get(code);
    if (loading === undefined) {
      loading = this.load(code).finally(() => this.loading.delete(code));
      this.loading.set(code, loading);
    }
    return loading;
  }

  /** Only what is in memory right now (the socket layer uses it to route). */
  cached(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  async delete(room: Room): Promise<void> {
    await room.delete();
    this.forget(room);
  }

  /** Deletes sessions created more than `days` ago, in memory and in the store. */
  async sweep(days: number): Promise<string[]> {
    const cutoff = this.deps.clock.now() - days * 86_400_000;
    const codes = await this.deps.store.deleteCreatedBefore(cutoff);
    for (const code of codes) this.dropDeleted(code);
    return codes;
  }

  /** A session deleted in the store (here, or by another server instance): its sockets are told and closed. */
  dropDeleted(code: string): void {
    const room = this.rooms.get(code);
    if (room === undefined) return;
    room.deleted = true;
    room.dispose();
    this.deps.broadcastFor(code).close(null, { type: 'deleted' });
    this.forget(room);
  }

  /** Every room in memory right now. */
  inMemory(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /** Drops rooms nobody has used for `idleMs` (and nobody is connected to) from memory; returns their codes. */
  evictIdle(idleMs: number): string[] {
    const evicted: string[] = [];
    for (const room of this.rooms.values()) {
      if (!room.idleFor(idleMs)) continue;
      room.push();
      room.dispose();
      this.forget(room);
      evicted.push(room.code);
    }
    return evicted;
  }

  /** Sends every pending leaderboard now (before shutdown). */
  flushAll(): void {
    for (const room of this.rooms.values()) room.push();
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Uploaded definitions held in memory (library ones are always held). */
  get uploadedInMemory(): number {
    return this.uploaded.size;
  }

  private async load(code: string): Promise<Room | null> {
    const state = await this.deps.store.loadSession(code);
    if (state === null) return null;
    const found = await this.checkUnheld(state.session.scenarios);
    const again = this.rooms.get(code);
    if (again !== undefined) return again;
    const room = this.open(state, found);
    // Another instance's notes that arrived while this loaded found no room here: read what they stored.
    void this.deps.refresh?.(room);
    return room;
  }

  private open(state: StoredSessionState, fresh: ReadonlyMap<string, CallDefinition>): Room {
    const code = state.session.code;
    const room = new Room(state, this.hold(code, state.session.scenarios, fresh), { ...this.deps, broadcast: this.deps.broadcastFor(code) });
    this.rooms.set(code, room);
    return room;
  }

  /**
   * Another instance changed this room's list of calls (a call added to a running session): the
   * calls not held here are checked as any stored upload is, then the room shows the new list.
   */
  async adoptScenarios(room: Room, scenarios: readonly StoredScenario[]): Promise<void> {
    const fresh = await this.checkUnheld(scenarios);
    room.adoptScenarios(scenarios, this.hold(room.code, scenarios, fresh));
  }

  /** Uploaded calls neither in the library nor held in memory, checked (those that fail are left out). */
  private async checkUnheld(scenarios: readonly StoredScenario[]): Promise<Map<string, CallDefinition>> {
    const found = new Map<string, CallDefinition>();
    for (const s of scenarios) {
      if (this.deps.library.byHash.has(s.hash) || this.uploaded.has(s.hash)) continue;
      const checked = await this.checker.check(s.text, s.file);
      if (checked.ok) found.set(checked.definition.hash, checked.definition);
    }
    return found;
  }

  /** The definitions of a room's calls, each upload marked as used by the room. */
  private hold(code: string, scenarios: readonly StoredScenario[], fresh: ReadonlyMap<string, CallDefinition>): Map<string, CallDefinition> {
    const definitions = new Map<string, CallDefinition>();
    for (const s of scenarios) {
      const lib = this.deps.library.byHash.get(s.hash);
      if (lib !== undefined) {
        definitions.set(s.hash, lib.definition);
        continue;
      }
      let entry = this.uploaded.get(s.hash);
      const def = entry?.definition ?? fresh.get(s.hash);
      if (def === undefined) continue;
      if (entry === undefined) {
        entry = { definition: def, users: new Set() };
        this.uploaded.set(s.hash, entry);
      }
      entry.users.add(code);
      definitions.set(s.hash, def);
    }
    return definitions;
  }

  private forget(room: Room): void {
    this.rooms.delete(room.code);
    this.deps.onGone?.(room.code);
    for (const hash of room.scenarioHashes) {
      const entry = this.uploaded.get(hash);
      if (entry === undefined) continue;
      entry.users.delete(room.code);
      if (entry.users.size === 0) this.uploaded.delete(hash);
    }
  }
}

function stored(def: CallDefinition, file: string, text: string, uploaded: boolean): StoredScenario {
  return { id: def.scenario.id, title: def.scenario.title, hash: def.hash, uploaded, file, text };
}
