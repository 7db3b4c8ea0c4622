/** A small inline SVG chart of a goal's metric over the runs since it was set, with baseline and target lines. */
import type { Goal } from '../../core/development/goal-schema.ts';
import { GOAL_METRICS } from '../../core/development/metrics.ts';

const NS = 'http://www.w3.org/2000/svg';
const W = 300;
const H = 90;
const LEFT = 70;
const PAD = 10;

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function goalChart(goal: Goal, values: readonly (number | null)[]): SVGSVGElement {
  const m = GOAL_METRICS[goal.metric];
  const slots = Math.max(values.length, goal.deadline.kind === 'calls' ? goal.deadline.calls : values.length, 2);
  const measured = values.filter((v): v is number => v !== null);
  const all = [goal.baseline, goal.target, ...measured];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  const y = (v: number): number => H - PAD - ((v - lo) / span) * (H - 2 * PAD);
  const x = (i: number): number => LEFT + PAD + (i / (slots - 1)) * (W - LEFT - 2 * PAD);
  const svg = el('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' }) as SVGSVGElement;
  const desc = measured.length === 0
    ? `No calls yet since the goal was set. Baseline ${goal.baseline}${m.unit}, target ${goal.target}${m.unit}.`
    : `${m.label} on the ${values.length} calls since the goal was set: ${values.map((v) => (v === null ? 'not measured' : `${v}${m.unit}`)).join(', ')}. Baseline ${goal.baseline}${m.unit}, target ${goal.target}${m.unit}.`;
  svg.setAttribute('aria-label', desc);
  svg.append(el('title', {}, desc), el('rect', { x: LEFT, y: 0, width: W - LEFT, height: H, fill: '#f6f8fa', rx: 4 }));
  svg.append(el('line', { x1: LEFT, x2: W, y1: y(goal.baseline), y2: y(goal.baseline), stroke: '#8c959f', 'stroke-dasharray': '4 3' }));
  svg.append(el('text', { x: LEFT - 4, y: y(goal.baseline) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#555' }, `start ${goal.baseline}${m.unit}`));
  svg.append(el('line', { x1: LEFT, x2: W, y1: y(goal.target), y2: y(goal.target), stroke: '#1a7f37', 'stroke-width': 2 }));
  svg.append(el('text', { x: LEFT - 4, y: y(goal.target) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#1a7f37' }, `target ${goal.target}${m.unit}`));
  const points = values.flatMap((v, i) => (v === null ? [] : [`${x(i)},${y(v)}`]));
  if (points.length > 1) svg.append(el('polyline', { points: points.join(' '), fill: 'none', stroke: '#0b5cad', 'stroke-width': 2 }));
  values.forEach((v, i) => { if (v !== null) svg.append(el('circle', { cx: x(i), cy: y(v), r: 4, fill: '#0b5cad' })); });
  return svg;
}
