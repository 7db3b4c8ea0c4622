/**
 * The call built on the page's own thread for a test run, with the shared knowledge base. Loaded
 * only when a test is about to start (the checker runs in the worker the rest of the time).
 */
import type { CallDefinition } from '../core/engine/call-definition.ts';
import { hasErrors } from '../scenario/diagnostics.ts';
import { loadScenario } from '../scenario/load.ts';
import { sharedKnowledge } from './shared-knowledge.ts';

let last: { text: string; definition: CallDefinition | null } | null = null;

export function scenarioOf(text: string, file: string): CallDefinition | null {
  if (last?.text === text) return last.definition;
  const { definition, diagnostics } = loadScenario(text, file, sharedKnowledge());
  last = { text, definition: definition !== undefined && !hasErrors(diagnostics) ? definition : null };
  return last.definition;
}
