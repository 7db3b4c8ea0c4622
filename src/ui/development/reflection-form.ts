/** What? So what? Now what? — pre-filled from the run, editable, saved with the run. */
import { h } from '../dom.ts';
import { REFLECTION_PROMPTS, ReflectionSchema, type Reflection } from '../../core/development/reflection.ts';

export function reflectionForm(initial: Reflection, save: (r: Reflection) => Promise<string | null>): HTMLElement {
  const status = h('p', { role: 'status', class: 'muted' });
  const fields = (Object.keys(REFLECTION_PROMPTS) as (keyof Reflection)[]).map((key) => {
    const lines = initial[key].split('\n').reduce((n, line) => n + 1 + Math.floor(line.length / 90), 0);
    const area = h('textarea', { id: `dev-reflect-${key}`, name: key, rows: Math.min(12, Math.max(3, lines + 1)), 'aria-describedby': `dev-reflect-${key}-hint` });
    area.value = initial[key];
    return { key, area, nodes: [
      h('label', { class: 'block', for: `dev-reflect-${key}` }, REFLECTION_PROMPTS[key].label),
      h('p', { class: 'hint', id: `dev-reflect-${key}-hint` }, REFLECTION_PROMPTS[key].hint),
      area,
    ] };
  });
  const form = h('form', { 'aria-labelledby': 'dev-reflect-title' },
    h('h2', { id: 'dev-reflect-title' }, 'Reflect'),
    h('p', { class: 'muted' }, 'Filled in from your call. Put it in your own words — this goes into your portfolio.'),
    fields.flatMap((f) => f.nodes),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save reflection')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const reflection = ReflectionSchema.parse(Object.fromEntries(fields.map((f) => [f.key, f.area.value.trim()])));
    const problem = await save(reflection);
    status.textContent = problem ?? 'Reflection saved.';
    status.className = problem === null ? 'muted' : 'alert';
  });
  return form;
}
