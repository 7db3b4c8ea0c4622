/**
 * Validation stage c, the call as a whole: every step reachable, every choice offered somewhere,
 * and from everywhere the call can get to, an ending can still be reached.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { Diagnostic } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
import type { Locate } from './parse.ts';
import type { StateSpace, StaticState } from './state-space.ts';
import { isEndingState, reachableNodes, statesReachingAnEnding } from './state-space.ts';
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

function offeredChoices(space: StateSpace): Map<string, Set<number>> {
  const offered = new Map<string, Set<number>>();
  for (const edge of space.edges) {
    if (edge.choice === undefined) continue;
    const node = space.states[edge.from]?.node ?? '';
    const set = offered.get(node) ?? new Set<number>();
    set.add(edge.choice);
    offered.set(node, set);
  }
  return offered;
}

export function validateGraph(scenario: Scenario, space: StateSpace, file: string, locate: Locate): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ids = Object.keys(scenario.nodes);
  const fileOrder = (a: string, b: string): number => ids.indexOf(a) - ids.indexOf(b);
  const hasEnding = Object.values(scenario.nodes).some((node) => node.type === 'ending');
  if (!hasEnding) diagnostics.push(makeDiagnostic('HTL0054', {}, file, locate(['nodes'])));
  if (space.truncated) {
    diagnostics.push(makeDiagnostic('HTL0058', { limit: space.limit }, file, locate(['start'])));
  }

  // Dead ends: a state the call can be in where nothing is on offer.
  const stuckNodes = new Set<string>();
  space.states.forEach((state, i) => {
    if ((space.outgoing[i]?.length ?? 0) > 0 || space.cut.has(i) || isEndingState(scenario, state) || stuckNodes.has(state.node)) return;
    stuckNodes.add(state.node);
    diagnostics.push(
      makeDiagnostic('HTL0052', { node: state.node, state: describeState(state, space.tracksIdv) }, file, locate(['nodes', state.node])),
    );
  });

  // Everything below needs the whole space; a truncated one would give false alarms.
  if (space.truncated) return diagnostics;

  const reachable = reachableNodes(space);
  for (const id of ids) {
    if (!reachable.has(id)) diagnostics.push(makeDiagnostic('HTL0050', { node: id }, file, locate(['nodes', id])));
  }

  const offered = offeredChoices(space);
  for (const id of ids) {
    const node = scenario.nodes[id];
    if (!reachable.has(id) || node === undefined || (node.type !== undefined && node.type !== 'talk')) continue;
    node.choices.forEach((choice, index) => {
      if (choice.when === undefined || offered.get(id)?.has(index) === true) return;
      const say = choice.say.length > 40 ? `${choice.say.slice(0, 37)}…` : choice.say;
      diagnostics.push(
        makeDiagnostic('HTL0051', { index: index + 1, node: id, say }, file, locate(['nodes', id, 'choices', index, 'when'])),
      );
    });
  }

  if (!hasEnding) return diagnostics;
  const reaches = statesReachingAnEnding(scenario, space);
  const doomed = new Map<string, Set<string>>();
  for (const edge of space.edges) {
    if (reaches[edge.from] === true || reaches[edge.to] === true) continue;
    const from = space.states[edge.from]?.node ?? '';
    const to = space.states[edge.to]?.node ?? '';
    if (!doomed.has(from)) doomed.set(from, new Set());
    if (!doomed.has(to)) doomed.set(to, new Set());
    doomed.get(from)?.add(to);
  }
  for (const loop of findLoops(doomed)) {
    const members = [...loop].sort(fileOrder);
    const first = members[0] ?? '';
    diagnostics.push(makeDiagnostic('HTL0053', { loop: stepList(members) }, file, locate(['nodes', first])));
  }
  return diagnostics;
}
