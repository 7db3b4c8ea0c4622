/** The call in progress, saved after every event so a reload can pick it up where it was. */
import { RunLogSchema, type RunLog } from '../shared/call-events.ts';
import type { SavedCallStore } from '../core/ports/saved-call.ts';

/** v2: run logs carry their seed (a v1 entry, from before, is simply not found). */
const KEY = 'htl.saved-call.v2';
/** A call saved by the game before run logs had seeds: it cannot be resumed exactly, so it is dropped. */
const OLD_KEY = 'htl.saved-call.v1';

export function saveCall(run: RunLog, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(run));
}

/** The saved call, or null when there is none or it is unreadable (an unreadable one is dropped). */
export function loadSavedCall(storage: Storage = localStorage): RunLog | null {
  storage.removeItem(OLD_KEY);
  const raw = storage.getItem(KEY);
  if (raw === null) return null;
  try {
    const parsed = RunLogSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through: a damaged entry can never be resumed
  }
  storage.removeItem(KEY);
  return null;
}

export function clearSavedCall(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

/** The saved call the game uses: this browser's localStorage. */
export const BROWSER_SAVED_CALL: SavedCallStore = Object.freeze({ save: (run: RunLog) => saveCall(run), load: () => loadSavedCall(), clear: () => clearSavedCall() });
