/**
 * Players joining and tickets issued are written to PostgreSQL in groups, as results are
 * (postgres-result-writer.ts): what arrived for any room while the previous group was being written
 * goes in the next one, as one statement. In it each room of the group is locked in code order,
 * moves to its next version once, and its new players and tickets are stored with that version; one
 * note names every room that moved. A burst of 2,000 trainees joining then pays for a few commits
 * rather than one each (each commit that notifies waits for the one before it to reach the disk).
 *
 * A room that is gone fails its writes with `gone`; a player or ticket already stored (its key taken)
 * fails with an error saying so, as a single insert would.
 */
import type pg from 'pg';
import type { StoredPlayer, StoredTicket } from './classroom-store.ts';
import { writeGroups } from './postgres-write-groups.ts';

const MAX_ROOMS = 200;
const MAX_ROWS = 2000;
/** Deadlocks are not expected (rooms are locked in order); one found by PostgreSQL is retried this often. */
const RETRIES = 3;

export type PlayerOrTicket = { readonly player: Omit<StoredPlayer, 'blocked'> } | { readonly ticket: StoredTicket };

const WRITE_SQL = `WITH pl AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS u(c, id, tok, nick, at)),
tk AS (SELECT * FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::bigint[]) AS u(c, th, pid, sh, seed, at)),
locked AS MATERIALIZED (
  SELECT code FROM sessions WHERE code IN (SELECT c FROM pl UNION SELECT c FROM tk) ORDER BY code FOR NO KEY UPDATE
),
v AS (UPDATE sessions SET version = sessions.version + 1 FROM locked WHERE sessions.code = locked.code RETURNING sessions.code, sessions.version),
ip AS (
  INSERT INTO players (code, player_id, token_hash, nickname, joined_at, version)
  SELECT pl.c, pl.id, pl.tok, pl.nick, pl.at, v.version FROM pl JOIN v ON v.code = pl.c
  ON CONFLICT DO NOTHING RETURNING code, player_id
),
it AS (
  INSERT INTO tickets (code, ticket_hash, player_id, scenario_hash, seed, issued_at, version)
  SELECT tk.c, tk.th, tk.pid, tk.sh, tk.seed, tk.at, v.version FROM tk JOIN v ON v.code = tk.c
  ON CONFLICT DO NOTHING RETURNING code, ticket_hash
),
note AS (SELECT pg_notify($12, $13 || ' ' || string_agg(v.code || ':' || v.version, ' ')) FROM v HAVING count(*) > 0)
SELECT (SELECT coalesce(array_agg(v.code), '{}') FROM v) AS rooms,
  (SELECT coalesce(array_agg(ip.code || ' ' || ip.player_id), '{}') FROM ip) AS players,
  (SELECT coalesce(array_agg(it.code || ' ' || it.ticket_hash), '{}') FROM it) AS tickets,
  (SELECT count(*) FROM note) AS noted`;

const codeOf = (w: PlayerOrTicket) => ('player' in w ? w.player.code : w.ticket.code);

/** A group holds up to MAX_ROOMS rooms and MAX_ROWS rows. */
function newGroup(): (next: PlayerOrTicket) => boolean {
  const rooms = new Set<string>();
  let n = 0;
  return (next) => {
    const code = codeOf(next);
    if (n === MAX_ROWS || (!rooms.has(code) && rooms.size === MAX_ROOMS)) return false;
    rooms.add(code);
    n++;
    return true;
  };
}

export function playerTicketWriter(pool: pg.Pool, channel: string, notePrefix: () => string, gone: (code: string) => Error) {
  async function write(group: readonly PlayerOrTicket[]): Promise<(true | Error)[]> {
    const players = group.flatMap((w) => ('player' in w ? [w.player] : []));
    const tickets = group.flatMap((w) => ('ticket' in w ? [w.ticket] : []));
    const values = [
      players.map((p) => p.code),
      players.map((p) => p.playerId),
      players.map((p) => p.tokenHash),
      players.map((p) => p.nickname),
      players.map((p) => p.joinedAt),
      tickets.map((t) => t.code),
      tickets.map((t) => t.ticketHash),
      tickets.map((t) => t.playerId),
      tickets.map((t) => t.scenarioHash),
      tickets.map((t) => t.seed),
      tickets.map((t) => t.issuedAt),
      channel,
      notePrefix(),
    ];
    let row: { rooms: string[]; players: string[]; tickets: string[] } | undefined;
    for (let attempt = 1; row === undefined; attempt++) {
      try {
        row = (await pool.query<{ rooms: string[]; players: string[]; tickets: string[] }>({ name: 'htl-write-players-tickets', text: WRITE_SQL, values })).rows[0]!;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt === RETRIES) throw error;
      }
    }
    const rooms = new Set(row.rooms);
    const stored = new Set([...row.players.map((k) => `p ${k}`), ...row.tickets.map((k) => `t ${k}`)]);
    return group.map((w) => {
      const code = codeOf(w);
      if (!rooms.has(code)) return gone(code);
      const key = 'player' in w ? `p ${code} ${w.player.playerId}` : `t ${code} ${w.ticket.ticketHash}`;
      // Taken once: the same key twice in one group stores the first.
      if (stored.delete(key)) return true;
      return new Error('player' in w ? `player ${w.player.playerId} is already in session ${code}` : `this ticket is already stored in session ${code}`);
    });
  }

  return writeGroups<PlayerOrTicket, true>(write, newGroup, 'joins');
}
