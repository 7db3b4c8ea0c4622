/**
 * A small inline SVG chart of a goal's metric on the calls since it was set where it applies, with
 * baseline and target lines. The two lines are named in a key under the plot, so their labels
 * never overlap however close the values are. Colours come from the design tokens (CSS classes).
 */
import type { Goal } from '../../core/development/goal-schema.ts';
import { GOAL_METRICS, formatMetric } from '../../core/development/metrics.ts';

const NS = 'http://www.w3.org/2000/svg';
const W = 320;
const PLOT_H = 80;
const KEY_H = 22;
const PAD = 10;

export function svgEl(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
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
  const y = (v: number): number => PLOT_H - PAD - ((v - lo) / span) * (PLOT_H - 2 * PAD);
  const x = (i: number): number => PAD + (i / (slots - 1)) * (W - 2 * PAD);
  const H = PLOT_H + KEY_H;
  const svg = svgEl('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' }) as SVGSVGElement;
  const desc = measured.length === 0
    ? `No calls yet where this goal applies. Baseline ${formatMetric(goal.metric, goal.baseline)}, target ${formatMetric(goal.metric, goal.target)}.`
    : `${m.label} on the ${values.length} calls since the goal was set where it applies: ${values.map((v) => (v === null ? 'not measured' : formatMetric(goal.metric, v))).join(', ')}. Baseline ${formatMetric(goal.metric, goal.baseline)}, target ${formatMetric(goal.metric, goal.target)}.`;
  svg.setAttribute('aria-label', desc);
  svg.append(svgEl('title', {}, desc), svgEl('rect', { x: 0, y: 0, width: W, height: PLOT_H, rx: 4, class: 'frame' }));
  svg.append(svgEl('line', { x1: 0, x2: W, y1: y(goal.baseline), y2: y(goal.baseline), class: 'baseline-line', 'stroke-dasharray': '4 3' }));
  svg.append(svgEl('line', { x1: 0, x2: W, y1: y(goal.target), y2: y(goal.target), class: 'target-line', 'stroke-width': 2 }));
  const points = values.flatMap((v, i) => (v === null ? [] : [`${x(i)},${y(v)}`]));
  if (points.length > 1) svg.append(svgEl('polyline', { points: points.join(' '), class: 'series', 'stroke-width': 2 }));
  values.forEach((v, i) => { if (v !== null) svg.append(svgEl('circle', { cx: x(i), cy: y(v), r: 4, class: 'point' })); });
  // The key: each line's sample and its value, side by side under the plot.
  const ky = PLOT_H + 15;
  svg.append(svgEl('line', { x1: 2, x2: 22, y1: ky - 4, y2: ky - 4, class: 'baseline-line', 'stroke-dasharray': '4 3' }));
  svg.append(svgEl('text', { x: 26, y: ky, class: 'axis-text' }, `start ${formatMetric(goal.metric, goal.baseline)}`));
  svg.append(svgEl('line', { x1: 160, x2: 180, y1: ky - 4, y2: ky - 4, class: 'target-line', 'stroke-width': 2 }));
  svg.append(svgEl('text', { x: 184, y: ky, class: 'target-text' }, `target ${formatMetric(goal.metric, goal.target)}`));
  return svg;
}
