/** Shows a reflection with the facts the game wrote marked as such, in words as well as style (so print and screen readers keep it). */
import { h } from '../dom.ts';
import { REFLECTION_KEYS, REFLECTION_PROMPTS, isBlank, markGameText, type Reflection } from '../../core/development/reflection.ts';

export function markedText(text: string, inserted: readonly string[]): (HTMLElement | string)[] {
  return markGameText(text, inserted).map((part) => (part.game
    ? h('span', { class: 'game-text', 'data-game-text': '' }, h('span', { class: 'tag' }, '[From the game]'), part.text)
    : part.text));
}

/** The three prompts with the trainee's answers; null when there is no reflection. */
export function reflectionView(reflection: Reflection | null): HTMLElement[] {
  if (reflection === null || isBlank(reflection)) return [h('p', { class: 'muted' }, 'No reflection written yet.')];
  const nodes: (HTMLElement | null)[] = [
    reflection.prefilled === true
      ? h('p', { class: 'caution', 'data-testid': 'prefilled-note' }, 'Written with an earlier version of the game, which filled these boxes in from the call: some of these words may be the game’s, not the learner’s.')
      : null,
    ...REFLECTION_KEYS.map((k) => h('div', {},
      h('h4', {}, REFLECTION_PROMPTS[k].label),
      h('p', { class: 'pre' }, reflection[k].trim() === '' ? '—' : markedText(reflection[k], reflection.inserted)))),
  ];
  return nodes.filter((x): x is HTMLElement => x !== null);
}
