/** The classroom store in an embedded SQLite file (better-sqlite3, WAL), with numbered migrations. */
import Database from 'better-sqlite3';
import type { ClassroomStore, StoredPlayer, StoredResult, StoredSession, StoredSessionState } from './classroom-store.ts';
import type { SessionStatus } from '../../shared/classroom-results.ts';
import type { PlayerId, SubmissionId } from '../../shared/classroom-ids.ts';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (code TEXT PRIMARY KEY, title TEXT NOT NULL, trainer_key_hash TEXT NOT NULL,
     status TEXT NOT NULL, created_at INTEGER NOT NULL, scenarios TEXT NOT NULL);
   CREATE TABLE players (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, player_id TEXT NOT NULL,
     token_hash TEXT NOT NULL, nickname TEXT NOT NULL, joined_at INTEGER NOT NULL, PRIMARY KEY (code, player_id));
   CREATE TABLE results (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, submission_id TEXT NOT NULL,
     player_id TEXT NOT NULL, run TEXT NOT NULL, scorecard TEXT NOT NULL, mistakes TEXT NOT NULL, at INTEGER NOT NULL,
     PRIMARY KEY (code, submission_id));
   CREATE INDEX sessions_created ON sessions(created_at);`,
];

export function openSqliteStore(path: string): ClassroomStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM migrations').all() as { version: number }[]).map((r) => r.version));
  MIGRATIONS.forEach((sql, i) => {
    if (applied.has(i + 1)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO migrations (version, applied_at) VALUES (?, ?)').run(i + 1, Date.now());
    })();
  });

  const q = {
    insertSession: db.prepare('INSERT OR IGNORE INTO sessions (code, title, trainer_key_hash, status, created_at, scenarios) VALUES (?, ?, ?, ?, ?, ?)'),
    session: db.prepare('SELECT * FROM sessions WHERE code = ?'),
    players: db.prepare('SELECT * FROM players WHERE code = ? ORDER BY joined_at, player_id'),
    results: db.prepare('SELECT * FROM results WHERE code = ? ORDER BY at, rowid'),
    status: db.prepare('UPDATE sessions SET status = ? WHERE code = ?'),
    player: db.prepare('INSERT INTO players (code, player_id, token_hash, nickname, joined_at) VALUES (?, ?, ?, ?, ?)'),
    result: db.prepare('INSERT OR IGNORE INTO results (code, submission_id, player_id, run, scorecard, mistakes, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    delete: db.prepare('DELETE FROM sessions WHERE code = ?'),
    old: db.prepare('SELECT code FROM sessions WHERE created_at < ?'),
  };

  type SessionRow = { code: string; title: string; trainer_key_hash: string; status: SessionStatus; created_at: number; scenarios: string };
  type PlayerRow = { code: string; player_id: string; token_hash: string; nickname: string; joined_at: number };
  type ResultRow = { code: string; submission_id: string; player_id: string; run: string; scorecard: string; mistakes: string; at: number };

  return {
    async createSession(s: StoredSession) {
      return q.insertSession.run(s.code, s.title, s.trainerKeyHash, s.status, s.createdAt, JSON.stringify(s.scenarios)).changes === 1;
    },
    async loadSession(code: string): Promise<StoredSessionState | null> {
      const row = q.session.get(code) as SessionRow | undefined;
      if (row === undefined) return null;
      const session: StoredSession = {
        code: row.code,
        title: row.title,
        trainerKeyHash: row.trainer_key_hash,
        status: row.status,
        createdAt: row.created_at,
        scenarios: JSON.parse(row.scenarios),
      };
      const players: StoredPlayer[] = (q.players.all(code) as PlayerRow[]).map((p) => ({
        code: p.code,
        playerId: p.player_id as PlayerId,
        tokenHash: p.token_hash,
        nickname: p.nickname,
        joinedAt: p.joined_at,
      }));
      const results: StoredResult[] = (q.results.all(code) as ResultRow[]).map((r) => ({
        code: r.code,
        submissionId: r.submission_id as SubmissionId,
        playerId: r.player_id as PlayerId,
        run: JSON.parse(r.run),
        scorecard: JSON.parse(r.scorecard),
        mistakes: JSON.parse(r.mistakes),
        at: r.at,
      }));
      return { session, players, results };
    },
    async setStatus(code, status) {
      q.status.run(status, code);
    },
    async addPlayer(p) {
      q.player.run(p.code, p.playerId, p.tokenHash, p.nickname, p.joinedAt);
    },
    async addResult(r: StoredResult) {
      const info = q.result.run(r.code, r.submissionId, r.playerId, JSON.stringify(r.run), JSON.stringify(r.scorecard), JSON.stringify(r.mistakes), r.at);
      return info.changes === 1 ? 'added' : 'duplicate';
    },
    async deleteSession(code) {
      q.delete.run(code);
    },
    async deleteCreatedBefore(cutoff) {
      return db.transaction(() => {
        const codes = (q.old.all(cutoff) as { code: string }[]).map((r) => r.code);
        for (const code of codes) q.delete.run(code);
        return codes;
      })();
    },
    async close() {
      db.close();
    },
  };
}
