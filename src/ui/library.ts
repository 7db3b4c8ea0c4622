/**
 * The scenario library in the browser. The shipped calls arrive checked at build time
 * (`virtual:call-library`) as summaries with content hashes; a call's data loads (its own chunk)
 * and compiles only when it is played. A file the trainee opens, or a classroom upload, goes
 * through the full checker, which loads only then. A broken file is kept as an entry with its
 * diagnostics, never dropped silently. A call's identity, from menu to server, is its hash.
 */
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { summariseScenario, type CallSummary } from '../scenario/call-summary.ts';
import { addUploadedCalls, type UploadedFile } from './uploaded-calls.ts';

export type { CallSummary };

export interface LibraryEntry {
  readonly file: string;
  /** The call's content hash; null when the file has errors. */
  readonly hash: string | null;
  /** What the menu shows; null when the file has errors. */
  readonly summary: CallSummary | null;
  readonly diagnostics: readonly Diagnostic[];
  /** The playable call, loaded and built on first use; null when it has errors or its content no longer matches its hash. */
  readonly definition: () => Promise<CallDefinition | null>;
}

const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
};

/** The shared knowledge base, for files opened in the browser (loaded with the first of them). */
const knowledge = once(async (): Promise<KnowledgeLibrary> => {
  const { default: library } = await import('virtual:call-library/knowledge');
  return library;
});

/** Fetches, behind the menu, what every call shares (the knowledge base and the compiler), so a chosen call starts quickly. */
export async function warmLibrary(): Promise<void> {
  await Promise.all([knowledge(), import('../scenario/built-library.ts')]);
}

/** Checks a file the trainee opened (or a classroom upload) with the full pipeline, loaded on first use. */
export async function loadEntry(text: string, file: string): Promise<LibraryEntry> {
  const [{ loadScenario }, library] = await Promise.all([import('../scenario/load.ts'), knowledge()]);
  const { definition, diagnostics } = loadScenario(text, file, library);
  if (definition === undefined) return { file, hash: null, summary: null, diagnostics, definition: () => Promise.resolve(null) };
  return { file, hash: definition.hash, summary: summariseScenario(definition.scenario), diagnostics, definition: () => Promise.resolve(definition) };
}

/** The shipped calls (summaries, checked with the game) plus any uploaded files (one per task, so the page stays responsive), one entry per content hash. */
export async function loadLibrary(uploads: readonly UploadedFile[], onProgress: (done: number, total: number) => void): Promise<LibraryEntry[]> {
  const built = await import('virtual:call-library');
  const total = built.calls.length + uploads.length;
  const entries: LibraryEntry[] = built.calls.map((call) => {
    const { load, hash } = call;
    const definition = load === null || hash === null
      ? () => Promise.resolve(null)
      : once(async () => {
        const [{ definitionFromBuilt }, data] = await Promise.all([import('../scenario/built-library.ts'), load()]);
        return definitionFromBuilt(data, hash);
      });
    return { file: call.file, hash, summary: call.summary, diagnostics: call.diagnostics, definition };
  });
  let done = entries.length;
  onProgress(done, total);
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  await nextTask();
  await addUploadedCalls(entries, uploads, loadEntry, async () => {
    onProgress(++done, total);
    await nextTask();
  });
  return entries;
}
