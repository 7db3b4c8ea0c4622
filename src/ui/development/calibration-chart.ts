/** The calibration figure over time: the mean gap between self-rating and evidence on each rated call. */
const NS = 'http://www.w3.org/2000/svg';
const W = 300;
const H = 80;
const LEFT = 36;
const PAD = 8;
/** The widest possible gap on a 1-5 scale. */
const MAX_GAP = 4;

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function calibrationChart(gaps: readonly (number | null)[]): SVGSVGElement {
  const rated = gaps.filter((g): g is number => g !== null);
  const top = Math.max(1, Math.min(MAX_GAP, Math.ceil(Math.max(0, ...rated))));
  const y = (g: number): number => PAD + (g / top) * (H - 2 * PAD);
  const x = (i: number): number => LEFT + PAD + (rated.length <= 1 ? 0 : (i / (rated.length - 1)) * (W - LEFT - 2 * PAD));
  const svg = el('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' }) as SVGSVGElement;
  const desc = `Calibration gap on each rated call, oldest first (lower is better): ${rated.map((g) => g.toFixed(2)).join(', ') || 'none yet'}.`;
  svg.setAttribute('aria-label', desc);
  svg.append(el('title', {}, desc), el('rect', { x: LEFT, y: 0, width: W - LEFT, height: H, fill: '#f6f8fa', rx: 4 }));
  svg.append(el('text', { x: LEFT - 4, y: y(0) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#1a7f37' }, '0'));
  svg.append(el('text', { x: LEFT - 4, y: y(top) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#555' }, String(top)));
  svg.append(el('line', { x1: LEFT, x2: W, y1: y(0), y2: y(0), stroke: '#1a7f37' }));
  const points = rated.map((g, i) => `${x(i)},${y(g)}`);
  if (points.length > 1) svg.append(el('polyline', { points: points.join(' '), fill: 'none', stroke: '#6e40c9', 'stroke-width': 2 }));
  rated.forEach((g, i) => svg.append(el('circle', { cx: x(i), cy: y(g), r: 3.5, fill: '#6e40c9' })));
  return svg;
}
