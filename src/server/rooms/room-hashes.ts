/** The hashes a room keeps instead of secrets and runs: SHA-256 of tokens, keys and tickets, and of a run's content. */
import { hash, timingSafeEqual } from 'node:crypto';
import type { RunLog } from '../../shared/call-events.ts';

/** One-shot hashing: about a quarter of the cost of a `createHash` object for the short texts hashed here. */
export const sha256 = (text: string): string => hash('sha256', text, 'hex');

/** The run's content, for counting the same run once per player (the seed and ids left out). */
export const runContentHash = (run: Pick<RunLog, 'scenarioHash' | 'events'>, eventsJson = JSON.stringify(run.events)): string => sha256(`${run.scenarioHash}\n${eventsJson}`);

/**
 * A submitted run serialised once: its content hash and the JSON the store writes and the verdict
 * worker reads, both from one serialisation of the events (the longest part).
 */
export function serialisedRun(run: RunLog): { runHash: string; runJson: string } {
  const eventsJson = JSON.stringify(run.events);
  // Every field of the run but its events (the pace too: a live run replayed without it would be scored as untimed).
  const head = JSON.stringify({ scenarioId: run.scenarioId, scenarioHash: run.scenarioHash, seed: run.seed, ...(run.pace === undefined ? {} : { pace: run.pace }) });
  return { runHash: runContentHash(run, eventsJson), runJson: `${head.slice(0, -1)},"events":${eventsJson}}` };
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function matchesHash(secret: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
