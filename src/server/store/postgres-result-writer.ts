/**
 * Results are written to PostgreSQL in groups: everything that arrived for any room while the
 * previous group was being written goes in the next one, as ONE statement (one round trip, one
 * transaction, one commit and one note for the other instances). In that statement each room of
 * the group is locked (in code order, so two instances' groups never deadlock), moves to its next
 * version, its results' tickets are claimed (a ticket another instance already used is not claimed
 * again, and its result is not stored) and the results are inserted (a submission id or a run
 * already stored is skipped). The rooms' row locks are held only while PostgreSQL runs the
 * statement, never across network round trips. A group holds at most MAX_ROOMS rooms and
 * MAX_RESULTS results, so the note stays well inside PostgreSQL's 8,000-byte payload.
 *
 * The note's payload: `@<origin> <stamp> <code>:<version> <code>:<version> …` (room-changes.ts reads it).
 */
import type pg from 'pg';
import type { StoredResult } from './classroom-store.ts';
import { writeGroups } from './postgres-write-groups.ts';
import { binaryTextArray } from './postgres-binary-array.ts';

const MAX_ROOMS = 200;
const MAX_RESULTS = 2000;
/** Deadlocks are not expected (rooms are locked in order); one found by PostgreSQL is retried this often. */
const RETRIES = 3;

const WRITE_SQL = `WITH x AS MATERIALIZED (
  SELECT DISTINCT ON (c, coalesce(t, s)) c, s, p, r, k, m, a, h, t, sh, n
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[], $12::text[]) WITH ORDINALITY AS u(c, s, p, r, k, m, a, h, t, sh, n)
  ORDER BY c, coalesce(t, s), n
),
locked AS MATERIALIZED (SELECT code FROM sessions WHERE code IN (SELECT c FROM x) ORDER BY code FOR NO KEY UPDATE),
v AS (UPDATE sessions SET version = sessions.version + 1 FROM locked WHERE sessions.code = locked.code RETURNING sessions.code, sessions.version),
claimed AS (
  UPDATE tickets SET used = TRUE FROM x, v
  WHERE v.code = x.c AND tickets.code = x.c AND tickets.ticket_hash = x.t AND NOT tickets.used
  RETURNING tickets.code, tickets.ticket_hash
),
ins AS (
  INSERT INTO results (code, submission_id, player_id, run, scorecard, mistakes, at, run_hash, ticket_hash, scenario_hash, version)
  SELECT x.c, x.s, x.p, x.r, x.k, x.m, x.a, x.h, x.t, x.sh, v.version FROM x JOIN v ON v.code = x.c
  WHERE x.t IS NULL OR EXISTS (SELECT 1 FROM claimed WHERE claimed.code = x.c AND claimed.ticket_hash = x.t)
  ORDER BY x.n
  ON CONFLICT DO NOTHING RETURNING code, submission_id
),
note AS (SELECT pg_notify($10, $11 || ' ' || string_agg(v.code || ':' || v.version, ' ')) FROM v HAVING count(*) > 0)
SELECT (SELECT coalesce(array_agg(v.code), '{}') FROM v) AS rooms,
  (SELECT coalesce(array_agg(ins.code || ' ' || ins.submission_id), '{}') FROM ins) AS added,
  (SELECT count(*) FROM note) AS noted`;

export interface ResultWriter {
  /** 'duplicate' when this submission id, this run or this ticket was already counted. */
  add(result: StoredResult): Promise<'added' | 'duplicate'>;
  /** Starts writing whatever waits (before the pool closes). */
  flush(): void;
}

/** A group holds up to MAX_ROOMS rooms and MAX_RESULTS results. */
function newGroup(): (next: StoredResult) => boolean {
  const rooms = new Set<string>();
  let n = 0;
  return (next) => {
    if (n === MAX_RESULTS || (!rooms.has(next.code) && rooms.size === MAX_ROOMS)) return false;
    rooms.add(next.code);
    n++;
    return true;
  };
}

export function resultWriter(pool: pg.Pool, channel: string, notePrefix: () => string, gone: (code: string) => Error): ResultWriter {
  async function write(results: readonly StoredResult[]): Promise<('added' | 'duplicate' | Error)[]> {
    // The text arrays go in binary form (postgres-binary-array.ts): nothing escaped either side.
    const values = [
      binaryTextArray(results.map((r) => r.code)),
      binaryTextArray(results.map((r) => r.submissionId)),
      binaryTextArray(results.map((r) => r.playerId)),
      binaryTextArray(results.map((r) => r.runJson ?? JSON.stringify(r.run))),
      binaryTextArray(results.map((r) => JSON.stringify(r.kpis))),
      binaryTextArray(results.map((r) => JSON.stringify(r.mistakes))),
      results.map((r) => r.at),
      binaryTextArray(results.map((r) => r.runHash)),
      binaryTextArray(results.map((r) => r.ticketHash)),
      channel,
      notePrefix(),
      binaryTextArray(results.map((r) => r.scenarioHash ?? r.run.scenarioHash)),
    ];
    let row: { rooms: string[]; added: string[] } | undefined;
    for (let attempt = 1; row === undefined; attempt++) {
      try {
        row = (await pool.query<{ rooms: string[]; added: string[] }>({ name: 'htl-write-results', text: WRITE_SQL, values })).rows[0]!;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt === RETRIES) throw error;
      }
    }
    const rooms = new Set(row.rooms);
    const added = new Set(row.added);
    // The same submission twice in one group: the first one counts.
    const answered = new Set<string>();
    return results.map((r) => {
      if (!rooms.has(r.code)) return gone(r.code);
      const key = `${r.code} ${r.submissionId}`;
      const first = added.has(key) && !answered.has(key);
      answered.add(key);
      return first ? 'added' : 'duplicate';
    });
  }

  return writeGroups(write, newGroup, 'results');
}
