/**
 * Lays the call graph out with dagre (top to bottom, one rank per step along the way), giving
 * every step a box and every link a route of points. Runs in the checking worker.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { CallGraph } from './call-graph.ts';

export const BOX = { width: 180, height: 54 } as const;

export interface PlacedLink {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly trap: boolean;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface MapLayout {
  readonly width: number;
  readonly height: number;
  /** Centre of each step's box. */
  readonly boxes: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
  readonly links: readonly PlacedLink[];
}

export function layOut(graph: CallGraph): MapLayout {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 46, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const step of graph.steps) g.setNode(step.id, { width: BOX.width, height: BOX.height });
  graph.links.forEach((link, i) => g.setEdge(link.from, link.to, { weight: link.trap ? 1 : 2 }, `l${i}`));
  layout(g);
  const boxes: Record<string, { x: number; y: number }> = {};
  for (const step of graph.steps) {
    const n = g.node(step.id);
    boxes[step.id] = { x: n.x, y: n.y };
  }
  const links = graph.links.map((link, i): PlacedLink => {
    const e = g.edge(link.from, link.to, `l${i}`) as { points?: { x: number; y: number }[] } | undefined;
    return { ...link, points: (e?.points ?? []).map((p) => ({ x: p.x, y: p.y })) };
  });
  const size = g.graph() as { width?: number; height?: number };
  return { width: size.width ?? 0, height: size.height ?? 0, boxes, links };
}

/** What dagre lays out: the steps and the links between them, not their words or lines. */
function shapeOf(graph: CallGraph): string {
  return JSON.stringify([graph.steps.map((s) => s.id), graph.links.map((l) => [l.from, l.to, l.trap])]);
}

/**
 * Lays out one graph after another (the worker's, one per pause in typing), laying out again only
 * when the shape changes: most edits change words, and dagre is the slowest part of a check on a
 * large call. The links keep their new labels either way.
 */
export function layoutReuser(): (graph: CallGraph) => MapLayout {
  let last: { readonly shape: string; readonly layout: MapLayout } | null = null;
  return (graph) => {
    const shape = shapeOf(graph);
    if (last === null || last.shape !== shape) last = { shape, layout: layOut(graph) };
    const placed = last.layout;
    return { ...placed, links: graph.links.map((link, i) => ({ ...link, points: placed.links[i]?.points ?? [] })) };
  };
}
