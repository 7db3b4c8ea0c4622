/**
 * A classroom session's calls that the page's library does not hold (the classroom server's
 * library can be newer than this page's build, and the trainer can add calls while the session
 * runs): each is fetched from the session and checked here like an opened file. One that loads as
 * the very call the server checked joins the menu; one with errors is shown as a broken card with
 * its problems; any still missing is named in a note on the menu that says what to do, instead of
 * an empty menu.
 */
import type { PlayContext } from '../core/ports/play-context.ts';
import { loadEntry, type LibraryEntry } from './library.ts';

export interface SessionCalls {
  /** Loaded here as the same call the server checked: playable. */
  readonly added: readonly LibraryEntry[];
  /** Loaded here with errors: shown with their problems. */
  readonly broken: readonly LibraryEntry[];
  /** What the trainee should know and do about calls still missing; null when none are. */
  readonly note: string | null;
}

export async function completeSessionCalls(
  wanted: readonly string[],
  library: readonly LibraryEntry[],
  sessionFile: PlayContext['sessionFile'],
  load: (text: string, file: string) => Promise<LibraryEntry> = loadEntry,
): Promise<SessionCalls> {
  const missingHashes = wanted.filter((hash) => !library.some((e) => e.hash === hash));
  const added: LibraryEntry[] = [];
  const broken: LibraryEntry[] = [];
  let missing = 0;
  for (const hash of missingHashes) {
    const file = sessionFile === undefined ? null : await sessionFile(hash);
    const entry = file === null ? null : await load(file.text, `session/${file.file}`);
    if (entry?.hash === hash) added.push(entry);
    else {
      missing++;
      if (entry !== null && entry.summary === null) broken.push(entry);
    }
  }
  return { added, broken, note: missing === 0 ? null : missingNote(missing, wanted.length) };
}

function missingNote(missing: number, total: number): string {
  const which = missing === total ? (total === 1 ? 'This class’s call' : `All ${total} of this class’s calls`) : `${missing} of this class’s ${total} calls`;
  return `${which} could not be loaded in this browser. Reload the page; if ${missing === 1 ? 'it is' : 'they are'} still missing, tell your trainer (this page may be older than the classroom server).`;
}
