/**
 * Every session the server knows: creates them, finds them (loading from the store after a restart)
 * and deletes expired ones. Scenario definitions are shared between rooms by hash.
 */
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import { newJoinCode, newSecret } from '../../core/classroom/join-code.ts';
import { formatDiagnostic } from '../../scenario/diagnostics.ts';
import type { CreateSessionBody, CreatedSession } from '../../shared/classroom-http.ts';
import type { JoinCode, TrainerKey } from '../../shared/classroom-ids.ts';
import type { StoredScenario } from '../store/classroom-store.ts';
import { checkScenarioText, type ScenarioLibrary } from '../scenario-library.ts';
import { Room, sha256 } from './room.ts';
import type { RoomBroadcast, RoomDeps } from './room-ports.ts';

export type CreateAnswer = { ok: true; value: CreatedSession } | { ok: false; error: string; details: string[] };

export type RoomsDeps = Omit<RoomDeps, 'broadcast'> & {
  readonly library: ScenarioLibrary;
  /** Gives each room the way to reach its sockets. */
  readonly broadcastFor: (code: string) => RoomBroadcast;
};

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room | null>>();
  private readonly definitions = new Map<string, CallDefinition>();

  constructor(private readonly deps: RoomsDeps) {
    for (const [hash, s] of deps.library.byHash) this.definitions.set(hash, s.definition);
  }

  async create(body: CreateSessionBody): Promise<CreateAnswer> {
    const scenarios: StoredScenario[] = [];
    const details: string[] = [];
    for (const hash of body.scenarioHashes) {
      const found = this.deps.library.byHash.get(hash);
      if (found === undefined) details.push(`No scenario in the library has hash ${hash.slice(0, 12)}…`);
      else scenarios.push(stored(found.definition, found.file, found.text, false));
    }
    for (const upload of body.uploads) {
      const checked = checkScenarioText(upload.text, upload.file);
      if (!checked.ok) details.push(...checked.diagnostics.map(formatDiagnostic));
      else {
        this.definitions.set(checked.scenario.definition.hash, checked.scenario.definition);
        scenarios.push(stored(checked.scenario.definition, upload.file, upload.text, true));
      }
    }
    if (details.length > 0) return { ok: false, error: 'Some scenarios could not be used.', details };
    const unique = [...new Map(scenarios.map((s) => [s.hash, s])).values()];
    const trainerKey = newSecret(this.deps.random) as TrainerKey;
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newJoinCode(this.deps.random, (c) => this.rooms.has(c)) as JoinCode;
      const session = { code, title: body.title, trainerKeyHash: sha256(trainerKey), status: 'lobby' as const, createdAt: this.deps.clock.now(), scenarios: unique };
      if (!(await this.deps.store.createSession(session))) continue;
      const room = new Room({ session, players: [], results: [] }, this.definitionsFor(unique), { ...this.deps, broadcast: this.deps.broadcastFor(code) });
      this.rooms.set(code, room);
      return {
        ok: true,
        value: { code, trainerKey, trainerPath: `/classroom/trainer.html?code=${code}#key=${trainerKey}`, scenarios: room.scenarios },
      };
    }
    return { ok: false, error: 'Could not find a free join code; please try again.', details: [] };
  }

  /** The room for a code, loaded from the store if the server restarted since it was made. */
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
    this.rooms.delete(room.code);
  }

  /** Deletes sessions created more than `days` ago, in memory and in the store. */
  async sweep(days: number): Promise<string[]> {
    const cutoff = this.deps.clock.now() - days * 86_400_000;
    const codes = await this.deps.store.deleteCreatedBefore(cutoff);
    for (const code of codes) {
      const room = this.rooms.get(code);
      if (room !== undefined) {
        room.deleted = true;
        this.deps.broadcastFor(code).toAll({ type: 'deleted' });
        this.rooms.delete(code);
      }
    }
    return codes;
  }

  /** Sends every pending leaderboard now (before shutdown). */
  flushAll(): void {
    for (const room of this.rooms.values()) room.push();
  }

  get size(): number {
    return this.rooms.size;
  }

  private async load(code: string): Promise<Room | null> {
    const state = await this.deps.store.loadSession(code);
    if (state === null) return null;
    for (const s of state.session.scenarios) {
      if (this.definitions.has(s.hash)) continue;
      const checked = checkScenarioText(s.text, s.file);
      if (checked.ok) this.definitions.set(checked.scenario.definition.hash, checked.scenario.definition);
    }
    const room = new Room(state, this.definitionsFor(state.session.scenarios), { ...this.deps, broadcast: this.deps.broadcastFor(code) });
    this.rooms.set(code, room);
    return room;
  }

  private definitionsFor(scenarios: readonly StoredScenario[]): Map<string, CallDefinition> {
    const map = new Map<string, CallDefinition>();
    for (const s of scenarios) {
      const def = this.definitions.get(s.hash);
      if (def !== undefined) map.set(s.hash, def);
    }
    return map;
  }
}

function stored(def: CallDefinition, file: string, text: string, uploaded: boolean): StoredScenario {
  return { id: def.scenario.id, title: def.scenario.title, hash: def.hash, uploaded, file, text };
}
