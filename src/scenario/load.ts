/**
 * The whole scenario pipeline in one call: parse, validate, compile. The game, the server and the
 * command-line tools all load scenarios through here, so they accept and reject the same files.
 */
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { EMPTY_LIBRARY } from '../core/model/library.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Locate } from './parse.ts';
import { parseSource } from './parse.ts';
import type { StateSpace } from './state-space.ts';
import { validateScenario } from './validate.ts';
import { compileScenario } from './compile.ts';

export interface LoadResult {
  /** Present when the file has no errors (it may still have warnings). */
  readonly definition?: CallDefinition;
  readonly diagnostics: Diagnostic[];
}

/** What the checking tools also need: where things are in the file, and the explored states. */
export interface LoadDetails extends LoadResult {
  readonly locate: Locate;
  readonly space?: StateSpace;
}

export function loadScenarioWithDetails(text: string, file: string, library: KnowledgeLibrary = EMPTY_LIBRARY): LoadDetails {
  const parsed = parseSource(text, file);
  const { scenario, space, diagnostics } = validateScenario(parsed, file, library);
  const found = space === undefined ? { locate: parsed.locate } : { locate: parsed.locate, space };
  if (scenario === undefined) return { ...found, diagnostics };
  return { ...found, definition: compileScenario(scenario, library), diagnostics };
}

/** Loads a call with the shared knowledge base and directory it may use (see `loadLibrary`). */
export function loadScenario(text: string, file: string, library: KnowledgeLibrary = EMPTY_LIBRARY): LoadResult {
  const { definition, diagnostics } = loadScenarioWithDetails(text, file, library);
  return definition === undefined ? { diagnostics } : { definition, diagnostics };
}
