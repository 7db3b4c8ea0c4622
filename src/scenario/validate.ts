/**
 * Validation: shape, then references, then the call as a whole (reachability, termination,
 * compliance). A later stage runs only when the earlier ones found no errors, so every message
 * is about something real rather than a knock-on effect.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { EMPTY_LIBRARY } from '../core/model/library.ts';
import type { Diagnostic } from './diagnostics.ts';
import { hasErrors, sortDiagnostics } from './diagnostics.ts';
import type { ParsedSource } from './parse.ts';
import { validateShape } from './validate-shape.ts';
import { validateReferences } from './validate-references.ts';
import { exploreStateSpace } from './state-space.ts';
import type { StateSpace } from './state-space.ts';
import { validateGraph } from './validate-graph.ts';
import { validateCompliance } from './validate-compliance.ts';

export interface ValidationResult {
  /** Present when there are no errors (warnings allowed). */
  readonly scenario?: Scenario;
  /** The explored states, when the graph stage ran. */
  readonly space?: StateSpace;
  readonly diagnostics: Diagnostic[];
}

export function validateScenario(parsed: ParsedSource, file: string, library: KnowledgeLibrary = EMPTY_LIBRARY, stateLimit?: number): ValidationResult {
  if (hasErrors(parsed.diagnostics) || parsed.data === undefined) {
    return { diagnostics: sortDiagnostics(parsed.diagnostics) };
  }
  const { locate } = parsed;
  const shape = validateShape(parsed.data, file, locate);
  const diagnostics = [...parsed.diagnostics, ...shape.diagnostics];
  const scenario = shape.scenario;
  if (scenario === undefined || hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };

  diagnostics.push(...validateReferences(scenario, file, locate, library));
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };

  const space = exploreStateSpace(scenario, stateLimit);
  diagnostics.push(...validateGraph(scenario, space, file, locate));
  diagnostics.push(...validateCompliance(scenario, space, file, locate));
  const sorted = sortDiagnostics(diagnostics);
  return hasErrors(sorted) ? { space, diagnostics: sorted } : { scenario, space, diagnostics: sorted };
}
