/**
 * Where the classroom keeps sessions, players and results. Async so a shared database (several
 * server instances) can sit behind the same interface as the embedded SQLite file; the rooms only
 * ever talk to this.
 */
import type { CallMistake, SessionStatus } from '../../shared/classroom-results.ts';
import type { PlayerId, SubmissionId } from '../../shared/classroom-ids.ts';
import type { RunLog } from '../../shared/call-events.ts';
import type { Scorecard } from '../../shared/scorecard.ts';

export interface StoredScenario {
  readonly id: string;
  readonly title: string;
  readonly hash: string;
  readonly uploaded: boolean;
  /** The file's text, so the session survives a change to the library or a restart. */
  readonly file: string;
  readonly text: string;
}

export interface StoredSession {
  readonly code: string;
  readonly title: string;
  /** SHA-256 of the trainer key: the key itself is never stored. */
  readonly trainerKeyHash: string;
  readonly status: SessionStatus;
  readonly createdAt: number;
  readonly scenarios: readonly StoredScenario[];
}

/** Only the nickname is kept about a person; the token is stored hashed. */
export interface StoredPlayer {
  readonly code: string;
  readonly playerId: PlayerId;
  readonly tokenHash: string;
  readonly nickname: string;
  readonly joinedAt: number;
}

export interface StoredResult {
  readonly code: string;
  readonly submissionId: SubmissionId;
  readonly playerId: PlayerId;
  readonly run: RunLog;
  readonly scorecard: Scorecard;
  readonly mistakes: readonly CallMistake[];
  readonly at: number;
}

export interface StoredSessionState {
  readonly session: StoredSession;
  readonly players: readonly StoredPlayer[];
  readonly results: readonly StoredResult[];
}

export interface ClassroomStore {
  /** False when the code is already taken. */
  createSession(session: StoredSession): Promise<boolean>;
  loadSession(code: string): Promise<StoredSessionState | null>;
  setStatus(code: string, status: SessionStatus): Promise<void>;
  addPlayer(player: StoredPlayer): Promise<void>;
  /** 'duplicate' when this submission id was already stored for the session: it never counts twice. */
  addResult(result: StoredResult): Promise<'added' | 'duplicate'>;
  deleteSession(code: string): Promise<void>;
  /** Deletes sessions created before `cutoff` (ms since epoch) with everything in them; returns their codes. */
  deleteCreatedBefore(cutoff: number): Promise<string[]>;
  close(): Promise<void>;
}
