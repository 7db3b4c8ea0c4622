/**
 * The scenario library in the browser. The shipped calls arrive checked at build time
 * (`virtual:call-library`) and only need their machines built; a file the trainer opens, or a
 * classroom upload, goes through the full checker, which loads only then. A broken file is kept as
 * an entry with its diagnostics, never dropped silently.
 */
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { EMPTY_LIBRARY } from '../core/model/library.ts';
import { definitionFromBuilt } from '../scenario/built-library.ts';

export interface LibraryEntry {
  readonly file: string;
  readonly definition: CallDefinition | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** The shared knowledge base, set when the built library arrives (before any call is loaded). */
let knowledge: KnowledgeLibrary = EMPTY_LIBRARY;

/** Checks a file the trainer opened (or a classroom upload) with the full pipeline, loaded on first use. */
export async function loadEntry(text: string, file: string): Promise<LibraryEntry> {
  const { loadScenario } = await import('../scenario/load.ts');
  const { definition, diagnostics } = loadScenario(text, file, knowledge);
  return { file, definition: definition ?? null, diagnostics };
}

/** The shipped calls (built and checked with the game) plus any extra files, one per task so the page stays responsive. */
export async function loadLibrary(extras: Readonly<Record<string, string>>, onProgress: (done: number, total: number) => void): Promise<LibraryEntry[]> {
  const built = await import('virtual:call-library');
  knowledge = built.knowledge;
  const extraFiles = Object.keys(extras).sort();
  const total = built.calls.length + extraFiles.length;
  const entries: LibraryEntry[] = [];
  for (const call of built.calls) {
    const definition = definitionFromBuilt(call, knowledge);
    entries.push({ file: call.file, definition, diagnostics: call.diagnostics });
    onProgress(entries.length, total);
  }
  for (const file of extraFiles) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    entries.push(await loadEntry(extras[file]!, file));
    onProgress(entries.length, total);
  }
  return entries;
}
