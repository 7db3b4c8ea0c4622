/**
 * Validation stage c, the call as a whole: every step reachable, every choice offered somewhere,
 * and from everywhere the call can get to, an ending can still be reached.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { Diagnostic } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
import type { Locate } from './parse.ts';
import type { StateSpace, StaticState } from './state-space.ts';
import { endingStates, reachableNodes, statesReachingAnEndingMask } from './state-space.ts';
import { findLoops } from './node-loops.ts';

/** The state in words: the flags that matter and, where the checker keeps it apart, the ID&V verdict. */
export function describeState(state: StaticState, withIdv = true): string {
  const flags = state.flags.length === 0 ? 'no flags set' : `flags set: ${state.flags.join(', ')}`;
  if (!withIdv) return flags;
  const idv = { 'not-done': 'ID&V not done', passed: 'ID&V passed', failed: 'ID&V failed' }[state.idv];
  return `${flags}; ${idv}`;
}

function stepList(ids: readonly string[]): string {
  const quoted = ids.map((id) => `\`${id}\``);
  if (quoted.length === 1) return `step ${quoted[0] ?? ''} leads only back to itself`;
  return `steps ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''} lead only to each other`;
}

export function validateGraph(scenario: Scenario, space: StateSpace, file: string, locate: Locate): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ids = Object.keys(scenario.nodes);
  const order = new Map(ids.map((id, i) => [id, i]));
  const fileOrder = (a: string, b: string): number => order.get(a)! - order.get(b)!;
  const hasEnding = Object.values(scenario.nodes).some((node) => node.type === 'ending');
  if (!hasEnding) diagnostics.push(makeDiagnostic('HTL0054', {}, file, locate(['nodes'])));
  if (space.truncated) {
    diagnostics.push(makeDiagnostic('HTL0058', { limit: space.limit }, file, locate(['start'])));
  }

  // Dead ends: a state the call can be in where nothing is on offer.
  const stuckNodes = new Set<string>();
  const ending = endingStates(scenario, space);
  for (let i = 0; i < space.stateNode.length; i += 1) {
    if (space.outStart[i + 1]! > space.outStart[i]! || space.cut.has(i) || ending[i] === 1) continue;
    const state = space.states[i]!;
    if (stuckNodes.has(state.node)) continue;
    stuckNodes.add(state.node);
    diagnostics.push(
      makeDiagnostic('HTL0052', { node: state.node, state: describeState(state, space.tracksIdv) }, file, locate(['nodes', state.node])),
    );
  }

  // Everything below needs the whole space; a truncated one would give false alarms.
  if (space.truncated) return diagnostics;

  const reachable = reachableNodes(space);
  for (const id of ids) {
    if (!reachable.has(id)) diagnostics.push(makeDiagnostic('HTL0050', { node: id }, file, locate(['nodes', id])));
  }

  for (const id of ids) {
    const node = scenario.nodes[id];
    if (!reachable.has(id) || node === undefined || (node.type !== undefined && node.type !== 'talk')) continue;
    node.choices.forEach((choice, index) => {
      if (choice.when === undefined || space.choiceTaken(order.get(id)!, index)) return;
      const say = choice.say.length > 40 ? `${choice.say.slice(0, 37)}…` : choice.say;
      diagnostics.push(
        makeDiagnostic('HTL0051', { index: index + 1, node: id, say }, file, locate(['nodes', id, 'choices', index, 'when'])),
      );
    });
  }

  if (!hasEnding) return diagnostics;
  const reaches = statesReachingAnEndingMask(scenario, space, ending);
  // An edge is doomed only when neither end can reach an ending: none is when every state can.
  if (reaches.indexOf(0) < 0) return diagnostics;
  const doomed = new Map<string, Set<string>>();
  const { outStart, edgeTo, stateNode, nodeIds } = space;
  for (let state = 0; state < stateNode.length; state += 1) {
    if (reaches[state] === 1) continue;
    for (let e = outStart[state]!, end = outStart[state + 1]!; e < end; e += 1) {
      if (reaches[edgeTo[e]!] === 1) continue;
      const from = nodeIds[stateNode[state]!]!;
      const to = nodeIds[stateNode[edgeTo[e]!]!]!;
      if (!doomed.has(from)) doomed.set(from, new Set());
      if (!doomed.has(to)) doomed.set(to, new Set());
      doomed.get(from)?.add(to);
    }
  }
  for (const loop of findLoops(doomed)) {
    const members = [...loop].sort(fileOrder);
    const first = members[0] ?? '';
    diagnostics.push(makeDiagnostic('HTL0053', { loop: stepList(members) }, file, locate(['nodes', first])));
  }
  return diagnostics;
}
