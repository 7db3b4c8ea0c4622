/**
 * Browser storage failures turned into messages a trainee can act on. Nothing here throws a raw
 * DOMException at the screen.
 */
export const STORAGE_MESSAGES = Object.freeze({
  quota: 'Your browser has no storage space left for this site, so this was not saved. Export your record (Plan → Export JSON), then free some space or clear old site data, and try again.',
  blocked: 'This browser is not letting the game save anything (private browsing, or site storage switched off). Your ratings and goals will be lost when you close the tab: export them as JSON before you leave, or use a normal window.',
  newer: 'Your saved record was written by a newer version of the game. Reload to get the newer version; nothing was changed.',
  other: 'Your record could not be saved or read just now. Try again; if it keeps happening, export your record as JSON so nothing is lost.',
} as const);
export type StorageProblemKind = keyof typeof STORAGE_MESSAGES;

export class StorageProblem extends Error {
  constructor(readonly kind: StorageProblemKind, readonly detail: string) {
    super(STORAGE_MESSAGES[kind]);
    this.name = 'StorageProblem';
  }
}

/** Maps whatever IndexedDB threw to one of the kinds above, keeping the original text as detail. */
export function storageProblem(error: unknown): StorageProblem {
  if (error instanceof StorageProblem) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) return new StorageProblem('quota', detail);
  if (name === 'VersionError') return new StorageProblem('newer', detail);
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError' || /private|not allowed|indexeddb is not/i.test(detail)) {
    return new StorageProblem('blocked', detail);
  }
  return new StorageProblem('other', detail);
}
