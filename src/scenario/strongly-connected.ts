/**
 * Strongly connected components of a directed graph on vertices 0…n-1 (Tarjan's algorithm,
 * iterative so a long chain of steps cannot overflow the stack).
 */

export interface Components {
  /** The component of each vertex. Components are numbered in reverse topological order:
   *  every edge goes from a component to one with the same or a lower number. */
  readonly of: Int32Array;
  readonly count: number;
  /** Whether each component contains a cycle (more than one vertex, or a vertex leading to itself). */
  readonly cyclic: readonly boolean[];
}

export function stronglyConnected(size: number, successors: (vertex: number) => readonly number[]): Components {
  const order = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const of = new Int32Array(size).fill(-1);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const cyclic: boolean[] = [];
  let counter = 0;
  let count = 0;

  for (let root = 0; root < size; root += 1) {
    if (order[root] !== -1) continue;
    const work: { vertex: number; next: number; targets: readonly number[] }[] = [];
    const enter = (vertex: number): void => {
      order[vertex] = counter;
      low[vertex] = counter;
      counter += 1;
      stack.push(vertex);
      onStack[vertex] = 1;
      work.push({ vertex, next: 0, targets: successors(vertex) });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { vertex: number; next: number; targets: readonly number[] };
      if (frame.next < frame.targets.length) {
        const target = frame.targets[frame.next] as number;
        frame.next += 1;
        if (order[target] === -1) enter(target);
        else if (onStack[target] === 1) low[frame.vertex] = Math.min(low[frame.vertex] as number, order[target] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low[parent.vertex] = Math.min(low[parent.vertex] as number, low[frame.vertex] as number);
      if (low[frame.vertex] !== order[frame.vertex]) continue;
      let members = 0;
      let member: number;
      do {
        member = stack.pop() as number;
        onStack[member] = 0;
        of[member] = count;
        members += 1;
      } while (member !== frame.vertex);
      cyclic.push(members > 1 || frame.targets.includes(frame.vertex));
      count += 1;
    }
  }
  return { of, count, cyclic };
}
