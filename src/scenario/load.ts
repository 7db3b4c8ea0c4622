/**
 * The whole scenario pipeline in one call: parse, validate, compile. The game, the server and the
 * command-line tools all load scenarios through here, so they accept and reject the same files.
 */
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { EMPTY_LIBRARY } from '../core/model/library.ts';
import type { Diagnostic } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
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

/** How the checker is run; every option has the default the shipped library is checked with. */
export interface LoadOptions {
  /** Distinct states the exploration visits before it stops (see `exploreStateSpace`); lower for files from strangers. */
  readonly stateLimit?: number;
}

/** The largest call file read (the biggest shipped call is about 40 KB). */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;
/** The most diagnostics listed for one file; the rest are counted in one last line. */
export const MAX_DIAGNOSTICS = 100;

function sizeWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function capped(diagnostics: Diagnostic[], file: string): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const last = diagnostics[MAX_DIAGNOSTICS - 1]!;
  return [
    ...diagnostics.slice(0, MAX_DIAGNOSTICS),
    makeDiagnostic('HTL0073', { count: diagnostics.length - MAX_DIAGNOSTICS }, file, { line: last.line, col: last.col }),
  ];
}

/** The refusal for a file over the size limit, or null when it is small enough to read. */
export function sizeRefusal(size: number, file: string): Diagnostic | null {
  if (size <= MAX_SCENARIO_BYTES) return null;
  return makeDiagnostic('HTL0072', { size: sizeWords(size), limit: sizeWords(MAX_SCENARIO_BYTES) }, file, { line: 1, col: 1 });
}

export function loadScenarioWithDetails(text: string, file: string, library: KnowledgeLibrary = EMPTY_LIBRARY, options: LoadOptions = {}): LoadDetails {
  const none: Locate = () => ({ line: 1, col: 1 });
  const refused = sizeRefusal(text.length, file);
  if (refused !== null) return { locate: none, diagnostics: [refused] };
  const parsed = parseSource(text, file);
  const validated = validateScenario(parsed, file, library, options.stateLimit);
  const { scenario, space } = validated;
  const diagnostics = capped(validated.diagnostics, file);
  const found = space === undefined ? { locate: parsed.locate } : { locate: parsed.locate, space };
  if (scenario === undefined) return { ...found, diagnostics };
  return { ...found, definition: compileScenario(scenario, library), diagnostics };
}

/** Loads a call with the shared knowledge base and directory it may use (see `loadLibrary`). */
export function loadScenario(text: string, file: string, library: KnowledgeLibrary = EMPTY_LIBRARY, options: LoadOptions = {}): LoadResult {
  const { definition, diagnostics } = loadScenarioWithDetails(text, file, library, options);
  return definition === undefined ? { diagnostics } : { definition, diagnostics };
}
