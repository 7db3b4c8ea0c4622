/**
 * Validation: shape, then references, then the call as a whole (reachability, termination,
 * compliance). Every independent problem is reported in one run: a file whose only shape slips
 * are unknown keys is checked further without them, and a dangling link does not stop the graph
 * and compliance checks. Only messages that would be knock-on effects are held back: nothing past
 * the shape stage when the file cannot be read as a call, and the reachability findings (steps
 * never reached, dead ends, endless loops) while a link points nowhere, since that link may be
 * the cause.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { EMPTY_LIBRARY } from '../core/model/library.ts';
import type { Diagnostic, DiagnosticCode } from './diagnostics.ts';
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

/** Links that point nowhere: the start, or a step's `next`/`pass`/`fail`. */
const DANGLING: readonly DiagnosticCode[] = ['HTL0043', 'HTL0030'];
/** Reachability findings a dangling link may cause: unreachable steps, dead ends, endless loops. */
const KNOCK_ON: readonly DiagnosticCode[] = ['HTL0050', 'HTL0052', 'HTL0053'];

export function validateScenario(parsed: ParsedSource, file: string, library: KnowledgeLibrary = EMPTY_LIBRARY, stateLimit?: number): ValidationResult {
  if (hasErrors(parsed.diagnostics) || parsed.data === undefined) {
    return { diagnostics: sortDiagnostics(parsed.diagnostics) };
  }
  const { locate } = parsed;
  const shape = validateShape(parsed.data, file, locate);
  const diagnostics = [...parsed.diagnostics, ...shape.diagnostics];
  const scenario = shape.scenario ?? shape.salvaged;
  if (scenario === undefined) return { diagnostics: sortDiagnostics(diagnostics) };

  const references = validateReferences(scenario, file, locate, library);
  diagnostics.push(...references);
  if (references.some((d) => d.code === 'HTL0043')) return { diagnostics: sortDiagnostics(diagnostics) };
  const dangling = references.some((d) => DANGLING.includes(d.code));

  const space = exploreStateSpace(scenario, stateLimit);
  const graph = validateGraph(scenario, space, file, locate);
  diagnostics.push(...(dangling ? graph.filter((d) => !KNOCK_ON.includes(d.code)) : graph));
  diagnostics.push(...validateCompliance(scenario, space, file, locate));
  const sorted = sortDiagnostics(diagnostics);
  return hasErrors(sorted) ? { space, diagnostics: sorted } : { scenario, space, diagnostics: sorted };
}
