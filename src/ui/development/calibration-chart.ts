/** The calibration figure over time: the mean gap between self-rating and evidence on each rated call. */
import { svgEl } from './chart.ts';

const W = 320;
const H = 80;
const LEFT = 36;
const PAD = 8;
/** The widest possible gap on a 1-5 scale. */
const MAX_GAP = 4;

export function calibrationChart(gaps: readonly (number | null)[]): SVGSVGElement {
  const rated = gaps.filter((g): g is number => g !== null);
  const top = Math.max(1, Math.min(MAX_GAP, Math.ceil(Math.max(0, ...rated))));
  const y = (g: number): number => PAD + (g / top) * (H - 2 * PAD);
  const x = (i: number): number => LEFT + PAD + (rated.length <= 1 ? 0 : (i / (rated.length - 1)) * (W - LEFT - 2 * PAD));
  const svg = svgEl('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' }) as SVGSVGElement;
  const desc = `Calibration gap on each rated call, oldest first (lower is better): ${rated.map((g) => g.toFixed(2)).join(', ') || 'none yet'}.`;
  svg.setAttribute('aria-label', desc);
  svg.append(svgEl('title', {}, desc), svgEl('rect', { x: LEFT, y: 0, width: W - LEFT, height: H, rx: 4, class: 'frame' }));
  svg.append(svgEl('text', { x: LEFT - 4, y: y(0) + 4, 'text-anchor': 'end', class: 'target-text' }, '0'));
  svg.append(svgEl('text', { x: LEFT - 4, y: y(top) + 4, 'text-anchor': 'end', class: 'axis-text' }, String(top)));
  svg.append(svgEl('line', { x1: LEFT, x2: W, y1: y(0), y2: y(0), class: 'target-line' }));
  const points = rated.map((g, i) => `${x(i)},${y(g)}`);
  if (points.length > 1) svg.append(svgEl('polyline', { points: points.join(' '), class: 'series', 'stroke-width': 2 }));
  rated.forEach((g, i) => svg.append(svgEl('circle', { cx: x(i), cy: y(g), r: 3.5, class: 'point' })));
  return svg;
}
