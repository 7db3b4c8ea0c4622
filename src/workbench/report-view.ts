/**
 * The path report beside the map: ways through the call, best and worst handle time against the
 * target, the CSAT and QA a trainee can get, the endings, and how the four surface strategies
 * (always first, longest, shortest, random) fare — the checker's own figures, in words.
 */
import type { PathReport } from '../scenario/analyse.ts';
import type { StrategyResult } from '../scenario/surface-strategies.ts';
import { MAX_GOOD_SHARE, MAX_MEAN_QA } from '../scenario/surface-strategies.ts';
import { h, replaceChildren } from '../ui/dom.ts';

function span(value: { best: number; worst: number } | null, unit: string): string {
  return value === null ? 'not found' : `${value.worst}${unit} worst – ${value.best}${unit} best`;
}

export function renderReport(holder: HTMLElement, report: PathReport | null, strategies: readonly StrategyResult[], ms: number): void {
  if (report === null) {
    replaceChildren(holder, h('p', { class: 'hint' }, 'The report appears when the call has no errors.'));
    return;
  }
  const worstAht = report.aht.worst === null ? 'unbounded (a loop takes time)' : `${report.aht.worst} s`;
  const paths = report.paths === null ? 'endless (the call loops)' : report.paths.toLocaleString('en-GB');
  replaceChildren(holder,
    h('dl', { class: 'facts', 'data-testid': 'path-report' },
      h('dt', {}, 'Ways through'), h('dd', {}, paths),
      h('dt', {}, 'Handle time'), h('dd', {}, `${report.aht.best} s best – ${worstAht} worst (target ${report.aht.target} s)`),
      h('dt', {}, 'CSAT'), h('dd', {}, span(report.csat, '★')),
      h('dt', {}, 'QA'), h('dd', {}, span(report.qa, '')),
      h('dt', {}, 'Endings'), h('dd', {}, `${report.endings.join(', ')} (outcomes: ${report.outcomes.join(', ')})`)),
    h('h3', {}, 'A trainee who plays without judgement'),
    h('table', { class: 'wb-strategies' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Always picks'), h('th', { scope: 'col' }, 'Good calls'), h('th', { scope: 'col' }, 'Mean QA'))),
      h('tbody', {}, strategies.map((s) => {
        const tooEasy = s.good > MAX_GOOD_SHARE || s.meanQa > MAX_MEAN_QA;
        return h('tr', { class: tooEasy ? 'too-easy' : '' },
          h('th', { scope: 'row' }, s.strategy), h('td', {}, `${Math.round(s.good * 100)} %${tooEasy ? ' ⚠' : ''}`), h('td', {}, s.meanQa.toFixed(0)));
      }))),
    h('p', { class: 'hint' }, `Over ${report.scoredRuns.toLocaleString('en-GB')} scored runs; worked out in ${Math.round(ms)} ms. A surface strategy should make a good call at most ${MAX_GOOD_SHARE * 100} % of the time.`),
  );
}
