/**
 * What? So what? Now what? — empty boxes for the learner's own words, with the call's facts offered
 * beside them as evidence: "Insert" puts a fact into the box last written in, where it can be
 * edited. The facts still there word for word are saved as the game's, to be marked in the plan and
 * the portfolio.
 */
import { h } from '../dom.ts';
import { REFLECTION_KEYS, REFLECTION_PROMPTS, ReflectionSchema, type EvidenceFact, type Reflection, type ReflectionKey } from '../../core/development/reflection.ts';

export function reflectionForm(initial: Reflection, evidence: readonly EvidenceFact[], save: (r: Reflection) => Promise<string | null>): HTMLElement {
  const status = h('p', { role: 'status', class: 'muted' });
  const inserted = new Set(initial.inserted);
  const areas = new Map<ReflectionKey, HTMLTextAreaElement>();
  let lastFocused: ReflectionKey = 'what';
  const fields = REFLECTION_KEYS.map((key) => {
    const area = h('textarea', { id: `dev-reflect-${key}`, name: key, rows: 4, 'aria-describedby': `dev-reflect-${key}-hint` });
    area.value = initial[key];
    area.addEventListener('focus', () => { lastFocused = key; });
    areas.set(key, area);
    return h('div', { class: 'reflect-field' },
      h('label', { class: 'block', for: `dev-reflect-${key}` }, REFLECTION_PROMPTS[key].label),
      h('p', { class: 'hint', id: `dev-reflect-${key}-hint` }, REFLECTION_PROMPTS[key].hint),
      area);
  });
  const insert = (fact: EvidenceFact) => (): void => {
    const area = areas.get(lastFocused)!;
    const at = area.selectionStart ?? area.value.length;
    const before = area.value.slice(0, at);
    const after = area.value.slice(at);
    const lead = before === '' || before.endsWith('\n') ? '' : '\n';
    area.value = `${before}${lead}${fact.text}\n${after}`;
    inserted.add(fact.text);
    area.focus();
    const caret = before.length + lead.length + fact.text.length + 1;
    area.setSelectionRange(caret, caret);
    status.className = 'muted';
    status.textContent = `Inserted into ${REFLECTION_PROMPTS[lastFocused].label} — it is marked as the game’s words until you rewrite it.`;
  };
  const form = h('form', { 'aria-labelledby': 'dev-reflect-title' },
    h('h2', { id: 'dev-reflect-title' }, 'Reflect in your own words'),
    h('p', { class: 'muted' }, 'This goes into your portfolio as your reflective account. The boxes start empty: write what you think. You may insert facts from the call as evidence; anything you insert and leave unchanged is marked as written by the game.'),
    fields,
    h('details', { class: 'card no-print', open: true },
      h('summary', {}, 'Facts from this call you can insert as evidence'),
      h('p', { class: 'hint' }, 'Each goes into the box you were last writing in (What? to start with).'),
      h('ul', { class: 'evidence-list', 'data-testid': 'evidence-list' }, evidence.map((fact) =>
        h('li', {}, h('button', { type: 'button', class: 'secondary small', 'aria-label': `Insert as evidence: ${fact.text}`, onclick: insert(fact) }, 'Insert'), h('span', {}, fact.text))))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save reflection')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const texts = Object.fromEntries(REFLECTION_KEYS.map((k) => [k, areas.get(k)!.value.trim()])) as Record<ReflectionKey, string>;
    const stillThere = [...inserted].filter((fact) => REFLECTION_KEYS.some((k) => texts[k].includes(fact)));
    const reflection = ReflectionSchema.parse({ ...texts, inserted: stillThere, ...(initial.prefilled === true ? { prefilled: true } : {}) });
    const problem = await save(reflection);
    status.textContent = problem ?? 'Reflection saved.';
    status.className = problem === null ? 'muted' : 'alert';
  });
  return form;
}
