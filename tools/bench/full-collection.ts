/**
 * A full garbage collection on demand, for benchmarks that give every engine the same clean heap
 * before a timed build (as mitata and tinybench do). Node only offers `gc()` under `--expose-gc`;
 * the flag is switched on here and the function fetched from a fresh context, so the npm scripts
 * need no extra node flags.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collects all garbage, young and old, before returning. */
export function fullCollection(): void {
  gc();
}
