/**
 * The classroom schema's numbered migrations, one list for both stores: each step has the SQLite
 * and the PostgreSQL text of the same change. A store records every applied version in its
 * `migrations` table and applies, at start, the steps it has not recorded yet, each in one
 * transaction. A database that holds a version this code does not know was migrated by a newer
 * release: starting on it is refused with a clear message rather than risking the data.
 */

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

export type Dialect = 'sqlite' | 'postgres';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, players and results',
    sqlite: `CREATE TABLE sessions (code TEXT PRIMARY KEY, title TEXT NOT NULL, trainer_key_hash TEXT NOT NULL,
       status TEXT NOT NULL, created_at INTEGER NOT NULL, scenarios TEXT NOT NULL);
     CREATE TABLE players (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, player_id TEXT NOT NULL,
       token_hash TEXT NOT NULL, nickname TEXT NOT NULL, joined_at INTEGER NOT NULL, PRIMARY KEY (code, player_id));
     CREATE TABLE results (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, submission_id TEXT NOT NULL,
       player_id TEXT NOT NULL, run TEXT NOT NULL, scorecard TEXT NOT NULL, mistakes TEXT NOT NULL, at INTEGER NOT NULL,
       PRIMARY KEY (code, submission_id));
     CREATE INDEX sessions_created ON sessions(created_at);`,
    postgres: `CREATE TABLE sessions (code TEXT PRIMARY KEY, title TEXT NOT NULL, trainer_key_hash TEXT NOT NULL,
       status TEXT NOT NULL, created_at BIGINT NOT NULL, scenarios TEXT NOT NULL);
     CREATE TABLE players (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, player_id TEXT NOT NULL,
       token_hash TEXT NOT NULL, nickname TEXT NOT NULL, joined_at BIGINT NOT NULL, PRIMARY KEY (code, player_id));
     CREATE TABLE results (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, submission_id TEXT NOT NULL,
       player_id TEXT NOT NULL, run TEXT NOT NULL, scorecard TEXT NOT NULL, mistakes TEXT NOT NULL, at BIGINT NOT NULL,
       PRIMARY KEY (code, submission_id));
     CREATE INDEX sessions_created ON sessions(created_at);`,
  },
  {
    version: 2,
    name: 'runs counted once per player, single-use tickets, removed and blocked players (issue 12)',
    sqlite: `ALTER TABLE results ADD COLUMN run_hash TEXT;
     CREATE UNIQUE INDEX results_run ON results(code, player_id, run_hash) WHERE run_hash IS NOT NULL;
     ALTER TABLE players ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0;
     CREATE TABLE tickets (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, ticket_hash TEXT NOT NULL,
       player_id TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed INTEGER NOT NULL, issued_at INTEGER NOT NULL,
       used INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (code, ticket_hash));`,
    postgres: `ALTER TABLE results ADD COLUMN run_hash TEXT;
     CREATE UNIQUE INDEX results_run ON results(code, player_id, run_hash) WHERE run_hash IS NOT NULL;
     ALTER TABLE players ADD COLUMN blocked BOOLEAN NOT NULL DEFAULT FALSE;
     CREATE TABLE tickets (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, ticket_hash TEXT NOT NULL,
       player_id TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed BIGINT NOT NULL, issued_at BIGINT NOT NULL,
       used BOOLEAN NOT NULL DEFAULT FALSE, PRIMARY KEY (code, ticket_hash));`,
  },
  {
    version: 3,
    name: 'room versions, so several server instances can read what another one changed (issue 18)',
    // One SQLite file serves one process: it has no other instance to tell.
    sqlite: '',
    postgres: `ALTER TABLE sessions ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
     ALTER TABLE players ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
     ALTER TABLE tickets ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
     ALTER TABLE results ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
     ALTER TABLE results ADD COLUMN ticket_hash TEXT;
     CREATE TABLE player_removals (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE,
       player_id TEXT NOT NULL, blocked BOOLEAN NOT NULL, version BIGINT NOT NULL);
     CREATE INDEX players_version ON players(code, version);
     CREATE INDEX tickets_version ON tickets(code, version);
     CREATE INDEX results_version ON results(code, version);
     CREATE INDEX player_removals_version ON player_removals(code, version);`,
  },
  {
    version: 4,
    name: 'team mode and peer review on PostgreSQL (issue 18)',
    // The SQLite team tables predate this list: the SQLite team store makes them with its own
    // numbered steps (table team_migrations), which existing files have already recorded.
    sqlite: '',
    postgres: `CREATE TABLE team_settings (code TEXT PRIMARY KEY REFERENCES sessions(code) ON DELETE CASCADE, settings TEXT NOT NULL, members TEXT NOT NULL);
     CREATE TABLE team_review_requests (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, request_id TEXT NOT NULL,
       reviewer TEXT NOT NULL, reviewee TEXT NOT NULL, submission_id TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (code, request_id));
     CREATE TABLE team_reviews (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, request_id TEXT NOT NULL,
       went_well TEXT NOT NULL, even_better_if TEXT NOT NULL, qa_section TEXT, hidden BOOLEAN NOT NULL DEFAULT FALSE, at BIGINT NOT NULL,
       PRIMARY KEY (code, request_id));
     CREATE TABLE team_coaching (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, note_id TEXT NOT NULL, player_id TEXT NOT NULL,
       about TEXT NOT NULL, about_label TEXT NOT NULL, grow TEXT NOT NULL, qa_section TEXT, at BIGINT NOT NULL, PRIMARY KEY (code, note_id));`,
  },
  {
    version: 5,
    name: 'the pace the trainer chose for a session (issue 15)',
    sqlite: `ALTER TABLE sessions ADD COLUMN pace TEXT NOT NULL DEFAULT 'untimed';`,
    postgres: `ALTER TABLE sessions ADD COLUMN pace TEXT NOT NULL DEFAULT 'untimed';`,
  },
  {
    version: 6,
    name: 'the version that last changed a session\'s calls, so other instances learn of an added call (issue 17)',
    sqlite: '',
    postgres: `ALTER TABLE sessions ADD COLUMN scenarios_version BIGINT NOT NULL DEFAULT 0;`,
  },
  {
    version: 7,
    name: 'a result\'s scenario hash beside its run, so other instances show it without parsing the run (issue 18)',
    sqlite: '',
    postgres: `ALTER TABLE results ADD COLUMN scenario_hash TEXT;`,
  },
];

export interface MigrationStep {
  readonly version: number;
  readonly name: string;
  /** Empty when this store has nothing to change at this version (the version is still recorded). */
  readonly sql: string;
}

export type MigrationPlan = { ok: true; steps: MigrationStep[] } | { ok: false; message: string };

/** The steps a database with these versions applied still needs, in order. */
export function migrationPlan(applied: Iterable<number>, dialect: Dialect, migrations: readonly Migration[] = MIGRATIONS): MigrationPlan {
  const done = new Set(applied);
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...done].filter((v) => !known.has(v)).sort((a, b) => a - b);
  if (unknown.length > 0) {
    const newest = Math.max(...known);
    return {
      ok: false,
      message: `The classroom database was migrated by a newer release (schema version ${unknown.join(', ')}; this release knows up to ${newest}). Start the newer release, or restore a backup taken before the upgrade.`,
    };
  }
  const steps = [...migrations]
    .sort((a, b) => a.version - b.version)
    .filter((m) => !done.has(m.version))
    .map((m) => ({ version: m.version, name: m.name, sql: m[dialect] }));
  return { ok: true, steps };
}
