/**
 * The browser's development storage (the port in core/ports/development-store.ts): IndexedDB,
 * loaded on first use; when the browser refuses it, memory with the clear message shown on every
 * screen (never silently). Learner details stay in localStorage.
 */
import type { DevelopmentStorage, StoreAccess } from '../core/ports/development-store.ts';
import { storageProblem } from './development-errors.ts';
import { loadLearner, saveLearner } from './learner-profile.ts';
import { loadEarnedBadges, recordEarnedBadges } from './career-badges.ts';
import type { Learner } from '../core/development/learner.ts';

async function openBrowserRecord(): Promise<StoreAccess> {
  const { IndexedDbDevelopmentStore } = await import('./development-store.ts');
  try {
    return { store: await IndexedDbDevelopmentStore.open(), warning: null };
  } catch (error) {
    const { MemoryDevelopmentStore } = await import('./development-memory.ts');
    return { store: new MemoryDevelopmentStore(), warning: storageProblem(error).message };
  }
}

export const BROWSER_DEVELOPMENT_STORAGE: DevelopmentStorage = Object.freeze({
  open: openBrowserRecord,
  problemMessage: (error: unknown) => storageProblem(error).message,
  loadLearner: () => loadLearner(),
  saveLearner: (learner: Learner) => saveLearner(learner),
  loadEarnedBadges: () => loadEarnedBadges(),
  recordEarnedBadges: (skills: readonly string[], now: string) => recordEarnedBadges(skills, now),
});
