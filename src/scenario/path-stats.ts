/**
 * Counting the ways through a call, and its shortest and longest handle time, by dynamic
 * programming over the explored states (so a choice's `when` is honoured). Loops make the count
 * infinite, and a loop that takes time makes the longest call unbounded: reported as null.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';
import { actionSeconds, choiceSeconds, entrySeconds, wrapSeconds } from '../core/engine/timing.ts';
import type { EdgeKind, StateSpace } from './state-space.ts';
import { EDGE_KINDS, endingStates, statesReachingAnEnding } from './state-space.ts';
import { stronglyConnected } from './strongly-connected.ts';

export interface PathStats {
  /** Distinct ways from the start to an ending; null when a loop makes them endless. */
  readonly paths: number | null;
  /** Simulated seconds (talk + hold + the wrap-up's fixed part, notes left out). */
  readonly aht: { readonly best: number; readonly worst: number | null };
  /** Ending step ids some path reaches. */
  readonly endings: readonly string[];
}

/** Seconds worked out once per step and per choice (many states share them). */
const openingSeconds = new WeakMap<object, number>();
const agentSeconds = new WeakMap<object, number>();
function remembered(cache: WeakMap<object, number>, key: object, work: () => number): number {
  let value = cache.get(key);
  if (value === undefined) {
    value = work();
    cache.set(key, value);
  }
  return value;
}

/** Seconds an edge adds: the agent's part (or the action's work) plus the next step's opening line. */
function secondsBetween(scenario: Scenario, fromId: string, toId: string, kind: EdgeKind, choiceIndex: number | undefined): number {
  const from = scenario.nodes[fromId];
  const to = scenario.nodes[toId];
  if (from === undefined || to === undefined) return 0;
  const opening = remembered(openingSeconds, to, () => entrySeconds(to));
  if (kind === 'choice' && (from.type === undefined || from.type === 'talk')) {
    const choice = from.choices[choiceIndex ?? 0];
    return (choice === undefined ? 0 : remembered(agentSeconds, choice, () => choiceSeconds(choice))) + opening;
  }
  return remembered(agentSeconds, from, () => actionSeconds(from, scenario.idv?.ask.length ?? 0)) + opening;
}

class MinHeap {
  private readonly items: [number, number][] = [];
  get size(): number {
    return this.items.length;
  }
  push(priority: number, value: number): void {
    const items = this.items;
    items.push([priority, value]);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as [number, number])[0] <= priority) break;
      [items[i], items[parent]] = [items[parent] as [number, number], items[i] as [number, number]];
      i = parent;
    }
  }
  pop(): [number, number] | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && (items[left] as [number, number])[0] < (items[smallest] as [number, number])[0]) smallest = left;
      if (right < items.length && (items[right] as [number, number])[0] < (items[smallest] as [number, number])[0]) smallest = right;
      if (smallest === i) break;
      [items[i], items[smallest]] = [items[smallest] as [number, number], items[i] as [number, number]];
      i = smallest;
    }
    return top;
  }
}

export function pathStats(scenario: Scenario, space: StateSpace): PathStats {
  const n = space.stateNode.length;
  const { edgeFrom, edgeTo, edgeKind, edgeChoice, stateNode, nodeIds } = space;
  const good = statesReachingAnEnding(scenario, space);
  const ending = endingStates(scenario, space);
  const weight = new Float64Array(edgeFrom.length);
  for (let e = 0; e < edgeFrom.length; e += 1) {
    const choice = edgeChoice[e]!;
    weight[e] = secondsBetween(scenario, nodeIds[stateNode[edgeFrom[e]!]!]!, nodeIds[stateNode[edgeTo[e]!]!]!, EDGE_KINDS[edgeKind[e]!]!, choice < 0 ? undefined : choice);
  }
  // The edges between states that can still reach an ending, by state of departure (edges are in that order).
  const kept = new Int32Array(edgeFrom.length);
  const keptStart = new Int32Array(n + 1);
  let count0 = 0;
  for (let v = 0; v < n; v += 1) {
    keptStart[v] = count0;
    if (good[v] !== true) continue;
    for (let e = space.outStart[v]!; e < space.outStart[v + 1]!; e += 1) if (good[edgeTo[e]!] === true) kept[count0++] = e;
  }
  keptStart[n] = count0;
  const startNode = scenario.nodes[scenario.start];
  const base = (startNode === undefined ? 0 : entrySeconds(startNode)) + wrapSeconds('');

  // Shortest: Dijkstra from the start to the nearest ending.
  const dist = new Float64Array(n).fill(Infinity);
  dist[0] = 0;
  const heap = new MinHeap();
  heap.push(0, 0);
  let best = Infinity;
  while (heap.size > 0) {
    const [d, v] = heap.pop() as [number, number];
    if (d > (dist[v] as number)) continue;
    if (ending[v] === 1) best = Math.min(best, d);
    for (let k = keptStart[v]!; k < keptStart[v + 1]!; k += 1) {
      const e = kept[k]!;
      const to = edgeTo[e]!;
      const nd = d + weight[e]!;
      if (nd < dist[to]!) {
        dist[to] = nd;
        heap.push(nd, to);
      }
    }
  }

  // Longest and the count: over the components, sinks first.
  const components = stronglyConnected(n, (v) => {
    const next: number[] = [];
    for (let k = keptStart[v]!; k < keptStart[v + 1]!; k += 1) next.push(edgeTo[kept[k]!]!);
    return next;
  });
  const members: number[][] = Array.from({ length: components.count }, () => []);
  for (let v = 0; v < n; v += 1) members[components.of[v] as number]?.push(v);
  const longest = new Float64Array(components.count).fill(-Infinity);
  const count = new Float64Array(components.count).fill(0);
  let endless = false;
  let timeLoop = false;
  for (let c = 0; c < components.count; c += 1) {
    if (components.cyclic[c] === true) endless = true;
    for (const v of members[c] ?? []) {
      if (ending[v] === 1) {
        longest[c] = Math.max(longest[c] as number, 0);
        count[c] = (count[c] as number) + 1;
      }
      for (let k = keptStart[v]!; k < keptStart[v + 1]!; k += 1) {
        const e = kept[k]!;
        const target = components.of[edgeTo[e]!] as number;
        if (target === c) {
          if (weight[e]! > 0) timeLoop = true;
          continue;
        }
        longest[c] = Math.max(longest[c] as number, weight[e]! + (longest[target] as number));
        count[c] = (count[c] as number) + (count[target] as number);
      }
    }
  }
  const startComponent = components.of[0] as number;
  // The endings some path reaches, in the order their states were found.
  const endingNodes = new Set<number>();
  for (let v = 0; v < n; v += 1) if (ending[v] === 1 && Number.isFinite(dist[v])) endingNodes.add(stateNode[v]!);
  const endings = [...endingNodes].map((node) => nodeIds[node]!);
  let paths: number | null = count[startComponent] as number;
  if (good[0] !== true) paths = 0;
  else if (endless) paths = null;
  return {
    paths,
    aht: {
      best: Number.isFinite(best) ? base + best : 0,
      worst: timeLoop ? null : Number.isFinite(longest[startComponent] as number) ? base + (longest[startComponent] as number) : 0,
    },
    endings,
  };
}
