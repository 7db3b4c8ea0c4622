import type { NodeType, ScenarioNode } from './scenario-schema.ts';

/** A node's type: written as `type`, or `talk` when left out. */
export function nodeTypeOf(node: ScenarioNode): NodeType {
  return node.type ?? 'talk';
}
