/**
 * The shipped call library as the build hands it to the browser: each call already checked (its
 * validated data and content hash), or, in development, a broken file with its diagnostics.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { Diagnostic } from './diagnostics.ts';
import { compileScenario } from './compile.ts';

export interface BuiltCall {
  readonly file: string;
  readonly scenario: Scenario | null;
  readonly hash: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Builds the call's machine from checked data; refuses (null) if the content hash does not match what the build checked. */
export function definitionFromBuilt(call: BuiltCall, knowledge: KnowledgeLibrary): CallDefinition | null {
  if (call.scenario === null || call.hash === null) return null;
  const definition = compileScenario(call.scenario, knowledge);
  return definition.hash === call.hash ? definition : null;
}
