/** Rate yourself first: five areas on the QA scale, before the scorecard is revealed. */
import { h, replaceChildren } from '../dom.ts';
import { AREA_KEYS, RATING_SCALE, SELF_RATING_AREAS } from '../../core/development/areas.ts';
import { SelfRatingSchema, type SelfRating } from '../../core/development/self-rating.ts';
import { ensureStyles } from './styles.ts';

export function rateYourself(root: HTMLElement, input: { scenarioTitle: string }): Promise<SelfRating> {
  ensureStyles();
  return new Promise((resolve) => {
    const error = h('div', { role: 'alert', class: 'alert', hidden: true });
    const groups = AREA_KEYS.map((area) =>
      h('fieldset', { 'data-area': area, 'aria-describedby': `hint-${area}` },
        h('legend', {}, SELF_RATING_AREAS[area].label),
        h('p', { class: 'hint', id: `hint-${area}` }, SELF_RATING_AREAS[area].prompt),
        h('div', { class: 'scale' },
          RATING_SCALE.map((step) =>
            h('label', { title: step.label },
              h('input', { type: 'radio', name: `rate-${area}`, value: step.rating, 'aria-label': `${SELF_RATING_AREAS[area].label}: ${step.rating}, ${step.label}` }),
              h('span', {}, `${step.rating} ${step.label}`))))));
    const wentWell = h('textarea', { id: 'dev-went-well', name: 'wentWell' });
    const toImprove = h('textarea', { id: 'dev-to-improve', name: 'toImprove', 'aria-describedby': 'dev-to-improve-hint' });
    const form = h('form', { class: 'dev', 'aria-labelledby': 'dev-rate-title', novalidate: true },
      h('h1', { id: 'dev-rate-title' }, 'Rate yourself first'),
      h('p', { class: 'lead' }, `Before you see the scorecard for “${input.scenarioTitle}”, score yourself 1-5 on each area the QA assessor marks. Then compare.`),
      ...groups,
      h('label', { class: 'block', for: 'dev-went-well' }, 'What went well (optional)'), wentWell,
      h('label', { class: 'block', for: 'dev-to-improve' }, 'What I would improve (optional)'),
      h('p', { class: 'hint', id: 'dev-to-improve-hint' }, 'In your own words. A goal can be suggested from it, labelled as coming from your note.'), toImprove,
      error,
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show my scorecard')));
    form.addEventListener('change', () => {
      if (!error.hidden && AREA_KEYS.every((a) => form.querySelector(`input[name="rate-${a}"]:checked`) !== null)) error.hidden = true;
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const missing: string[] = [];
      const ratings = Object.fromEntries(AREA_KEYS.map((area) => {
        const checked = form.querySelector<HTMLInputElement>(`input[name="rate-${area}"]:checked`);
        if (checked === null) missing.push(SELF_RATING_AREAS[area].label);
        return [area, Number(checked?.value ?? 0)];
      }));
      if (missing.length > 0) {
        error.hidden = false;
        error.textContent = `Rate every area before you see the scorecard. Still to rate: ${missing.join(', ')}.`;
        form.querySelector<HTMLInputElement>(`fieldset input[name="rate-${AREA_KEYS.find((a) => missing.includes(SELF_RATING_AREAS[a].label))}"]`)?.focus();
        return;
      }
      const parsed = SelfRatingSchema.safeParse({ ratings, wentWell: wentWell.value.trim(), toImprove: toImprove.value.trim(), at: new Date().toISOString() });
      if (!parsed.success) {
        error.hidden = false;
        error.textContent = parsed.error.issues.map((i) => i.message).join('; ');
        return;
      }
      resolve(parsed.data);
    });
    replaceChildren(root, form);
    // The heading first, so the explanation is read before the first rating.
    const heading = form.querySelector<HTMLElement>('h1')!;
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  });
}
