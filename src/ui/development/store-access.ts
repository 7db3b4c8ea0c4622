/**
 * The screens' one way to the trainee's record: opens IndexedDB once, and when the browser refuses
 * it, falls back to memory with the clear message shown on every screen (never silently).
 */
import { IndexedDbDevelopmentStore, type DevelopmentStore } from '../../storage/development-store.ts';
import { MemoryDevelopmentStore } from '../../storage/development-memory.ts';
import { StorageProblem, storageProblem } from '../../storage/development-errors.ts';

export interface StoreAccess {
  readonly store: DevelopmentStore;
  /** The message to show when saving for good is not possible, else null. */
  readonly warning: string | null;
}

let access: Promise<StoreAccess> | null = null;

export function storeAccess(): Promise<StoreAccess> {
  access ??= IndexedDbDevelopmentStore.open()
    .then((store): StoreAccess => ({ store, warning: null }))
    .catch((error: unknown): StoreAccess => ({ store: new MemoryDevelopmentStore(), warning: storageProblem(error).message }));
  return access;
}

/** Runs a save; a failure becomes the problem's clear message (returned, for the screen to show). */
export async function trySave(action: () => Promise<void>): Promise<string | null> {
  try {
    await action();
    return null;
  } catch (error) {
    return (error instanceof StorageProblem ? error : storageProblem(error)).message;
  }
}
