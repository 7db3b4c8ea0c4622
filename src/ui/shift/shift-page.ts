/** Entry for shift.html: the trainer's queue calculator and a preview of a solo shift. */
import '../styles.css';
import './shift.css';
import { h } from '../dom.ts';
import { renderCalculator } from './calculator-view.ts';
import { renderShiftPreview } from './shift-preview-view.ts';

// Only the file names are read (the scenario ids); the files' text is never loaded here.
const LIBRARY = Object.keys(import.meta.glob('/scenarios/*.{yaml,yml}', { query: '?url', import: 'default' }))
  .map((path) => path.replace(/^.*\//, '').replace(/\.ya?ml$/, ''))
  .sort();

const root = document.getElementById('app');
if (root !== null) {
  root.append(
    h('header', { class: 'topbar' }, h('a', { class: 'brand', href: './' }, 'Hold the Line'), h('span', { class: 'hint' }, 'For trainers: queue maths and shift mode')),
    h(
      'main',
      { class: 'screen shift-page' },
      h('h1', {}, 'Team targets and the queue'),
      renderCalculator(),
      renderShiftPreview(LIBRARY.length > 0 ? LIBRARY : ['sample-call']),
    ),
  );
}
