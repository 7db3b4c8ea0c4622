/**
 * The call graph of the text being edited. A call whose only errors are about its shape as a whole
 * (steps no run reaches, loops with no way out) still gets a map, since those are the errors the
 * map shows best; a call with errors in its fields or references gets none.
 */
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { loadScenarioWithDetails, type LoadDetails } from '../scenario/load.ts';
import { parseSource } from '../scenario/parse.ts';
import { validateShape } from '../scenario/validate-shape.ts';
import { callGraph, type CallGraph } from './call-graph.ts';

export interface Mapped {
  readonly loaded: LoadDetails;
  readonly graph: CallGraph | null;
}

/** The graph of a text already loaded (`loaded` is what the checker made of `text`). */
export function graphOf(loaded: LoadDetails, text: string, file: string): CallGraph | null {
  if (loaded.definition !== undefined) return callGraph(loaded.definition.scenario, loaded.locate, loaded.space);
  // The graph stage ran (so the fields and references are sound) but found errors: map it anyway.
  if (loaded.space === undefined) return null;
  const parsed = parseSource(text, file);
  const scenario = parsed.data === undefined ? undefined : validateShape(parsed.data, file, parsed.locate).scenario;
  return scenario === undefined ? null : callGraph(scenario, parsed.locate, loaded.space);
}

export function mapSource(text: string, file: string, library: KnowledgeLibrary): Mapped {
  const loaded = loadScenarioWithDetails(text, file, library);
  return { loaded, graph: graphOf(loaded, text, file) };
}
