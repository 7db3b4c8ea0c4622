/**
 * Writes that go to PostgreSQL in groups: whatever arrives while the previous group is being
 * written goes in the next one, written by one call (one statement: one round trip, one commit, one
 * note). One group is in flight at a time; writes arriving in the same turn of the event loop share
 * a group. A group is cut where its checker (a fresh one per group) refuses the next write.
 */
import { pgTimings as timings } from './postgres-timings.ts';

interface Waiting<T, A> {
  readonly item: T;
  /** When it arrived (timings only). */
  readonly at: number;
  readonly done: (answer: A) => void;
  readonly fail: (error: unknown) => void;
}

export interface WriteGroups<T, A> {
  /** Resolves with this write's answer once its group is committed (or fails with the group). */
  add(item: T): Promise<A>;
  /** Starts writing whatever waits (before the pool closes). */
  flush(): void;
}

/**
 * `write` gets a group and gives one answer per write, in order (an Error answer fails that write
 * alone). `newGroup()` gives a checker that takes the group's writes one by one and says whether
 * each still fits (the first always goes in). `stage` names the timings (`<stage> wait`, `size`, `write`).
 */
export function writeGroups<T, A>(write: (group: readonly T[]) => Promise<(A | Error)[]>, newGroup: () => (next: T) => boolean, stage: string): WriteGroups<T, A> {
  let waiting: Waiting<T, A>[] = [];
  let writing = false;
  let scheduled = false;

  function take(): Waiting<T, A>[] {
    const fits = newGroup();
    let n = 0;
    while (n < waiting.length && (fits(waiting[n]!.item) || n === 0)) n++;
    const group = waiting.slice(0, n);
    waiting = waiting.slice(n);
    return group;
  }

  const next = (): void => {
    scheduled = false;
    if (writing || waiting.length === 0) return;
    const group = take();
    writing = true;
    if (timings.on) {
      const now = timings.now();
      for (const w of group) timings.add(`${stage} wait`, now - w.at);
      timings.add(`${stage} size`, group.length);
    }
    const start = timings.now();
    write(group.map((w) => w.item))
      .then(
        (answers) => group.forEach((w, i) => (answers[i] instanceof Error ? w.fail(answers[i]) : w.done(answers[i] as A))),
        (error: unknown) => group.forEach((w) => w.fail(error)),
      )
      .finally(() => {
        timings.add(`${stage} write`, timings.now() - start);
        writing = false;
        next();
      });
  };

  return {
    add(item) {
      return new Promise<A>((done, fail) => {
        waiting.push({ item, at: timings.now(), done, fail });
        if (writing || scheduled) return;
        scheduled = true;
        setImmediate(next);
      });
    },
    flush: next,
  };
}
