/**
 * The stores the classroom runs on, for tests that must hold on each: SQLite in a temporary file,
 * and PostgreSQL on a throwaway server (started once per test file, a fresh database per store).
 * When no PostgreSQL can be found or installed, the PostgreSQL cases are skipped and the reason is
 * printed, so a skip is never silent.
 */
import { afterAll, beforeAll, type TestContext } from 'vitest';
import pg from 'pg';
import { openSqliteStore } from '../../../src/server/store/sqlite-store.ts';
import { openPostgresStore } from '../../../src/server/store/postgres-store.ts';
import type { ClassroomStore } from '../../../src/server/store/classroom-store.ts';
import type { TeamStore } from '../../../src/server/team/team-store.ts';
import { openSqliteTeamStore } from '../../../src/server/team/sqlite-team-store.ts';
import { openPostgresTeamStore } from '../../../src/server/team/postgres-team-store.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../../tools/pg-throwaway.ts';
import { newDataPath } from './room-harness.ts';

export type StoreKind = 'sqlite' | 'postgres';

/** A place for a store: opened as often as a test likes (two instances, or a restart). */
export interface StorePlace {
  readonly kind: StoreKind;
  open(): Promise<ClassroomStore>;
  /** The team store beside it (open the classroom store first: the team tables refer to its sessions). */
  openTeam(): Promise<TeamStore>;
  /** For the server: DATABASE_URL for PostgreSQL, the data folder for SQLite. */
  readonly url: string | null;
  readonly path: string;
}

let server: Promise<ThrowawayPostgres> | null = null;
let databases = 0;

/** Starts the throwaway PostgreSQL for this file (call at the top level of a test file). */
export function usePostgres(): { readonly skipReason: () => string | null; place: () => Promise<StorePlace> } {
  let reason: string | null = null;
  beforeAll(async () => {
    server ??= startThrowawayPostgres();
    const s = await server;
    if (!s.ok) {
      reason = s.reason;
      console.warn(`PostgreSQL store tests skipped: ${s.reason}`);
    }
  }, 120_000);
  afterAll(async () => {
    const s = await server;
    server = null;
    if (s?.ok) await s.stop();
  }, 60_000);
  return {
    skipReason: () => reason,
    /** A fresh, empty database on the throwaway server. */
    async place() {
      const s = await server!;
      if (!s.ok) throw new Error(s.reason);
      const name = `store_${++databases}`;
      const admin = new pg.Client({ connectionString: s.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(s.url);
      url.pathname = `/${name}`;
      const text = url.toString();
      return { kind: 'postgres', url: text, path: '', open: () => openPostgresStore(text, { poolSize: 4 }), openTeam: () => openPostgresTeamStore(text) };
    },
  };
}

export function sqlitePlace(): StorePlace {
  const path = newDataPath();
  return { kind: 'sqlite', url: null, path, open: async () => openSqliteStore(path), openTeam: async () => openSqliteTeamStore(path) };
}

/**
 * A fresh place for a store of either kind, for a test given its context: on PostgreSQL the test is
 * skipped, with the reason, when no throwaway server could be started here.
 */
export function useStorePlaces(): (kind: StoreKind, ctx: TestContext) => Promise<StorePlace> {
  const postgres = usePostgres();
  return async (kind, ctx) => {
    if (kind === 'sqlite') return sqlitePlace();
    const reason = postgres.skipReason();
    if (reason !== null) ctx.skip(reason);
    return postgres.place();
  };
}
