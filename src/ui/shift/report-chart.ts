/**
 * The report's chart: service level per interval, as the shift went and as the same shift would
 * have gone with the team on its AHT and FCR targets, with Erlang C's forecast and the target line.
 * Plain SVG, with a text summary for screen readers.
 */
import type { ShiftReport } from '../../core/shift/shift-report.ts';
import { h } from '../dom.ts';
import { pct } from './shift-format.ts';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = { actual: '#5eead4', onTarget: '#64748b', forecast: '#facc15', target: '#fca5a5', axis: '#a3b1c2', grid: '#334155' } as const;

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function renderReportChart(chart: ShiftReport['chart']): HTMLElement {
  const width = 640;
  const height = 260;
  const left = 44;
  const bottom = 32;
  const top = 12;
  const plotH = height - top - bottom;
  const y = (share: number) => top + plotH * (1 - share);
  const slot = (width - left - 8) / chart.intervals.length;
  const bar = Math.min(40, slot / 3);
  const summary = chart.intervals.map((i) => `${i.label}: ${pct(i.serviceLevel)} (on target ${pct(i.serviceLevelOnTarget)}, forecast ${pct(i.forecastServiceLevel)})`).join('; ');
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Service level per interval against the ${pct(chart.target)} target. ${summary}` });
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(svg('line', { x1: left, x2: width - 4, y1: y(share), y2: y(share), stroke: COLOURS.grid, 'stroke-width': 1 }));
    root.append(svg('text', { x: left - 6, y: y(share) + 4, 'text-anchor': 'end', fill: COLOURS.axis, 'font-size': 11 }, pct(share)));
  }
  chart.intervals.forEach((interval, i) => {
    const x = left + slot * i + slot / 2;
    const bars: [number | null, string, string][] = [
      [interval.serviceLevel, COLOURS.actual, 'your shift'],
      [interval.serviceLevelOnTarget, COLOURS.onTarget, 'on target'],
    ];
    bars.forEach(([share, colour, name], j) => {
      if (share === null) return;
      const x0 = x - bar - 2 + j * (bar + 4);
      const rect = svg('rect', { x: x0, y: y(share), width: bar, height: Math.max(1, y(0) - y(share)), fill: colour, rx: 2 });
      rect.append(svg('title', {}, `${interval.label} ${name}: ${pct(share)}`));
      root.append(rect);
    });
    root.append(svg('line', { x1: x - bar - 8, x2: x + bar + 8, y1: y(interval.forecastServiceLevel), y2: y(interval.forecastServiceLevel), stroke: COLOURS.forecast, 'stroke-width': 3 }));
    root.append(svg('text', { x, y: height - 12, 'text-anchor': 'middle', fill: COLOURS.axis, 'font-size': 12 }, interval.label));
  });
  root.append(svg('line', { x1: left, x2: width - 4, y1: y(chart.target), y2: y(chart.target), stroke: COLOURS.target, 'stroke-width': 2, 'stroke-dasharray': '6 4' }));
  const key = (colour: string, label: string) => h('li', {}, h('span', { class: 'swatch', style: `background:${colour}` }), label);
  return h(
    'figure',
    { class: 'chart', 'data-testid': 'shift-chart' },
    root,
    h('ul', { class: 'legend' }, key(COLOURS.actual, 'Your shift (simulated)'), key(COLOURS.onTarget, 'Same shift, team on AHT and FCR target'), key(COLOURS.forecast, 'Erlang C forecast'), key(COLOURS.target, `Target ${pct(chart.target)}`)),
  );
}
