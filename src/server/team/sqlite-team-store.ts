/**
 * The team store in the classroom's SQLite file, on its own connection with its own numbered
 * migrations (table team_migrations), so the classroom store's migrations are untouched. Every table
 * refers to the session with ON DELETE CASCADE: deleting or expiring a session deletes its teams,
 * reviews and coaching notes too.
 */
import Database from 'better-sqlite3';
import { TeamSettingsSchema, type TeamSettings } from '../../shared/team-messages.ts';
import type { StoredCoaching, StoredReview, StoredReviewRequest, StoredTeamState, TeamStore } from './team-store.ts';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE team_settings (code TEXT PRIMARY KEY REFERENCES sessions(code) ON DELETE CASCADE, settings TEXT NOT NULL, members TEXT NOT NULL);
   CREATE TABLE team_review_requests (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, request_id TEXT NOT NULL,
     reviewer TEXT NOT NULL, reviewee TEXT NOT NULL, submission_id TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (code, request_id));
   CREATE TABLE team_reviews (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, request_id TEXT NOT NULL,
     went_well TEXT NOT NULL, even_better_if TEXT NOT NULL, qa_section TEXT, hidden INTEGER NOT NULL DEFAULT 0, at INTEGER NOT NULL,
     PRIMARY KEY (code, request_id));
   CREATE TABLE team_coaching (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, note_id TEXT NOT NULL, player_id TEXT NOT NULL,
     about TEXT NOT NULL, about_label TEXT NOT NULL, grow TEXT NOT NULL, qa_section TEXT, at INTEGER NOT NULL, PRIMARY KEY (code, note_id));`,
];

export function openSqliteTeamStore(path: string): TeamStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 2000');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.exec('CREATE TABLE IF NOT EXISTS team_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM team_migrations').all() as { version: number }[]).map((r) => r.version));
  MIGRATIONS.forEach((sql, i) => {
    if (applied.has(i + 1)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO team_migrations (version, applied_at) VALUES (?, ?)').run(i + 1, Date.now());
    })();
  });
  const q = {
    settings: db.prepare('SELECT settings, members FROM team_settings WHERE code = ?'),
    requests: db.prepare('SELECT * FROM team_review_requests WHERE code = ? ORDER BY at, request_id'),
    reviews: db.prepare('SELECT * FROM team_reviews WHERE code = ? ORDER BY at, request_id'),
    coaching: db.prepare('SELECT * FROM team_coaching WHERE code = ? ORDER BY at, note_id'),
    saveSettings: db.prepare('INSERT INTO team_settings (code, settings, members) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET settings = excluded.settings, members = excluded.members'),
    request: db.prepare('INSERT OR IGNORE INTO team_review_requests (code, request_id, reviewer, reviewee, submission_id, at) VALUES (?, ?, ?, ?, ?, ?)'),
    review: db.prepare('INSERT OR IGNORE INTO team_reviews (code, request_id, went_well, even_better_if, qa_section, hidden, at) VALUES (?, ?, ?, ?, ?, 0, ?)'),
    hide: db.prepare('UPDATE team_reviews SET hidden = ? WHERE code = ? AND request_id = ?'),
    coach: db.prepare('INSERT INTO team_coaching (code, note_id, player_id, about, about_label, grow, qa_section, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  };
  type RequestRow = { code: string; request_id: string; reviewer: string; reviewee: string; submission_id: string; at: number };
  type ReviewRow = { code: string; request_id: string; went_well: string; even_better_if: string; qa_section: string | null; hidden: number; at: number };
  type CoachRow = { code: string; note_id: string; player_id: string; about: string; about_label: string; grow: string; qa_section: string | null; at: number };
  const addRequests = db.transaction((rs: readonly StoredReviewRequest[]) => {
    for (const r of rs) q.request.run(r.code, r.requestId, r.reviewer, r.reviewee, r.submissionId, r.at);
  });
  return {
    async load(code): Promise<StoredTeamState> {
      const row = q.settings.get(code) as { settings: string; members: string } | undefined;
      const parsed = row === undefined ? null : TeamSettingsSchema.safeParse(JSON.parse(row.settings));
      const settings: TeamSettings | null = parsed?.success === true ? parsed.data : null;
      return {
        settings,
        members: row === undefined ? {} : (JSON.parse(row.members) as Record<string, number>),
        requests: (q.requests.all(code) as RequestRow[]).map((r) => ({ code: r.code, requestId: r.request_id, reviewer: r.reviewer, reviewee: r.reviewee, submissionId: r.submission_id, at: r.at })),
        reviews: (q.reviews.all(code) as ReviewRow[]).map((r) => ({
          code: r.code, requestId: r.request_id, wentWell: JSON.parse(r.went_well), evenBetterIf: JSON.parse(r.even_better_if), qaSection: r.qa_section, hidden: r.hidden === 1, at: r.at,
        })),
        coaching: (q.coaching.all(code) as CoachRow[]).map((r) => {
          const grow = JSON.parse(r.grow) as Pick<StoredCoaching, 'goal' | 'reality' | 'options' | 'will'>;
          return { code: r.code, noteId: r.note_id, playerId: r.player_id, about: r.about, aboutLabel: r.about_label, ...grow, qaSection: r.qa_section, at: r.at };
        }),
      };
    },
    async saveSettings(code, settings, members) {
      q.saveSettings.run(code, JSON.stringify(settings), JSON.stringify(members));
    },
    async addRequests(requests) {
      addRequests(requests);
    },
    async addReview(r: StoredReview) {
      return q.review.run(r.code, r.requestId, JSON.stringify(r.wentWell), JSON.stringify(r.evenBetterIf), r.qaSection, r.at).changes === 1;
    },
    async setHidden(code, requestId, hidden) {
      q.hide.run(hidden ? 1 : 0, code, requestId);
    },
    async addCoaching(n: StoredCoaching) {
      q.coach.run(n.code, n.noteId, n.playerId, n.about, n.aboutLabel, JSON.stringify({ goal: n.goal, reality: n.reality, options: n.options, will: n.will }), n.qaSection, n.at);
    },
    async close() {
      db.close();
    },
  };
}
