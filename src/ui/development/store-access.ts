/**
 * The development screens' one way to the trainee's record and learner details: the storage port
 * that the page's entry wires in (`wireDevelopmentStorage`), opened once per page.
 */
import type { DevelopmentStorage, StoreAccess } from '../../core/ports/development-store.ts';
import type { Learner } from '../../core/development/learner.ts';

export type { StoreAccess };

let storage: DevelopmentStorage | null = null;
let access: Promise<StoreAccess> | null = null;

/** Called once by the page's entry (main.ts, a test page) before any development screen opens. */
export function wireDevelopmentStorage(wired: DevelopmentStorage): void {
  storage = wired;
  access = null;
}

function wiredStorage(): DevelopmentStorage {
  if (storage === null) throw new Error('No development storage is wired: the page entry must call wireDevelopmentStorage() first.');
  return storage;
}

export function storeAccess(): Promise<StoreAccess> {
  access ??= wiredStorage().open();
  return access;
}

/** Runs a save; a failure becomes the problem's clear message (returned, for the screen to show). */
export async function trySave(action: () => Promise<void>): Promise<string | null> {
  try {
    await action();
    return null;
  } catch (error) {
    return wiredStorage().problemMessage(error);
  }
}

export const loadLearner = (): Learner => wiredStorage().loadLearner();
export const saveLearner = (learner: Learner): void => wiredStorage().saveLearner(learner);
export const loadEarnedBadges = (): Readonly<Record<string, string>> => wiredStorage().loadEarnedBadges();
export const recordEarnedBadges = (skills: readonly string[], now: string): Readonly<Record<string, string>> => wiredStorage().recordEarnedBadges(skills, now);
