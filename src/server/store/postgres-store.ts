/**
 * The classroom store in PostgreSQL, for several server instances sharing one database (chosen by
 * DATABASE_URL). Counting once and ordering live in the database, not in one process: a result is
 * unique per submission id and per run per player (unique keys), a ticket is used at most once
 * (a conditional update in the same transaction as the result), and every write to a room first
 * bumps the room's version, which locks the session row until commit, so writes to one room are
 * serialised and versions follow commit order. Each write tells the other instances with
 * NOTIFY (code and version); they read the rows newer than what they have seen (changesSince).
 * Results are written in groups across rooms, one statement per group (postgres-result-writer.ts),
 * and so are players joining and tickets issued (postgres-player-ticket-writer.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PoolClient } from 'pg';
import type { StoredPlayer, StoredResult, StoredScenario, StoredSession, StoredSessionState, StoredTicket } from './classroom-store.ts';
import type { PlayerRemoval, RoomChanges, RoomNote, SharedClassroomStore } from './room-changes.ts';
import type { SessionStatus } from '../../shared/classroom-results.ts';
import type { SessionPace } from '../../shared/classroom-http.ts';
import type { PlayerId, SubmissionId } from '../../shared/classroom-ids.ts';
import type { RunLog } from '../../shared/call-events.ts';
import { storedKpis } from '../../core/classroom/call-kpis.ts';
import { inTransaction, migratePostgres, pgTypes as types, whereIs } from './postgres-connection.ts';
import { PostgresListener } from './postgres-listener.ts';
import { resultWriter } from './postgres-result-writer.ts';
import { playerTicketWriter } from './postgres-player-ticket-writer.ts';
import { pgTimings as timings } from './postgres-timings.ts';

export const ROOM_CHANNEL = 'classroom_rooms';

export interface PostgresStoreOptions {
  /** Connections in the pool (10 when left out). */
  readonly poolSize?: number;
  /** The instance's one listening connection, shared with team mode (a connection of its own when left out). */
  readonly listener?: PostgresListener;
}

type SessionRow = { code: string; title: string; trainer_key_hash: string; status: SessionStatus; created_at: number; scenarios: string; pace: SessionPace; version: number };
type PlayerRow = { code: string; player_id: string; token_hash: string; nickname: string; joined_at: number; blocked: boolean };
type ResultRow = { code: string; submission_id: string; player_id: string; run: string; scorecard: string; mistakes: string; at: number; run_hash: string | null; ticket_hash: string | null; scenario_hash: string | null };
/** A catch-up's row: a room's (kind 0: its state and new players, removals and tickets as JSON arrays) or one of its new results (kind 1). */
type ChangesRow = { kind: number; code: string; version: number; status: SessionStatus; scenarios: string | null; players: PlayerRow[]; removals: { player_id: string; blocked: boolean }[]; tickets: TicketRow[] } & ResultRow;
/**
 * Rooms' rows newer than a version each, in one statement (one round trip, one snapshot): a row per
 * room still there, with its new players, removals and tickets as JSON arrays (BIGINTs come back
 * as JSON numbers), then a row per new result with its columns as they are stored. A result's run
 * (kilobytes of JSON) thus travels as plain text: PostgreSQL does not escape it into a JSON array
 * and the instance parses it once. Each table is read through its (code, version) index, by a row
 * comparison the planner cannot answer with the primary key: with `code = … AND version > …` it
 * read every player of the room (2,000 in the big one); the results are read in a subquery kept
 * apart (OFFSET 0), one index probe per room, where the planner had joined the whole results table.
 */
const CHANGES_SQL = `SELECT 0 AS kind, s.code, s.version, s.status,
  CASE WHEN s.scenarios_version > q.since THEN s.scenarios END AS scenarios,
  (SELECT coalesce(json_agg(p ORDER BY p.joined_at, p.player_id), '[]') FROM players p WHERE (p.code, p.version) > (s.code, q.since) AND p.code = s.code) AS players,
  (SELECT coalesce(json_agg(x ORDER BY x.version), '[]') FROM player_removals x WHERE (x.code, x.version) > (s.code, q.since) AND x.code = s.code) AS removals,
  (SELECT coalesce(json_agg(t), '[]') FROM tickets t WHERE (t.code, t.version) > (s.code, q.since) AND t.code = s.code AND NOT t.used) AS tickets,
  NULL AS submission_id, NULL AS player_id, NULL AS run, NULL AS scorecard, NULL AS mistakes, NULL::bigint AS at, NULL AS run_hash, NULL AS ticket_hash, NULL AS scenario_hash
FROM unnest($1::text[], $2::bigint[]) AS q(code, since) JOIN sessions s ON s.code = q.code
UNION ALL
SELECT 1, r.code, r.version, NULL, NULL, NULL, NULL, NULL, r.submission_id, r.player_id, r.run, r.scorecard, r.mistakes, r.at, r.run_hash, r.ticket_hash, r.scenario_hash
FROM unnest($1::text[], $2::bigint[]) AS q(code, since)
  CROSS JOIN LATERAL (SELECT * FROM results r WHERE (r.code, r.version) > (q.code, q.since) AND r.code = q.code OFFSET 0) r
ORDER BY kind, version, at, submission_id`;
type TicketRow = { code: string; ticket_hash: string; player_id: string; scenario_hash: string; seed: number; issued_at: number };

class SessionGone extends Error {
  constructor(code: string) {
    super(`session ${code} no longer exists`);
  }
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<SharedClassroomStore> {
  /** Tells this instance's own notes from the others' (it already shows what it wrote). */
  const origin = randomBytes(6).toString('hex');
  const size = options.poolSize ?? 10;
  // Connections once opened stay open (pg closes idle ones after 10 s by default): a class is quiet
  // while its trainees play, then submits at once, and a burst that first opens connections and
  // plans its statements again on each of them starts hundreds of milliseconds late.
  // Generic plans: the hot statements are named (prepared once per connection), and PostgreSQL
  // would otherwise plan the catch-up afresh on every call (its custom plan for the arrays it is
  // given looks cheaper than the generic one): over half a millisecond of PostgreSQL's CPU a call,
  // more than it took to run. Every statement here reads or writes by key, which a generic plan does
  // as well as a custom one. A DATABASE_URL that sets `options` itself keeps its own.
  const planning = /[?&]options=/.test(url) ? {} : { options: '-c plan_cache_mode=force_generic_plan' };
  const pool = new pg.Pool({ connectionString: url, max: size, min: size, types, ...planning });
  // An idle connection the server dropped must not crash the process: the pool replaces it.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw new Error(`the PostgreSQL database in DATABASE_URL (${whereIs(url)}) could not be used: ${(error as Error).message}`);
  }

  /** When the note was written, for the reader's `note delay` (timings only; 0 when off). */
  const stamp = () => (timings.on ? timings.now().toFixed(1) : '0');
  const listener = options.listener ?? new PostgresListener(url);
  const transaction = <T>(work: (c: PoolClient) => Promise<T>, mode = 'BEGIN'): Promise<T> => inTransaction(pool, work, mode);
  const results = resultWriter(pool, ROOM_CHANNEL, () => `@${origin} ${stamp()}`, (code) => new SessionGone(code));
  const joins = playerTicketWriter(pool, ROOM_CHANNEL, () => `@${origin} ${stamp()}`, (code) => new SessionGone(code));

  /** Moves the room to its next version (locking its row until commit) and tells the other instances at commit. */
  async function bump(c: PoolClient, code: string): Promise<number> {
    const r = await c.query<{ version: number }>(
      `WITH v AS (UPDATE sessions SET version = version + 1 WHERE code = $1 RETURNING version)
       SELECT v.version, pg_notify($2, $1 || ' ' || v.version || ' ' || $3) FROM v`,
      [code, ROOM_CHANNEL, `${origin} ${stamp()}`],
    );
    const version = r.rows[0]?.version;
    if (version === undefined) throw new SessionGone(code);
    return version;
  }

  async function notifyGone(codes: readonly string[]): Promise<void> {
    for (const code of codes) await pool.query('SELECT pg_notify($1, $2)', [ROOM_CHANNEL, `${code} gone ${origin}`]);
  }

  async function readRoom(c: PoolClient, code: string, since: number) {
    const session = (await c.query<SessionRow>('SELECT * FROM sessions WHERE code = $1', [code])).rows[0];
    if (session === undefined) return null;
    const after = since < 0 ? [code] : [code, since];
    const newer = since < 0 ? '' : ' AND version > $2';
    const players = (await c.query<PlayerRow>(`SELECT * FROM players WHERE code = $1${newer} ORDER BY joined_at, player_id`, after)).rows.map(player);
    const results = (await c.query<ResultRow>(`SELECT * FROM results WHERE code = $1${newer} ORDER BY version, at, submission_id`, after)).rows.flatMap(result);
    const tickets = (await c.query<TicketRow>(`SELECT * FROM tickets WHERE code = $1 AND NOT used${newer}`, after)).rows.map(ticket);
    return { session, players, results, tickets };
  }

  return {
    shared: true,
    async createSession(s: StoredSession) {
      const r = await pool.query(
        'INSERT INTO sessions (code, title, trainer_key_hash, status, created_at, scenarios, pace) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING',
        [s.code, s.title, s.trainerKeyHash, s.status, s.createdAt, JSON.stringify(s.scenarios), s.pace ?? 'untimed'],
      );
      return r.rowCount === 1;
    },
    async loadSession(code): Promise<StoredSessionState | null> {
      const read = await transaction((c) => readRoom(c, code, -1), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      if (read === null) return null;
      const s = read.session;
      const session: StoredSession = { code: s.code, title: s.title, trainerKeyHash: s.trainer_key_hash, status: s.status, createdAt: s.created_at, scenarios: JSON.parse(s.scenarios), pace: s.pace };
      return { session, players: read.players, results: read.results, tickets: read.tickets, version: s.version };
    },
    async changesSince(asked) {
      // One statement for every room asked about: one round trip and one snapshot.
      const r = await pool.query<ChangesRow>({ name: 'htl-changes-since', text: CHANGES_SQL, values: [asked.map((a) => a.code), asked.map((a) => a.version)] });
      const found = new Map<string, RoomChanges | null>(asked.map((a) => [a.code, null]));
      const results = new Map<string, StoredResult[]>();
      for (const row of r.rows) {
        if (row.kind === 1) {
          results.get(row.code)?.push(...result(row));
          continue;
        }
        const theirs: StoredResult[] = [];
        results.set(row.code, theirs);
        found.set(row.code, {
          version: row.version,
          status: row.status,
          players: row.players.map(player),
          removals: row.removals.map((x): PlayerRemoval => ({ playerId: x.player_id as PlayerId, blocked: x.blocked })),
          tickets: row.tickets.map(ticket),
          results: theirs,
          ...(row.scenarios === null ? {} : { scenarios: JSON.parse(row.scenarios) as StoredScenario[] }),
        });
      }
      return found;
    },
    async setScenarios(code, scenarios) {
      await transaction(async (c) => {
        const version = await bump(c, code);
        await c.query('UPDATE sessions SET scenarios = $1, scenarios_version = $2 WHERE code = $3', [JSON.stringify(scenarios), version, code]);
      });
    },
    async setStatus(code, status) {
      await transaction(async (c) => {
        await bump(c, code);
        await c.query('UPDATE sessions SET status = $1 WHERE code = $2', [status, code]);
      });
    },
    async addPlayer(p) {
      await joins.add({ player: { code: p.code, playerId: p.playerId, tokenHash: p.tokenHash, nickname: p.nickname, joinedAt: p.joinedAt } });
    },
    async removePlayer(code, playerId, block) {
      await transaction(async (c) => {
        const version = await bump(c, code);
        await c.query('DELETE FROM results WHERE code = $1 AND player_id = $2', [code, playerId]);
        await c.query('DELETE FROM tickets WHERE code = $1 AND player_id = $2', [code, playerId]);
        if (block) await c.query('UPDATE players SET blocked = TRUE, version = $3 WHERE code = $1 AND player_id = $2', [code, playerId, version]);
        else await c.query('DELETE FROM players WHERE code = $1 AND player_id = $2', [code, playerId]);
        // Only the random id is kept, so other instances drop the player too; the name is gone.
        await c.query('INSERT INTO player_removals (code, player_id, blocked, version) VALUES ($1, $2, $3, $4)', [code, playerId, block, version]);
      });
    },
    async addTicket(t) {
      await joins.add({ ticket: t });
    },
    addResult: (result) => results.add(result),
    async deleteSession(code) {
      await pool.query('DELETE FROM sessions WHERE code = $1', [code]);
      await notifyGone([code]);
    },
    async deleteCreatedBefore(cutoff) {
      const r = await pool.query<{ code: string }>('DELETE FROM sessions WHERE created_at < $1 RETURNING code', [cutoff]);
      const codes = r.rows.map((row) => row.code);
      await notifyGone(codes);
      return codes;
    },
    listen: (onNote, onResume) =>
      listener.listen(ROOM_CHANNEL, (payload) => {
        const read = readNote(payload);
        if (read === null || read.origin === origin) return;
        if (timings.on && read.sent > 0) timings.add('note delay', timings.now() - read.sent);
        for (const note of read.notes) onNote(note);
      }, onResume),
    async close() {
      timings.flush('at close');
      results.flush();
      joins.flush();
      await pool.end();
    },
  };
}

/**
 * A note on the rooms channel: `@<origin> <sent> <code>:<version> …` from a group of results (see
 * postgres-result-writer.ts), or `<code> <version|gone> <origin> [<sent>]` from any other write.
 * `sent` is 0 unless timings are on.
 */
export function readNote(payload: string): { origin: string; sent: number; notes: RoomNote[] } | null {
  const words = payload.split(' ');
  if (payload.startsWith('@')) {
    const notes = words.slice(2).flatMap((w): RoomNote[] => {
      const at = w.lastIndexOf(':');
      const version = Number(w.slice(at + 1));
      return at > 0 && Number.isInteger(version) ? [{ code: w.slice(0, at), version }] : [];
    });
    return { origin: words[0]!.slice(1), sent: Number(words[1]) || 0, notes };
  }
  const [code, version, from, sent] = words;
  if (code === undefined || version === undefined || from === undefined) return null;
  return { origin: from, sent: Number(sent) || 0, notes: [{ code, version: version === 'gone' ? null : Number(version) }] };
}

function player(p: PlayerRow): StoredPlayer {
  return { code: p.code, playerId: p.player_id as PlayerId, tokenHash: p.token_hash, nickname: p.nickname, joinedAt: p.joined_at, blocked: p.blocked };
}

function ticket(t: TicketRow): StoredTicket {
  return { code: t.code, ticketHash: t.ticket_hash, playerId: t.player_id as PlayerId, scenarioHash: t.scenario_hash, seed: t.seed, issuedAt: t.issued_at };
}

/**
 * A stored result as the rooms use it. Its run (a kilobyte or more of JSON) is parsed only when first
 * read: a result another instance wrote is shown from its scorecard and scenario hash, and its run
 * is needed only if the trainer opens the debrief. Rows written before the scenario hash had its own
 * column parse the run at once.
 */
function result(r: ResultRow): StoredResult[] {
  const kpis = storedKpis(JSON.parse(r.scorecard));
  if (kpis === null) return [];
  let run: RunLog | undefined;
  const text = r.run;
  const base = { code: r.code, submissionId: r.submission_id as SubmissionId, playerId: r.player_id as PlayerId, runHash: r.run_hash ?? '', ticketHash: r.ticket_hash, kpis, mistakes: r.mistakes === 'null' ? null : JSON.parse(r.mistakes), at: r.at };
  if (r.scenario_hash === null) return [{ ...base, run: JSON.parse(text) as RunLog }];
  return [{ ...base, scenarioHash: r.scenario_hash, runJson: text, get run() { return (run ??= JSON.parse(text) as RunLog); } }];
}
