/**
 * The scenario library in the browser: every file in scenarios/, loaded through the same pipeline
 * as the checker. A broken file is kept as an entry with its diagnostics, never dropped silently.
 */
import { loadScenario } from '../scenario/load.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { Diagnostic } from '../scenario/diagnostics.ts';

export interface LibraryEntry {
  readonly file: string;
  readonly definition: CallDefinition | null;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadEntry(text: string, file: string): LibraryEntry {
  const { definition, diagnostics } = loadScenario(text, file);
  return { file, definition: definition ?? null, diagnostics };
}

export async function librarySources(): Promise<Record<string, string>> {
  return (await import('./library-sources.ts')).SOURCES;
}

/** Loads the files one per task so the page stays responsive while the library is checked. */
export async function loadLibrary(sources: Record<string, string>, onProgress: (done: number, total: number) => void): Promise<LibraryEntry[]> {
  const files = Object.keys(sources).filter((f) => !f.endsWith('scenario.schema.json')).sort();
  const entries: LibraryEntry[] = [];
  for (const [i, path] of files.entries()) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    entries.push(loadEntry(sources[path]!, path.replace(/^\//, '')));
    onProgress(i + 1, files.length);
  }
  return entries;
}
