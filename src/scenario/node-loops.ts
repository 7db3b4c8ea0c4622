/** The loops in a directed graph of step ids. */
import { stronglyConnected } from './strongly-connected.ts';

/** Groups of steps that lead round to each other (or one step that leads back to itself). */
export function findLoops(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const names = [...graph.keys()];
  const index = new Map(names.map((name, i) => [name, i]));
  const successors = names.map((name) =>
    [...(graph.get(name) ?? [])].flatMap((target) => {
      const i = index.get(target);
      return i === undefined ? [] : [i];
    }),
  );
  const components = stronglyConnected(names.length, (vertex) => successors[vertex] ?? []);
  const groups = new Map<number, string[]>();
  names.forEach((name, i) => {
    const component = components.of[i] as number;
    if (!components.cyclic[component]) return;
    groups.set(component, [...(groups.get(component) ?? []), name]);
  });
  return [...groups.values()];
}
