/**
 * `npm run scenarios:check [files…]`: checks scenario files the way the game loads them, prints
 * every problem as `file:line:col CODE message (hint)`, then a one-line path report for each
 * valid call. Exits 1 when any file has an error.
 *
 * With `--parallel` and more than one file, a worker thread checks files beside the main thread
 * (each takes the next unclaimed file); the output is printed in file order either way. It is not
 * the default: measured cold on the 2-core machine, with other work on it, the worker's second
 * copy of the modules (and its own warm-up) cost more than it saved (see the walks report); run
 * from the bundle (npm run scenarios:check), median of 5 interleaved, one thread took 2.13 s wall
 * and 3.46 s CPU, two threads 2.55 s and 4.64 s. Measured again after the walks and strategies
 * lost their per-step allocations (5 interleaved, cold, machine shared): one thread 2.37-2.75 s
 * wall and 3.9-4.4 s CPU, two threads 3.23-3.48 s wall and 5.9-6.4 s CPU. And once the launcher
 * raised V8's interrupt budget (9 interleaved, cold, machine quiet): one thread 1.24 s median
 * (1.22-1.39) and 1.60 s CPU, two threads 1.29 s (1.26-1.36) and 2.20 s CPU. A second thread that
 * played only the surface strategies, from each call's validated data, while this one loaded and
 * walked the files (tried, not kept) did no better: 1.58 s against 1.45 s for one thread (7
 * interleaved, machine busier), 2.69 s CPU against 1.90 s; it spent as long starting and warming up
 * as it saved.
 *
 * Each file's result is kept in a cache (tools/scenarios-check-cache.ts) and printed from it while
 * the file, kb/, the checker's bundle and the Node version are as they were; `--no-cache` checks
 * every file afresh. The report is the same either way, bar the run's time.
 *
 * With `--timings`, where this thread's time went is written to stderr (see `startTimings`),
 * with how many files came from the cache.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { ROOT, scenarioFiles } from './scenario-files.ts';
import { startWorker } from '../src/server/worker-boot.ts';
import type { FileCheck } from './check-scenario-file.ts';
import type { CheckJob, CheckWorkerData, CheckWorkerMessage } from './scenarios-check-worker.ts';
import { libraryDigest, ResultCache } from './scenarios-check-cache.ts';
import type { LibraryResult } from '../src/scenario/load-library.ts';

/** The bundled worker's address, written in by the bundle's build (tools/scenarios-check-launch.mjs); undefined from source. */
declare const BUNDLED_CHECK_WORKER: string | undefined;
const WORKER_URL = typeof BUNDLED_CHECK_WORKER === 'string' ? new URL(BUNDLED_CHECK_WORKER) : new URL('./scenarios-check-worker.ts', import.meta.url);

/**
 * A hash of the bundle this run is, handed in by the launcher that runs it; undefined from source,
 * where there is no one build to name, so the result cache is not used.
 */
declare const BUNDLED_CHECKER_BUILD: string | undefined;
const CHECKER_BUILD = typeof BUNDLED_CHECKER_BUILD === 'string' ? BUNDLED_CHECKER_BUILD : undefined;

/** Where the result cache keeps its entries (see tools/scenarios-check-cache.ts). */
const RESULTS_DIR = join(ROOT, '.cache', 'scenarios-check', 'results');
/** The name the shared library's own check is kept under in the result cache. */
const SHARED_LIBRARY_ENTRY = 'kb/ (shared library)';

const started = performance.now();
/** Whether a worker checks files beside this thread (`--parallel`), for the timings' note. */
let helped = false;
/** The result cache's part of the run, for the timings: its own time, and how many files it answered. */
const cached = { ms: 0, files: 0, of: 0, used: false };

/** A file to check, with where its result goes and the key it is kept under. */
interface PendingCheck extends CheckJob {
  readonly index: number;
  readonly key: string | undefined;
}

/** The run, as one function: the bundle is CommonJS (so that Node can keep its compiled code), where a module cannot await at its top level. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const timings = args.includes('--timings') ? startTimings() : null;
  const files = scenarioFiles(args.filter((arg) => !arg.startsWith('--')));
  const checks: (FileCheck | undefined)[] = new Array(files.length);

  const { checkScenarioText, readScenarioFile, reportInto, stageTimes } = await import('./check-scenario-file.ts');
  const { libraryFiles } = await import('../src/server/knowledge-files.ts');
  const { loadLibrary } = await import('../src/scenario/load-library.ts');
  let at = performance.now();
  const sharedFiles = libraryFiles();
  const cache =
    CHECKER_BUILD === undefined || args.includes('--no-cache')
      ? null
      : new ResultCache(RESULTS_DIR, { checker: CHECKER_BUILD, options: [], library: libraryDigest(sharedFiles) });
  cached.used = cache !== null;
  cached.of = files.length;
  let shared: LibraryResult | undefined;
  const library = (): LibraryResult => (shared ??= loadLibrary(sharedFiles));

  const sharedKey = cache?.keyOf(SHARED_LIBRARY_ENTRY, new Uint8Array());
  const keptShared = sharedKey === undefined ? undefined : cache?.read(sharedKey);

  const pending: PendingCheck[] = [];
  files.forEach((file, index) => {
    const read = readScenarioFile(file);
    if ('check' in read) {
      checks[index] = read.check;
      return;
    }
    const key = cache?.keyOf(file, read.bytes);
    const kept = key === undefined ? undefined : cache?.read(key);
    if (kept !== undefined) {
      checks[index] = kept;
      cached.files += 1;
    } else {
      pending.push({ index, file, text: read.bytes.toString('utf8'), key });
    }
  });
  cached.ms += performance.now() - at;
  const sharedCheck: FileCheck = keptShared ?? { lines: [], errors: 0, warnings: 0, valid: false };
  if (keptShared === undefined) {
    reportInto(sharedCheck, library().diagnostics);
    if (sharedKey !== undefined) cache?.write(sharedKey, sharedCheck);
  }

  /** Keeps a file's fresh result, in the run's report and in the cache. */
  const settle = (job: PendingCheck, check: FileCheck): void => {
    checks[job.index] = check;
    if (job.key === undefined) return;
    at = performance.now();
    cache?.write(job.key, check);
    cached.ms += performance.now() - at;
  };

  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  /** The worker, and a promise kept when it has sent its last result (or stopped: the main thread then checks what it left). */
  function startHelper(): { worker: Worker; finished: Promise<void> } {
    const jobs = pending.map(({ file, text }) => ({ file, text }));
    const worker = startWorker(WORKER_URL, { jobs, libraryFiles: sharedFiles, next } satisfies CheckWorkerData);
    const finished = new Promise<void>((resolve) => {
      worker.on('message', (message: CheckWorkerMessage | 'done') => {
        if (message === 'done') resolve();
        else settle(pending[message.index]!, message.check);
      });
      worker.on('error', () => resolve());
      worker.on('exit', () => resolve());
    });
    return { worker, finished };
  }

  const helper = pending.length > 1 && availableParallelism() > 1 && args.includes('--parallel') ? startHelper() : null;
  helped = helper !== null;
  for (let index = Atomics.add(counter, 0, 1); index < pending.length; index = Atomics.add(counter, 0, 1)) {
    const job = pending[index]!;
    settle(job, checkScenarioText(job.file, job.text, library().library));
  }
  if (helper !== null) {
    // Every file is claimed now; wait only for those the worker took (none if it was still starting).
    if (checks.some((check) => check === undefined)) await helper.finished;
    await helper.worker.terminate();
  }
  // A file the worker claimed but did not finish (it failed) is checked here.
  for (const job of pending) {
    if (checks[job.index] === undefined) settle(job, checkScenarioText(job.file, job.text, library().library));
  }

  let errors = sharedCheck.errors;
  let warnings = sharedCheck.warnings;
  let valid = 0;
  for (const check of [sharedCheck, ...(checks as FileCheck[])]) {
    for (const line of check.lines) console.log(line);
    if (check !== sharedCheck) {
      errors += check.errors;
      warnings += check.warnings;
      if (check.valid) valid += 1;
    }
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(
    `${plural(files.length, 'file')} checked, ${valid} valid: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${seconds} s`,
  );
  at = performance.now();
  cache?.prune();
  cached.ms += performance.now() - at;
  // The collector's reports arrive through the event loop: let them in first.
  if (timings !== null) await new Promise((done) => setTimeout(done, 0)).then(() => timings(stageTimes));
  process.exitCode = errors > 0 ? 1 : 0;
}

void main();

/**
 * `--timings`: where this thread's time went, on stderr (the report on stdout stays as it is):
 * the process's start and the checker's loading before the clock above starts, then the three
 * stages of every file, the rest, and the garbage collector's pauses (inside the others).
 */
function startTimings(): (stages: Readonly<Record<string, number>>) => void {
  let gc = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gc += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return (stages) => {
    observer.disconnect();
    const total = performance.now() - started;
    const staged = Object.values(stages).reduce((sum, ms) => sum + ms, 0);
    const ms = (value: number): string => `${Math.round(value)} ms`;
    const parts = [`start ${ms(started)} (before the clock)`, ...Object.entries(stages).map(([stage, value]) => `${stage} ${ms(value)}`)];
    parts.push(cached.used ? `cache ${ms(cached.ms)} (${cached.files} of ${cached.of} files from cache)` : 'cache off');
    parts.push(`other ${ms(total - staged - cached.ms)}`, `GC ${ms(gc)} (inside the others)`);
    process.stderr.write(`timings: ${parts.join(' · ')}${helped ? ' · this thread only' : ''}\n`);
  };
}
