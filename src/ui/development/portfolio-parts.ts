/** The portfolio's framing pages: cover with the learner's details, contents, criteria key, declaration and sign-off. */
import { h } from '../dom.ts';
import { QUALIFICATION, UNIT_TITLE, criteriaKey, criteriaText, ENTRY_CRITERIA } from '../../core/development/criteria.ts';
import { learnerGaps, type Learner } from '../../core/development/learner.ts';

export const SIMULATED_LINE = 'All call evidence in this portfolio comes from simulated practice calls in the Hold the Line training game, not from live customer contacts.';

export function cover(learner: Learner, period: string, generated: string): HTMLElement {
  const gaps = learnerGaps(learner);
  const row = (label: string, value: string, id: string) => [h('dt', {}, label), h('dd', { 'data-testid': id }, value === '' ? '— not given —' : value)];
  return h('section', { class: 'report-part', 'aria-labelledby': 'pf-cover-title' },
    h('h2', { id: 'pf-cover-title' }, 'Learner and unit'),
    h('dl', { class: 'smart' },
      row('Learner', learner.name, 'pf-learner-name'),
      row('Centre', learner.centre, 'pf-learner-centre'),
      row('Learner number', learner.learnerNumber, 'pf-learner-number'),
      row('Qualification', QUALIFICATION, 'pf-qualification'),
      row('Unit', UNIT_TITLE, 'pf-unit'),
      row('Evidence period', period, 'pf-period'),
      row('Generated', generated, 'pf-generated')),
    h('p', { class: 'note', 'data-testid': 'pf-simulated' }, SIMULATED_LINE),
    gaps === null ? null : h('p', { class: 'caution no-print' }, gaps));
}

export interface ContentsItem { readonly id: string; readonly title: string; readonly children?: readonly ContentsItem[] }

export function contents(items: readonly ContentsItem[]): HTMLElement {
  const list = (xs: readonly ContentsItem[]): HTMLOListElement => h('ol', {}, xs.map((i) => h('li', {}, h('a', { href: `#${i.id}` }, i.title),
    i.children === undefined || i.children.length === 0 ? null : list(i.children))));
  return h('nav', { class: 'report-part contents', 'aria-labelledby': 'pf-contents-title' },
    h('h2', { id: 'pf-contents-title' }, 'Contents'),
    list(items));
}

const KIND_WORDS = Object.freeze({ call: 'Each call and its self-assessment', shift: 'Each practice session (shift)', reflection: 'Each reflection', goal: 'Each goal', review: 'Each goal review', feedback: 'Feedback received', calibration: 'Self-assessment accuracy over time' } as const);

export function criteriaSection(): HTMLElement {
  return h('section', { class: 'report-part', id: 'pf-criteria', 'aria-labelledby': 'pf-criteria-title' },
    h('h2', { id: 'pf-criteria-title' }, 'Criteria key'),
    h('p', {}, `Each entry names the learning outcomes (LO) and assessment criteria (AC) of the unit “${UNIT_TITLE}” it is evidence for.`),
    h('table', {}, h('caption', { class: 'muted' }, 'The unit’s references'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Ref'), h('th', { scope: 'col' }, 'What it asks'))),
      h('tbody', {}, criteriaKey().map((c) => h('tr', {}, h('th', { scope: 'row' }, c.key), h('td', {}, c.text))))),
    h('table', {}, h('caption', { class: 'muted' }, 'Which entries are evidence for which references'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Entry'), h('th', { scope: 'col' }, 'References'))),
      h('tbody', {}, (Object.keys(ENTRY_CRITERIA) as (keyof typeof ENTRY_CRITERIA)[]).map((k) => h('tr', {}, h('th', { scope: 'row' }, KIND_WORDS[k]), h('td', {}, criteriaText(k)))))));
}

export function declaration(learner: Learner): HTMLElement {
  return h('section', { class: 'report-part new-page', id: 'pf-declaration', 'aria-labelledby': 'pf-declaration-title' },
    h('h2', { id: 'pf-declaration-title' }, 'Declaration of own work'),
    h('p', { 'data-testid': 'pf-declaration' }, `I, ${learner.name === '' ? '(learner name)' : learner.name}, declare that the self-ratings, notes, reflections, goals and reviews in this portfolio are my own work. Text marked “[From the game]” was written by the game from my calls and inserted by me as evidence. ${SIMULATED_LINE}`),
    h('div', { class: 'sign-row' },
      h('div', {}, h('p', { class: 'muted' }, 'Learner signature'), h('div', { class: 'sign-box' })),
      h('div', {}, h('p', { class: 'muted' }, 'Name'), h('div', { class: 'sign-box' }, learner.name)),
      h('div', {}, h('p', { class: 'muted' }, 'Date'), h('div', { class: 'sign-box' }))));
}

export function signOff(): HTMLElement {
  const person = (role: string, id: string) => h('div', { class: 'card', 'data-testid': id },
    h('h3', {}, `${role} comments`),
    h('div', { class: 'sign-box' }),
    h('p', {}, 'Outcome: ☐ meets the criteria referenced   ☐ not yet — further evidence needed'),
    h('div', { class: 'sign-row' },
      h('div', {}, h('p', { class: 'muted' }, `${role} name`), h('div', { class: 'sign-box' })),
      h('div', {}, h('p', { class: 'muted' }, 'Signature'), h('div', { class: 'sign-box' })),
      h('div', {}, h('p', { class: 'muted' }, 'Date'), h('div', { class: 'sign-box' }))));
  return h('section', { class: 'report-part new-page', id: 'pf-signoff', 'aria-labelledby': 'pf-signoff-title' },
    h('h2', { id: 'pf-signoff-title' }, 'Trainer and assessor comments and sign-off'),
    h('p', { class: 'muted' }, 'To be completed by hand on the printed copy, or on the PDF.'),
    person('Trainer', 'pf-trainer'),
    person('Assessor', 'pf-assessor'));
}
