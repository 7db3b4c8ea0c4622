/**
 * The order the trainee is shown things in: drawn from the run's seed, so that no position gives
 * an answer away, yet the same run always shows the same order (resume, replay, review).
 */
import { mulberry32 } from '../seeded-random.ts';

/** A 32-bit hash of a seed and a key (FNV-1a, then a final mix). */
export function seedFor(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

export type Pin = 'first' | 'last' | undefined;

/**
 * `items` in an order drawn from (seed, key): a Fisher-Yates shuffle, with items pinned first or
 * last kept at that end in their file order.
 */
export function seededOrder<T>(items: readonly T[], seed: number, key: string, pinOf?: (item: T) => Pin): T[] {
  const first: T[] = [];
  const last: T[] = [];
  // Without pins every item is free: one copy, no sorting into three lists.
  let free: T[];
  if (pinOf === undefined) free = items.slice();
  else {
    free = [];
    for (const item of items) {
      const pin = pinOf(item);
      if (pin === 'first') first.push(item);
      else if (pin === 'last') last.push(item);
      else if (pin === undefined) free.push(item);
    }
  }
  const random = mulberry32(seedFor(seed, key));
  for (let i = free.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const swap = free[i]!;
    free[i] = free[j]!;
    free[j] = swap;
  }
  return first.length === 0 && last.length === 0 ? free : [...first, ...free, ...last];
}
