/**
 * Where the classroom keeps sessions, players, tickets and results. Async so a shared database
 * (several server instances) can sit behind the same interface as the embedded SQLite file; the
 * rooms only ever talk to this. Every write is acknowledged only once it is stored: the rooms show
 * nothing before that.
 */
import type { CallMistake, SessionStatus } from '../../shared/classroom-results.ts';
import type { PlayerId, SubmissionId } from '../../shared/classroom-ids.ts';
import type { RunLog } from '../../shared/call-events.ts';
import type { SessionPace } from '../../shared/classroom-http.ts';
import type { CallKpis } from '../../core/classroom/call-kpis.ts';

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
  /** The pace the trainer chose for every call; sessions stored before it existed are untimed. */
  readonly pace?: SessionPace;
}

/** Only the nickname is kept about a person; the token is stored hashed. */
export interface StoredPlayer {
  readonly code: string;
  readonly playerId: PlayerId;
  readonly tokenHash: string;
  readonly nickname: string;
  readonly joinedAt: number;
  /** Removed by the trainer and kept out: the token and the name can't come back. */
  readonly blocked?: boolean;
}

/** A call started by a player: single use, with the seed the run must carry. */
export interface StoredTicket {
  readonly code: string;
  readonly ticketHash: string;
  readonly playerId: PlayerId;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly issuedAt: number;
}

export interface StoredResult {
  readonly code: string;
  readonly submissionId: SubmissionId;
  readonly playerId: PlayerId;
  readonly run: RunLog;
  /** The run's scenario hash, when a store read the result without parsing its run yet (`run` parses it when first read). */
  readonly scenarioHash?: string;
  /** The run as JSON, when the caller already has it (written as it is instead of serialised again). */
  readonly runJson?: string;
  /** SHA-256 of the run's content: the same run counts once per player. */
  readonly runHash: string;
  /** The ticket this run was played on (marked used with the result, in one transaction). */
  readonly ticketHash: string | null;
  readonly kpis: CallKpis;
  /** Null when not worked out at submission (they are worked out later from the run). */
  readonly mistakes: readonly CallMistake[] | null;
  readonly at: number;
}

export interface StoredSessionState {
  readonly session: StoredSession;
  readonly players: readonly StoredPlayer[];
  readonly results: readonly StoredResult[];
  /** Tickets not used yet. */
  readonly tickets: readonly StoredTicket[];
  /** The room's version when read, in a store several server instances share (see room-changes.ts). */
  readonly version?: number;
}

export interface ClassroomStore {
  /** False when the code is already taken. */
  createSession(session: StoredSession): Promise<boolean>;
  loadSession(code: string): Promise<StoredSessionState | null>;
  setStatus(code: string, status: SessionStatus): Promise<void>;
  /** Replaces the session's calls (the trainer added one to a running session). */
  setScenarios(code: string, scenarios: readonly StoredScenario[]): Promise<void>;
  addPlayer(player: StoredPlayer): Promise<void>;
  /** Deletes a player's row and results, or (blocked) keeps only the row marked as blocked. */
  removePlayer(code: string, playerId: PlayerId, block: boolean): Promise<void>;
  addTicket(ticket: StoredTicket): Promise<void>;
  /**
   * 'duplicate' when this submission id (or this run, for this player) was already stored: it never
   * counts twice. Results arriving together are written in one transaction.
   */
  addResult(result: StoredResult): Promise<'added' | 'duplicate'>;
  /**
   * A stored result's run read back at once (null when it is not there): with a store that can,
   * a room keeps only a counted call's figures in memory and reads its run when the debrief or
   * team mode first asks for it.
   */
  readRun?(code: string, submissionId: SubmissionId): RunLog | null;
  deleteSession(code: string): Promise<void>;
  /** Deletes sessions created before `cutoff` (ms since epoch) with everything in them; returns their codes. */
  deleteCreatedBefore(cutoff: number): Promise<string[]>;
  close(): Promise<void>;
}
