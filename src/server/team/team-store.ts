/**
 * Where team mode keeps its state: the trainer's team settings and who is in which team, peer
 * review requests and answers (with the trainer's hide flag) and GROW coaching notes. Async like
 * the classroom store, so a shared database can sit behind it; the team desk shows nothing before
 * a write is acknowledged.
 */
import type { FeedbackRef, TeamSettings } from '../../shared/team-messages.ts';

export interface StoredReviewRequest {
  readonly code: string;
  readonly requestId: string;
  readonly reviewer: string;
  readonly reviewee: string;
  readonly submissionId: string;
  readonly at: number;
}

export interface StoredReview {
  readonly code: string;
  readonly requestId: string;
  readonly wentWell: { readonly text: string; readonly ref: FeedbackRef; readonly about: string };
  readonly evenBetterIf: { readonly text: string; readonly ref: FeedbackRef; readonly about: string };
  /** The QA section the "even better if" is about, when it is a QA item. */
  readonly qaSection: string | null;
  readonly hidden: boolean;
  readonly at: number;
}

export interface StoredCoaching {
  readonly code: string;
  readonly noteId: string;
  readonly playerId: string;
  /** "session" or the submission id of the call. */
  readonly about: string;
  readonly aboutLabel: string;
  readonly goal: string;
  readonly reality: string;
  readonly options: string;
  readonly will: string;
  readonly qaSection: string | null;
  readonly at: number;
}

export interface StoredTeamState {
  readonly settings: TeamSettings | null;
  readonly members: Readonly<Record<string, number>>;
  readonly requests: readonly StoredReviewRequest[];
  readonly reviews: readonly StoredReview[];
  readonly coaching: readonly StoredCoaching[];
}

export interface TeamStore {
  load(code: string): Promise<StoredTeamState>;
  saveSettings(code: string, settings: TeamSettings, members: Readonly<Record<string, number>>): Promise<void>;
  addRequests(requests: readonly StoredReviewRequest[]): Promise<void>;
  /** False when the request already has an answer (it counts once). */
  addReview(review: StoredReview): Promise<boolean>;
  setHidden(code: string, requestId: string, hidden: boolean): Promise<void>;
  addCoaching(note: StoredCoaching): Promise<void>;
  close(): Promise<void>;
}

/** A team store several server instances share: each write tells the others which session moved. */
export interface SharedTeamStore extends TeamStore {
  readonly shared: true;
  /**
   * Calls `onChange` with the code of every session whose team state another instance changed;
   * `onResume` after the listening connection was lost and is back (every cached session should reload).
   */
  listen(onChange: (code: string) => void, onResume: () => void): Promise<{ close(): Promise<void> }>;
}

export function isSharedTeamStore(store: TeamStore): store is SharedTeamStore {
  return (store as Partial<SharedTeamStore>).shared === true;
}
