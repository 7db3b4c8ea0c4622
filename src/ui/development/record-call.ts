/**
 * Nothing lost: a finished call goes into the development record the moment it ends (before the
 * trainee rates it), and again with the rating as soon as it is given — so whatever the trainee
 * clicks next, the plan has every call. A failure to save is returned as a clear message.
 */
import type { RunLog } from '../../shared/call-events.ts';
import type { Scorecard } from '../../shared/scorecard.ts';
import type { SelfRating } from '../../core/development/self-rating.ts';
import type { RunEntry } from '../../core/development/trainee-record.ts';
import { storeAccess, trySave } from './store-access.ts';
import { randomUuid } from '../random-uuid.ts';

export interface FinishedCall {
  readonly run: RunLog;
  readonly scorecard: Scorecard;
  readonly scenarioTitle: string;
}

export interface StoredCall {
  readonly entry: RunEntry;
  /** Why it could not be saved for good, or null. */
  readonly problem: string | null;
}

/** A run, goal or feedback id: the kind, then a random UUID (never two alike, even across devices merged by import). */
export const newId = (prefix: string): string => `${prefix}-${randomUuid()}`;

/** Saves the entry; when the browser only lets the game keep it in memory, that is the problem to show. */
async function save(entry: RunEntry): Promise<StoredCall> {
  const { store, warning } = await storeAccess();
  return { entry, problem: (await trySave(() => store.saveRun(entry))) ?? warning };
}

export function storeFinishedCall(call: FinishedCall): Promise<StoredCall> {
  return save({ id: newId('run'), at: new Date().toISOString(), ...call, rating: null, reflection: null });
}

export function storeRating(stored: StoredCall, rating: SelfRating): Promise<StoredCall> {
  return save({ ...stored.entry, rating });
}
