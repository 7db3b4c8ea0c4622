/**
 * Library entries as the browser's `loadEntry` makes them, with the knowledge base read from disk,
 * and copies of the engine tests' mini call under other ids and titles.
 */
import { readFileSync } from 'node:fs';
import type { LibraryEntry } from '../../../src/ui/library.ts';
import { loadScenario } from '../../../src/scenario/load.ts';
import { summariseScenario } from '../../../src/scenario/call-summary.ts';
import { sharedLibrary } from '../../../src/server/knowledge-files.ts';

export const MINI = readFileSync('tests/unit/core/fixtures/mini-call.yaml', 'utf8');

/** The mini call's text with another id and title. */
export const call = (id: string, title: string): string =>
  MINI.replace('id: mini-call', `id: ${id}`).replace('title: Mini call for engine tests', `title: ${title}`);

/** What the browser's `loadEntry` makes of a file's text. */
export async function load(text: string, file: string): Promise<LibraryEntry> {
  const { definition, diagnostics } = loadScenario(text, file, sharedLibrary());
  return definition === undefined
    ? { file, hash: null, summary: null, diagnostics, definition: () => Promise.resolve(null) }
    : { file, hash: definition.hash, summary: summariseScenario(definition.scenario), diagnostics, definition: () => Promise.resolve(definition) };
}
