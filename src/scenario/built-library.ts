/**
 * The shipped call library as the build hands it to the browser. The menu gets only each call's
 * summary and content hash (its identity from menu to server); the call's checked data is its own
 * chunk, loaded when the call is chosen and compiled then. In development a broken file comes
 * with its diagnostics instead.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { Diagnostic } from './diagnostics.ts';
import { compileScenario } from './compile.ts';
import type { CallSummary } from './call-summary.ts';

/** A call's checked data as its own chunk holds it. */
export interface BuiltCallData {
  readonly scenario: Scenario;
  readonly knowledge: KnowledgeLibrary;
}

/** One file of the shipped library as the menu sees it: summary and hash, or (development only) diagnostics. */
export interface BuiltCall {
  readonly file: string;
  readonly hash: string | null;
  readonly summary: CallSummary | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly load: (() => Promise<BuiltCallData>) | null;
}

/** Builds the call's machine from checked data; refuses (null) if the content hash does not match what the build checked. */
export function definitionFromBuilt(data: BuiltCallData, hash: string): CallDefinition | null {
  const definition = compileScenario(data.scenario, data.knowledge);
  return definition.hash === hash ? definition : null;
}
