/**
 * The scorecard after the call, exactly as the core's scoreRun computed it, told as one story: the
 * headline leads with a fatal breach or an unmet need, handle time is "within target" only on a call
 * brought to a proper close, and a fatal breach carries the same time as its key moment.
 */
import type { Scorecard } from '../shared/scorecard.ts';
import type { TranscriptTurn } from '../core/scoring/transcript.ts';
import { h } from './dom.ts';
import { FCR_LABELS, formatDuration, formatPercent, formatStars } from './format.ts';
import { callHeadline, fatalTimes, handleTimeVerdict } from '../core/development/call-story.ts';

export interface ResultsActions {
  readonly playAgain: () => void;
  readonly chooseAnother: () => void;
  readonly reflect: () => void;
  /** During a shift: back to the wallboard instead of playing again or choosing another call. */
  readonly continueShift?: () => void;
}

const BAND_WORDS: Readonly<Record<string, string>> = { green: '(green band: good)', amber: '(amber band: needs work)', red: '(red band: failing)' };

function ahtTable(card: Scorecard): HTMLElement {
  const row = (label: string, id: string, value: number) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', { 'data-testid': `aht-${id}` }, formatDuration(value)));
  return h('section', { class: 'panel', 'aria-labelledby': 'aht-title' },
    h('h2', { id: 'aht-title' }, 'Average handle time'),
    h('table', {}, h('tbody', {}, row('Talk', 'talk', card.aht.talk), card.aht.deadAir === undefined ? null : row('of which dead air', 'dead-air', card.aht.deadAir), row('Hold', 'hold', card.aht.hold), row('Wrap', 'wrap', card.aht.wrap), row('Total', 'total', card.aht.total), row('Target', 'target', card.aht.target))),
    ahtVerdict(card),
    h('p', { 'data-testid': 'pace', 'data-pace': card.pace ?? 'untimed' }, card.pace === 'live' ? 'Played at live pace: silence while deciding counted as dead air.' : 'Played untimed: only what was said and done took time.'));
}

function ahtVerdict(card: Scorecard): HTMLElement {
  const verdict = handleTimeVerdict(card);
  if (verdict.kind === 'within') return h('p', { class: 'good', 'data-testid': 'aht-verdict', 'data-verdict': 'within' }, 'Within target');
  if (verdict.kind === 'over') return h('p', { class: 'bad', 'data-testid': 'aht-verdict', 'data-verdict': 'over' }, `Over target by ${formatDuration(card.aht.total - card.aht.target)}`);
  return h('p', { 'data-testid': 'aht-verdict', 'data-verdict': 'not-judged' }, verdict.sentence);
}

function qaSection(card: Scorecard): HTMLElement {
  return h('section', { class: 'panel qa', 'aria-labelledby': 'qa-title' },
    h('h2', { id: 'qa-title' }, 'Quality assessment ', h('span', { class: `band ${card.qa.band}`, 'data-testid': 'qa-score' }, formatPercent(card.qa.score)), ' ', h('span', { class: `band-word ${card.qa.band}` }, BAND_WORDS[card.qa.band])),
    card.qa.score !== card.qa.raw ? h('p', {}, `Weighted score before fatal and critical rules: `, h('span', { 'data-testid': 'qa-raw' }, formatPercent(card.qa.raw))) : null,
    card.qa.fatal.length > 0 ? h('div', { class: 'fatal', 'data-testid': 'qa-fatal' }, h('h3', {}, 'Fatal compliance breach'), h('ul', {}, fatalTimes(card).map((f) => h('li', { 'data-code': f.code }, `${formatDuration(f.at)} — ${f.text}`)))) : null,
    card.qa.critical.length > 0 ? h('div', { class: 'critical', 'data-testid': 'qa-critical' }, h('h3', {}, 'Critical items missed'), h('ul', {}, card.qa.critical.map((c) => h('li', { 'data-id': c.id }, c.text)))) : null,
    card.qa.sections.map((s) => h('details', { class: 'qa-section' },
      h('summary', {}, `${s.label}: `, h('span', { 'data-testid': `qa-section-${s.id}` }, s.score === null ? 'n/a' : formatPercent(s.score))),
      h('ul', {}, s.items.map((i) => h('li', { class: `mark-${i.mark}${i.critical ? ' is-critical' : ''}` }, `${i.mark.toUpperCase()} — ${i.text}${i.critical ? ' (critical)' : ''}`))))));
}

function transcript(turns: readonly TranscriptTurn[]): HTMLElement {
  return h('section', { class: 'panel transcript', 'aria-labelledby': 'tr-title' },
    h('h2', { id: 'tr-title' }, 'Transcript'),
    h('ol', {}, turns.map((t) => h('li', { class: `turn ${t.speaker}` },
      h('span', { class: 'at' }, formatDuration(t.at)), ' ', t.speaker === 'agent' ? h('span', { class: 'speaker' }, 'You: ') : null, t.text,
      t.effects.length ? h('span', { class: 'effects' }, ` — ${t.effects.join('; ')}`) : null,
      t.trap ? h('p', { class: 'trap' }, `Trap: ${t.trap}`) : null,
      t.why ? h('p', { class: 'why' }, `Why it works: ${t.why}`) : null))));
}

export function resultsScreen(title: string, card: Scorecard, turns: readonly TranscriptTurn[], actions: ResultsActions, saveProblem: string | null = null): HTMLElement {
  const headline = callHeadline(card);
  return h('div', { class: 'screen results', 'data-screen': 'results' },
    h('header', {}, h('h1', {}, `Scorecard — ${title}`),
      h('p', { class: `headline ${headline.tone}`, 'data-testid': 'call-headline', 'data-tone': headline.tone }, headline.text),
      h('p', {}, h('span', { class: 'label' }, 'How the call ended: '), h('span', { 'data-testid': 'ending-summary' }, card.endingSummary)),
      h('p', { class: saveProblem === null ? 'hint' : 'bad', role: saveProblem === null ? null : 'alert', 'data-testid': 'run-saved' },
        saveProblem === null ? 'This call and your self-rating are saved in your development plan.' : `This call could not be saved to your development plan: ${saveProblem}`),
      h('div', { class: 'row' },
        actions.continueShift === undefined ? null : h('button', { type: 'button', class: 'action primary', 'data-testid': 'continue-shift', onclick: actions.continueShift }, 'Back to the shift'),
        actions.continueShift !== undefined ? null : h('button', { type: 'button', class: 'action primary', onclick: actions.playAgain }, 'Play again'),
        actions.continueShift !== undefined ? null : h('button', { type: 'button', class: 'action', onclick: actions.chooseAnother }, 'Choose another call'),
        h('button', { type: 'button', class: 'action', onclick: actions.reflect }, 'Reflect and set goals'))),
    h('div', { class: 'results-grid' },
      ahtTable(card),
      h('section', { class: 'panel', 'aria-labelledby': 'fcr-title' },
        h('h2', { id: 'fcr-title' }, 'First contact resolution'),
        h('p', {}, h('strong', {}, 'Agent level: '), h('span', { 'data-testid': 'fcr-value', 'data-value': card.fcr.value }, FCR_LABELS[card.fcr.value])), h('p', {}, card.fcr.reason),
        card.fcr.contact === undefined ? null : [
          h('p', {}, h('strong', {}, 'Contact level: '), h('span', { 'data-testid': 'fcr-contact', 'data-value': card.fcr.contact.value }, FCR_LABELS[card.fcr.contact.value])),
          h('p', {}, card.fcr.contact.reason),
          h('p', { class: 'hint' }, 'Agent level: you resolved it yourself on this call. Contact level: the customer’s need was met in this contact, counting a hand-over to the team that handles it.'),
        ]),
      h('section', { class: 'panel', 'aria-labelledby': 'csat-title' },
        h('h2', { id: 'csat-title' }, 'Predicted customer satisfaction (CSAT)'),
        h('p', { class: 'hint' }, 'A prediction from the outcome, the customer’s mood and the effort they were put to, not a survey answer.'),
        h('p', { class: 'stars' }, h('span', { 'aria-hidden': 'true', 'data-testid': 'csat-stars', 'data-value': card.csat.stars }, formatStars(card.csat.stars)), h('span', { class: 'visually-hidden' }, `${card.csat.stars} out of 5 stars`)),
        h('blockquote', { 'data-testid': 'csat-comment' }, `“${card.csat.comment}”`), h('p', {}, card.csat.why)),
      qaSection(card),
      h('section', { class: 'panel', 'aria-labelledby': 'km-title' },
        h('h2', { id: 'km-title' }, 'Key moments'),
        h('ol', { 'data-testid': 'key-moments' }, card.keyMoments.map((m) => h('li', { class: m.impact < 0 ? 'bad' : 'good' }, h('span', { class: 'at' }, formatDuration(m.at)), ' ', h('span', { class: 'moment-kind' }, m.impact < 0 ? 'Cost you: ' : 'Helped: '), m.text)))),
      transcript(turns)));
}
