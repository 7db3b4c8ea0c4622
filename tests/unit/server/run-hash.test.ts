/** A submitted run is serialised once for its hash, the store and the verdict worker: the JSON must be the run itself. */
import { describe, expect, it } from 'vitest';
import { runContentHash, serialisedRun } from '../../../src/server/rooms/room-hashes.ts';
import { submission } from './room-harness.ts';

describe('a run serialised once', () => {
  it('reads back as the same run, with the content hash the room dedupes on', () => {
    const { run } = submission('best', undefined, { ticket: 'T'.repeat(40) as never, seed: 123456 });
    const { runHash, runJson } = serialisedRun(run);
    expect(JSON.parse(runJson)).toEqual(run);
    expect(runHash).toBe(runContentHash(run));
  });
  it('keeps a live run’s pace (a replay from the JSON scores it at live pace)', () => {
    const { run } = submission('best');
    const live = { ...run, pace: 'live' as const };
    expect(JSON.parse(serialisedRun(live).runJson)).toEqual(live);
  });
  it('the seed is not part of the content: the same moves on another seed hash the same', () => {
    const { run } = submission('best');
    expect(serialisedRun({ ...run, seed: 1 }).runHash).toBe(serialisedRun({ ...run, seed: 2 }).runHash);
    expect(serialisedRun({ ...run, seed: 1 }).runJson).not.toBe(serialisedRun({ ...run, seed: 2 }).runJson);
  });
});
