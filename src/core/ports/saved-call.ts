/** Port: the call in progress, saved after every event so a reload can pick it up where it was. */
import type { RunLog } from '../../shared/call-events.ts';

export interface SavedCallStore {
  save(run: RunLog): void;
  /** The saved call, or null when there is none (or it could not be read). */
  load(): RunLog | null;
  clear(): void;
}
