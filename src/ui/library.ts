/**
 * The scenario library in the browser: every file in scenarios/, loaded through the same pipeline
 * as the checker. A broken file is kept as an entry with its diagnostics, never dropped silently.
 */
import { loadScenario } from '../scenario/load.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { EMPTY_LIBRARY } from '../core/model/library.ts';
import { loadLibrary as loadKnowledge } from '../scenario/load-library.ts';

export interface LibraryEntry {
  readonly file: string;
  readonly definition: CallDefinition | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** The shared knowledge base, set when the library's sources arrive (before any call is loaded). */
let knowledge: KnowledgeLibrary = EMPTY_LIBRARY;
let knowledgeProblems: readonly Diagnostic[] = [];

export function loadEntry(text: string, file: string): LibraryEntry {
  const { definition, diagnostics } = loadScenario(text, file, knowledge);
  const all = definition === undefined ? [...knowledgeProblems, ...diagnostics] : diagnostics;
  return { file, definition: definition ?? null, diagnostics: all };
}

export async function librarySources(): Promise<Record<string, string>> {
  const sources = await import('./library-sources.ts');
  const loaded = loadKnowledge(Object.entries(sources.KB_SOURCES).map(([path, text]) => ({ path: path.replace(/^\//, ''), text })));
  knowledge = loaded.library;
  knowledgeProblems = loaded.diagnostics;
  return sources.SOURCES;
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
