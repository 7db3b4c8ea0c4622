/**
 * A classroom's uploaded calls join the game's library by what they are, not by what their file
 * was called: a call's identity is its content hash, so two different calls uploaded from files of
 * the same name are two entries, and the same call given twice (or a call the game already ships)
 * is one. A file with errors has no hash; it is kept (with its problems) unless the same text was
 * already kept. A file the trainee opens replaces an earlier version of that call (same id), but
 * never one of the classroom's calls, which stay on the menu.
 */
import type { LibraryEntry } from './library.ts';

export interface UploadedFile {
  readonly file: string;
  readonly text: string;
}

/** Checks each file with `load` and adds it to `entries` unless a call with its content hash is there; returns the entries added. */
export async function addUploadedCalls(
  entries: LibraryEntry[],
  files: readonly UploadedFile[],
  load: (text: string, file: string) => Promise<LibraryEntry>,
  afterEach: () => unknown = () => undefined,
): Promise<LibraryEntry[]> {
  const added: LibraryEntry[] = [];
  const brokenTexts = new Set<string>();
  for (const { file, text } of files) {
    const entry = await load(text, `uploaded/${file}`);
    const known = entry.hash === null ? brokenTexts.has(text) : entries.some((e) => e.hash === entry.hash);
    if (!known) {
      entries.push(entry);
      added.push(entry);
      if (entry.hash === null) brokenTexts.add(text);
    }
    await afterEach();
  }
  return added;
}

/** The library with a call the trainee opened: older versions of it (same id) go, unless they are among `sessionHashes`. */
export function withOpenedCall(library: readonly LibraryEntry[], opened: LibraryEntry, sessionHashes: readonly string[] | null): LibraryEntry[] {
  const id = opened.summary?.id;
  const stays = (e: LibraryEntry) => e.hash !== opened.hash && (e.summary?.id !== id || (e.hash !== null && (sessionHashes?.includes(e.hash) ?? false)));
  return [...library.filter(stays), opened];
}
