/**
 * The classroom store in an embedded SQLite file (better-sqlite3, WAL), with numbered migrations.
 * Results that arrive together are written in one transaction (a group commit) and each caller is
 * answered once that transaction is on disk. Deleted rows are overwritten (secure_delete) and the
 * WAL is truncated after a delete, so a removed nickname is not left readable in the files.
 */
import Database from 'better-sqlite3';
import type { ClassroomStore, StoredPlayer, StoredResult, StoredSession, StoredSessionState, StoredTicket } from './classroom-store.ts';
import type { SessionStatus } from '../../shared/classroom-results.ts';
import type { SessionPace } from '../../shared/classroom-http.ts';
import type { PlayerId, SubmissionId } from '../../shared/classroom-ids.ts';
import { storedKpis } from '../../core/classroom/call-kpis.ts';
import type { RunLog } from '../../shared/call-events.ts';
import { migrationPlan } from './migrations.ts';
import { benchAblation } from '../verify/bench-ablation.ts';

interface Waiting {
  readonly result: StoredResult;
  readonly done: (answer: 'added' | 'duplicate') => void;
  readonly fail: (error: unknown) => void;
}

export function openSqliteStore(path: string): ClassroomStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = (db.prepare('SELECT version FROM migrations').all() as { version: number }[]).map((r) => r.version);
  const plan = migrationPlan(applied, 'sqlite');
  if (!plan.ok) {
    db.close();
    throw new Error(plan.message);
  }
  for (const step of plan.steps) {
    db.transaction(() => {
      if (step.sql !== '') db.exec(step.sql);
      db.prepare('INSERT INTO migrations (version, applied_at) VALUES (?, ?)').run(step.version, Date.now());
    })();
  }

  const q = {
    insertSession: db.prepare('INSERT OR IGNORE INTO sessions (code, title, trainer_key_hash, status, created_at, scenarios, pace) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    session: db.prepare('SELECT * FROM sessions WHERE code = ?'),
    players: db.prepare('SELECT * FROM players WHERE code = ? ORDER BY joined_at, player_id'),
    results: db.prepare('SELECT * FROM results WHERE code = ? ORDER BY at, rowid'),
    tickets: db.prepare('SELECT * FROM tickets WHERE code = ? AND used = 0'),
    status: db.prepare('UPDATE sessions SET status = ? WHERE code = ?'),
    scenarios: db.prepare('UPDATE sessions SET scenarios = ? WHERE code = ?'),
    player: db.prepare('INSERT INTO players (code, player_id, token_hash, nickname, joined_at) VALUES (?, ?, ?, ?, ?)'),
    dropPlayer: db.prepare('DELETE FROM players WHERE code = ? AND player_id = ?'),
    blockPlayer: db.prepare('UPDATE players SET blocked = 1 WHERE code = ? AND player_id = ?'),
    dropResults: db.prepare('DELETE FROM results WHERE code = ? AND player_id = ?'),
    dropTickets: db.prepare('DELETE FROM tickets WHERE code = ? AND player_id = ?'),
    ticket: db.prepare('INSERT INTO tickets (code, ticket_hash, player_id, scenario_hash, seed, issued_at) VALUES (?, ?, ?, ?, ?, ?)'),
    useTicket: db.prepare('UPDATE tickets SET used = 1 WHERE code = ? AND ticket_hash = ?'),
    runOf: db.prepare('SELECT run FROM results WHERE code = ? AND submission_id = ?').pluck(),
    result: db.prepare('INSERT OR IGNORE INTO results (code, submission_id, player_id, run, scorecard, mistakes, at, run_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    delete: db.prepare('DELETE FROM sessions WHERE code = ?'),
    old: db.prepare('SELECT code FROM sessions WHERE created_at < ?'),
  };
  /** After a delete: copy the WAL into the file and empty it, so deleted text lives in neither. */
  const truncateWal = () => db.pragma('wal_checkpoint(TRUNCATE)');

  type SessionRow = { code: string; title: string; trainer_key_hash: string; status: SessionStatus; created_at: number; scenarios: string; pace: SessionPace };
  type PlayerRow = { code: string; player_id: string; token_hash: string; nickname: string; joined_at: number; blocked: number };
  type ResultRow = { code: string; submission_id: string; player_id: string; run: string; scorecard: string; mistakes: string; at: number; run_hash: string | null };
  type TicketRow = { code: string; ticket_hash: string; player_id: string; scenario_hash: string; seed: number; issued_at: number };

  let queue: Waiting[] = [];
  let scheduled = false;
  /** One transaction for everything queued since the last one; a row that fails (a session just deleted) fails alone. */
  const commit = db.transaction((batch: readonly Waiting[]) => {
    const answers: ('added' | 'duplicate' | Error)[] = [];
    for (const { result: r } of batch) {
      try {
        const info = q.result.run(r.code, r.submissionId, r.playerId, r.runJson ?? JSON.stringify(r.run), JSON.stringify(r.kpis), JSON.stringify(r.mistakes), r.at, r.runHash);
        if (info.changes === 1 && r.ticketHash !== null) q.useTicket.run(r.code, r.ticketHash);
        answers.push(info.changes === 1 ? 'added' : 'duplicate');
      } catch (error) {
        answers.push(error as Error);
      }
    }
    return answers;
  });
  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    // The ablation ladder's "no store" (bench only): answered as written, nothing written.
    if (benchAblation.store) return batch.forEach((w) => w.done('added'));
    let answers: ('added' | 'duplicate' | Error)[];
    try {
      answers = commit(batch);
    } catch (error) {
      for (const w of batch) w.fail(error);
      return;
    }
    batch.forEach((w, i) => {
      const a = answers[i]!;
      if (a instanceof Error) w.fail(a);
      else w.done(a);
    });
  };

  return {
    async createSession(s: StoredSession) {
      return q.insertSession.run(s.code, s.title, s.trainerKeyHash, s.status, s.createdAt, JSON.stringify(s.scenarios), s.pace ?? 'untimed').changes === 1;
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
        pace: row.pace,
      };
      const players: StoredPlayer[] = (q.players.all(code) as PlayerRow[]).map((p) => ({
        code: p.code,
        playerId: p.player_id as PlayerId,
        tokenHash: p.token_hash,
        nickname: p.nickname,
        joinedAt: p.joined_at,
        blocked: p.blocked === 1,
      }));
      const results: StoredResult[] = [];
      for (const r of q.results.all(code) as ResultRow[]) {
        const kpis = storedKpis(JSON.parse(r.scorecard));
        if (kpis === null) continue;
        results.push({
          code: r.code,
          submissionId: r.submission_id as SubmissionId,
          playerId: r.player_id as PlayerId,
          run: JSON.parse(r.run),
          runHash: r.run_hash ?? '',
          ticketHash: null,
          kpis,
          mistakes: JSON.parse(r.mistakes),
          at: r.at,
        });
      }
      const tickets: StoredTicket[] = (q.tickets.all(code) as TicketRow[]).map((t) => ({
        code: t.code,
        ticketHash: t.ticket_hash,
        playerId: t.player_id as PlayerId,
        scenarioHash: t.scenario_hash,
        seed: t.seed,
        issuedAt: t.issued_at,
      }));
      return { session, players, results, tickets };
    },
    async setScenarios(code, scenarios) {
      q.scenarios.run(JSON.stringify(scenarios), code);
    },
    async setStatus(code, status) {
      q.status.run(status, code);
    },
    async addPlayer(p) {
      q.player.run(p.code, p.playerId, p.tokenHash, p.nickname, p.joinedAt);
    },
    async removePlayer(code, playerId, block) {
      db.transaction(() => {
        q.dropResults.run(code, playerId);
        q.dropTickets.run(code, playerId);
        if (block) q.blockPlayer.run(code, playerId);
        else q.dropPlayer.run(code, playerId);
      })();
      truncateWal();
    },
    async addTicket(t) {
      q.ticket.run(t.code, t.ticketHash, t.playerId, t.scenarioHash, t.seed, t.issuedAt);
    },
    addResult(result: StoredResult) {
      return new Promise<'added' | 'duplicate'>((done, fail) => {
        queue.push({ result, done, fail });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    readRun(code, submissionId) {
      const run = q.runOf.get(code, submissionId) as string | undefined;
      return run === undefined ? null : (JSON.parse(run) as RunLog);
    },
    async deleteSession(code) {
      q.delete.run(code);
      truncateWal();
    },
    async deleteCreatedBefore(cutoff) {
      const codes = db.transaction(() => {
        const found = (q.old.all(cutoff) as { code: string }[]).map((r) => r.code);
        for (const code of found) q.delete.run(code);
        return found;
      })();
      if (codes.length > 0) truncateWal();
      return codes;
    },
    async close() {
      if (queue.length > 0) flush();
      db.close();
    },
  };
}
