/**
 * The map: the laid-out call graph drawn as SVG. Each step is a box coloured by kind, with marks
 * for the start, endings, ID&V, hang-up risk, unreachable steps and dead ends; trap links are red
 * and dashed. Clicking a step (or Enter on it) jumps to its text; the step the editor's cursor is
 * in is outlined, so the way back is a click on the text.
 */
import type { CallGraph, GraphStep } from './call-graph.ts';
import { BOX, type MapLayout } from './map-layout.ts';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c);
  return node;
}

function marks(step: GraphStep): string[] {
  return [
    step.start ? 'start' : '',
    step.kind === 'ending' ? `ending: ${step.outcome ?? ''}` : '',
    step.kind === 'idv' ? 'ID&V check' : '',
    step.hangUpRisk ? `hang-up risk (patience can be ${step.worstPatience} here)` : '',
    step.unreachable ? 'unreachable: no run gets here' : '',
    step.deadEnd ? 'dead end: no ending can be reached from here' : '',
  ].filter((m) => m !== '');
}

function badge(step: GraphStep): string {
  if (step.unreachable) return '✕ unreachable';
  if (step.deadEnd) return '✕ dead end: no ending after';
  if (step.kind === 'ending') return `■ ${step.outcome ?? ''}`;
  if (step.hangUpRisk) return `⚠ hang-up risk: patience ${step.worstPatience}`;
  if (step.kind === 'idv') return 'ID&V check';
  return step.kind === 'talk' ? '' : step.kind;
}

export interface MapView {
  readonly element: SVGSVGElement;
  highlight(stepId: string | null): void;
}

export function drawMap(graph: CallGraph, layout: MapLayout, jump: (step: GraphStep) => void): MapView {
  const svg = el('svg', { class: 'wb-map', viewBox: `0 0 ${Math.max(layout.width, 200)} ${Math.max(layout.height, 100)}`, width: layout.width, height: layout.height, role: 'group', 'aria-label': 'Map of the call: one box per step' });
  svg.append(el('defs', {},
    el('marker', { id: 'wb-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'wb-arrowhead' })),
    el('marker', { id: 'wb-arrow-trap', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'wb-arrowhead trap' }))));
  for (const link of layout.links) {
    if (link.points.length < 2) continue;
    const d = link.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const path = el('path', { d, class: `wb-link${link.trap ? ' trap' : ''}`, 'marker-end': `url(#${link.trap ? 'wb-arrow-trap' : 'wb-arrow'})` });
    path.append(el('title', {}, `${link.from} → ${link.to}: ${link.label}${link.trap ? ' (trap)' : ''}`));
    svg.append(path);
  }
  const boxes = new Map<string, SVGGElement>();
  for (const step of graph.steps) {
    const at = layout.boxes[step.id];
    if (at === undefined) continue;
    const classes = ['wb-step', step.kind, step.unreachable ? 'unreachable' : '', step.deadEnd ? 'dead-end' : '', step.hangUpRisk ? 'risk' : '', step.start ? 'start' : ''].filter(Boolean).join(' ');
    const said = marks(step);
    const caption = step.caption.length > 27 ? `${step.caption.slice(0, 26)}…` : step.caption;
    // The box is named by its <title> (SVG's own name, also the tooltip), which starts with the words
    // shown in the box, so a speech-input user can say what they see.
    const shown = [step.id, caption, badge(step)].filter((t) => t !== '').join(' ');
    const g = el('g', { class: classes, transform: `translate(${at.x - BOX.width / 2},${at.y - BOX.height / 2})`, tabindex: 0, role: 'button', 'data-step': step.id },
      el('rect', { width: BOX.width, height: BOX.height, rx: step.kind === 'ending' ? 24 : 6 }),
      el('text', { x: 8, y: 17, class: 'wb-step-id' }, step.id),
      el('text', { x: 8, y: 32, class: 'wb-step-caption' }, caption),
      el('text', { x: 8, y: 47, class: 'wb-step-badge' }, badge(step)));
    g.append(el('title', {}, `${shown}. Line ${step.line}${said.length > 0 ? `: ${said.join('; ')}` : ''}. Go to its text.`));
    g.addEventListener('click', () => jump(step));
    g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); jump(step); } });
    boxes.set(step.id, g);
    svg.append(g);
  }
  let current: SVGGElement | null = null;
  return {
    element: svg,
    highlight: (stepId) => {
      current?.classList.remove('here');
      current = stepId === null ? null : boxes.get(stepId) ?? null;
      current?.classList.add('here');
    },
  };
}

/** The step whose text holds a 1-based line: the last step starting at or above it. */
export function stepAtLine(graph: CallGraph, line: number): string | null {
  let best: GraphStep | null = null;
  for (const step of graph.steps) if (step.line <= line && (best === null || step.line > best.line)) best = step;
  return best?.id ?? null;
}
