/**
 * After a call: stores the run with the trainee's rating, then shows calibration, the reflection
 * form and the suggested goals. Resolves when the trainee carries on.
 */
import { h, replaceChildren } from '../dom.ts';
import type { RunLog } from '../../shared/call-events.ts';
import type { Scorecard } from '../../shared/scorecard.ts';
import type { SelfRating } from '../../core/development/self-rating.ts';
import type { RunEntry } from '../../core/development/trainee-record.ts';
import { prefillReflection } from '../../core/development/reflection.ts';
import { suggestGoals } from '../../core/development/suggest-goals.ts';
import { ensureStyles } from './styles.ts';
import { storeAccess, trySave } from './store-access.ts';
import { calibrationView } from './calibration-view.ts';
import { reflectionForm } from './reflection-form.ts';
import { suggestedGoalCard } from './goal-editor.ts';
import { storageNotices } from './notices.ts';

export interface DevelopmentInput {
  readonly run: RunLog;
  readonly scorecard: Scorecard;
  readonly scenarioTitle: string;
  readonly rating: SelfRating;
}

const newId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export async function showDevelopment(root: HTMLElement, input: DevelopmentInput): Promise<void> {
  ensureStyles();
  const { store, warning } = await storeAccess();
  const now = new Date().toISOString();
  let entry: RunEntry = {
    id: newId('run'), at: now, scenarioTitle: input.scenarioTitle, run: input.run, scorecard: input.scorecard,
    rating: input.rating, reflection: prefillReflection(input.scorecard, input.scenarioTitle),
  };
  const saveProblem = await trySave(() => store.saveRun(entry));
  const loaded = await store.load().catch(() => null);
  const runs = loaded?.record.runs ?? [entry];
  const active = (loaded?.record.goals ?? []).filter((g) => g.state === 'active');
  const suggestions = suggestGoals({ cards: runs.map((r) => r.scorecard), activeAreas: active.map((g) => g.goal.area), now });

  return new Promise((resolve) => {
    const goals = suggestions.length === 0
      ? [h('p', {}, 'No new goal to suggest: every measured area over your recent calls is in the green band, or already has a goal in your plan.')]
      : suggestions.map((s, i) => suggestedGoalCard(s.goal, s.why, i, async (d) => {
        if (d.kind === 'dismissed') return null;
        return trySave(() => store.saveGoal({ goal: { ...d.goal, id: newId('goal') }, state: 'active', acceptedAt: new Date().toISOString(), reviews: [] }));
      }));
    const page = h('main', { class: 'dev', 'aria-labelledby': 'dev-after-title' },
      h('h1', { id: 'dev-after-title', tabindex: -1 }, `Your development: ${input.scenarioTitle}`),
      storageNotices(warning, saveProblem, loaded?.quarantined.length ?? 0),
      calibrationView(entry, runs),
      reflectionForm(entry.reflection!, async (reflection) => {
        entry = { ...entry, reflection };
        return trySave(() => store.saveRun(entry));
      }),
      h('section', { 'aria-labelledby': 'dev-goals-title' },
        h('h2', { id: 'dev-goals-title' }, 'Suggested goals'),
        h('p', { class: 'muted' }, `From your weakest measured areas over ${runs.length === 1 ? 'this call' : `your last ${Math.min(runs.length, 5)} calls`}. Accept, edit or dismiss each.`),
        goals),
      h('div', { class: 'actions' }, h('button', { type: 'button', 'data-testid': 'dev-continue', onclick: () => resolve() }, 'Continue')));
    replaceChildren(root, page);
    page.querySelector<HTMLElement>('h1')?.focus();
  });
}
