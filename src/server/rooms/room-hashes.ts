/** The hashes a room keeps instead of secrets and runs: SHA-256 of tokens, keys and tickets, and of a run's content. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RunLog } from '../../shared/call-events.ts';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The run's content, for counting the same run once per player (the seed and ids left out). */
export const runContentHash = (run: Pick<RunLog, 'scenarioHash' | 'events'>): string => sha256(`${run.scenarioHash}\n${JSON.stringify(run.events)}`);

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function matchesHash(secret: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
