/**
 * The team store in the classroom's PostgreSQL database (tables from the shared migration list,
 * each referring to its session with ON DELETE CASCADE), for several server instances. Every write
 * and its note to the other instances (NOTIFY on `classroom_teams`, payload: the session code and
 * this instance's origin) are one transaction, so the note goes out only once the write is stored.
 * A review counts once (primary key on the request), whichever instance it reaches.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PoolClient } from 'pg';
import { TeamSettingsSchema, type TeamSettings } from '../../shared/team-messages.ts';
import { inTransaction, migratePostgres, pgTypes, whereIs } from '../store/postgres-connection.ts';
import { PostgresListener } from '../store/postgres-listener.ts';
import type { SharedTeamStore, StoredCoaching, StoredReview, StoredReviewRequest, StoredTeamState } from './team-store.ts';

export const TEAM_CHANNEL = 'classroom_teams';

type RequestRow = { code: string; request_id: string; reviewer: string; reviewee: string; submission_id: string; at: number };
type ReviewRow = { code: string; request_id: string; went_well: string; even_better_if: string; qa_section: string | null; hidden: boolean; at: number };
type CoachRow = { code: string; note_id: string; player_id: string; about: string; about_label: string; grow: string; qa_section: string | null; at: number };

export interface PostgresTeamStoreOptions {
  readonly poolSize?: number;
  /** The instance's one listening connection, shared with the classroom store (a connection of its own when left out). */
  readonly listener?: PostgresListener;
}

export async function openPostgresTeamStore(url: string, options: PostgresTeamStoreOptions = {}): Promise<SharedTeamStore> {
  const origin = randomBytes(6).toString('hex');
  // Team writes are rare (a trainer's click, a trainee's review): a small pool of their own.
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 2, types: pgTypes });
  pool.on('error', (error) => console.error('PostgreSQL connection lost (team store):', error.message));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw new Error(`the PostgreSQL database in DATABASE_URL (${whereIs(url)}) could not be used for team mode: ${(error as Error).message}`);
  }

  /** The write, then the note, committed together; the write's answer is returned. */
  async function writeAndTell<T>(code: string, write: (c: PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(pool, async (c) => {
      const value = await write(c);
      await c.query('SELECT pg_notify($1, $2)', [TEAM_CHANNEL, `${code} ${origin}`]);
      return value;
    });
  }

  return {
    shared: true,
    async load(code): Promise<StoredTeamState> {
      const c = await pool.connect();
      try {
        // One snapshot, so a review is never read without its request.
        await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const row = (await c.query<{ settings: string; members: string }>('SELECT settings, members FROM team_settings WHERE code = $1', [code])).rows[0];
        const requests = (await c.query<RequestRow>('SELECT * FROM team_review_requests WHERE code = $1 ORDER BY at, request_id', [code])).rows;
        const reviews = (await c.query<ReviewRow>('SELECT * FROM team_reviews WHERE code = $1 ORDER BY at, request_id', [code])).rows;
        const coaching = (await c.query<CoachRow>('SELECT * FROM team_coaching WHERE code = $1 ORDER BY at, note_id', [code])).rows;
        await c.query('COMMIT');
        const parsed = row === undefined ? null : TeamSettingsSchema.safeParse(JSON.parse(row.settings));
        const settings: TeamSettings | null = parsed?.success === true ? parsed.data : null;
        return {
          settings,
          members: row === undefined ? {} : (JSON.parse(row.members) as Record<string, number>),
          requests: requests.map((r) => ({ code: r.code, requestId: r.request_id, reviewer: r.reviewer, reviewee: r.reviewee, submissionId: r.submission_id, at: r.at })),
          reviews: reviews.map((r) => ({ code: r.code, requestId: r.request_id, wentWell: JSON.parse(r.went_well), evenBetterIf: JSON.parse(r.even_better_if), qaSection: r.qa_section, hidden: r.hidden, at: r.at })),
          coaching: coaching.map((r) => {
            const grow = JSON.parse(r.grow) as Pick<StoredCoaching, 'goal' | 'reality' | 'options' | 'will'>;
            return { code: r.code, noteId: r.note_id, playerId: r.player_id, about: r.about, aboutLabel: r.about_label, ...grow, qaSection: r.qa_section, at: r.at };
          }),
        };
      } catch (error) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        c.release();
      }
    },
    async saveSettings(code, settings, members) {
      await writeAndTell(code, (c) =>
        c.query('INSERT INTO team_settings (code, settings, members) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET settings = excluded.settings, members = excluded.members', [code, JSON.stringify(settings), JSON.stringify(members)]),
      );
    },
    async addRequests(requests: readonly StoredReviewRequest[]) {
      const code = requests[0]?.code;
      if (code === undefined) return;
      await writeAndTell(code, (c) =>
        c.query(
          `INSERT INTO team_review_requests (code, request_id, reviewer, reviewee, submission_id, at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[]) ON CONFLICT DO NOTHING`,
          [requests.map((r) => r.code), requests.map((r) => r.requestId), requests.map((r) => r.reviewer), requests.map((r) => r.reviewee), requests.map((r) => r.submissionId), requests.map((r) => r.at)],
        ),
      );
    },
    async addReview(r: StoredReview) {
      return writeAndTell(r.code, async (c) => {
        const added = await c.query(
          'INSERT INTO team_reviews (code, request_id, went_well, even_better_if, qa_section, hidden, at) VALUES ($1, $2, $3, $4, $5, FALSE, $6) ON CONFLICT DO NOTHING',
          [r.code, r.requestId, JSON.stringify(r.wentWell), JSON.stringify(r.evenBetterIf), r.qaSection, r.at],
        );
        return added.rowCount === 1;
      });
    },
    async setHidden(code, requestId, hidden) {
      await writeAndTell(code, (c) => c.query('UPDATE team_reviews SET hidden = $1 WHERE code = $2 AND request_id = $3', [hidden, code, requestId]));
    },
    async addCoaching(n: StoredCoaching) {
      await writeAndTell(n.code, (c) =>
        c.query('INSERT INTO team_coaching (code, note_id, player_id, about, about_label, grow, qa_section, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          n.code, n.noteId, n.playerId, n.about, n.aboutLabel, JSON.stringify({ goal: n.goal, reality: n.reality, options: n.options, will: n.will }), n.qaSection, n.at,
        ]),
      );
    },
    listen: (onChange, onResume) =>
      (options.listener ?? new PostgresListener(url)).listen(TEAM_CHANNEL, (payload) => {
        const [code, from] = payload.split(' ');
        if (code !== undefined && from !== origin) onChange(code);
      }, onResume),
    async close() {
      await pool.end();
    },
  };
}
