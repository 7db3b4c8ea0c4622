/**
 * After a call: the run is already stored (see record-call.ts); this shows calibration, the
 * reflection form in the learner's own words, and the suggested goals. Resolves when the trainee
 * carries on.
 */
import { h, replaceChildren } from '../dom.ts';
import type { RunEntry } from '../../core/development/trainee-record.ts';
import { emptyReflection, reflectionEvidence } from '../../core/development/reflection.ts';
import { suggestInputFrom } from '../../core/development/suggest-input.ts';
import { emptyRecord } from '../../core/development/trainee-record.ts';
import { ensureStyles } from './styles.ts';
import { storeAccess, trySave } from './store-access.ts';
import { calibrationView } from './calibration-view.ts';
import { reflectionForm } from './reflection-form.ts';
import { goalSuggestions } from './goal-suggestions.ts';
import { storageNotices } from './notices.ts';
import { newId } from './record-call.ts';

export interface DevelopmentInput {
  /** The stored run (stored when the call ended, then with the rating). */
  readonly entry: RunEntry;
  /** A problem saving it, to show. */
  readonly saveProblem?: string | null;
}

export async function showDevelopment(root: HTMLElement, input: DevelopmentInput): Promise<void> {
  ensureStyles();
  const { store, warning } = await storeAccess();
  const now = new Date().toISOString();
  const loaded = await store.load().catch(() => null);
  const record = loaded?.record ?? { ...emptyRecord(), runs: [input.entry] };
  let entry: RunEntry = record.runs.find((r) => r.id === input.entry.id) ?? input.entry;
  const runs = record.runs.some((r) => r.id === entry.id) ? record.runs : [...record.runs, entry];

  return new Promise((resolve) => {
    const page = h('div', { class: 'dev', role: 'region', 'aria-labelledby': 'dev-after-title' },
      h('h1', { id: 'dev-after-title', tabindex: -1 }, `Your development: ${entry.scenarioTitle}`),
      storageNotices(warning, input.saveProblem ?? null, loaded?.quarantined.length ?? 0),
      (input.saveProblem ?? warning) === null ? h('p', { class: 'note', 'data-testid': 'run-stored' }, 'This call is saved in your development record.') : null,
      entry.rating === null ? h('p', { class: 'muted' }, 'You did not rate yourself on this call.') : calibrationView(entry, runs),
      reflectionForm(entry.reflection ?? emptyReflection(), reflectionEvidence(entry.scorecard, entry.scenarioTitle), async (reflection) => {
        entry = { ...entry, reflection };
        return trySave(() => store.saveRun(entry));
      }),
      h('div', { class: 'no-print' }, goalSuggestions(suggestInputFrom({ ...record, runs }, now), (goal) =>
        trySave(() => store.saveGoal({ goal: { ...goal, id: newId('goal') }, state: 'active', acceptedAt: new Date().toISOString(), reviews: [] })))),
      h('div', { class: 'actions' }, h('button', { type: 'button', 'data-testid': 'dev-continue', onclick: () => resolve() }, 'Continue')));
    replaceChildren(root, page);
    page.querySelector<HTMLElement>('h1')?.focus();
  });
}
