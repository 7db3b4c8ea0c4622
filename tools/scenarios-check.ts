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
 * wall and 3.9-4.4 s CPU, two threads 3.23-3.48 s wall and 5.9-6.4 s CPU.
 *
 * With `--timings`, where this thread's time went is written to stderr (see `startTimings`).
 */
import { availableParallelism } from 'node:os';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { scenarioFiles } from './scenario-files.ts';
import { startWorker } from '../src/server/worker-boot.ts';
import type { FileCheck } from './check-scenario-file.ts';
import type { CheckWorkerData, CheckWorkerMessage } from './scenarios-check-worker.ts';

/** The bundled worker's address, written in by the bundle's build (tools/scenarios-check-launch.mjs); undefined from source. */
declare const BUNDLED_CHECK_WORKER: string | undefined;
const WORKER_URL = typeof BUNDLED_CHECK_WORKER === 'string' ? new URL(BUNDLED_CHECK_WORKER) : new URL('./scenarios-check-worker.ts', import.meta.url);

const started = performance.now();
/** Whether a worker checks files beside this thread (`--parallel`), for the timings' note. */
let helped = false;

/** The run, as one function: the bundle is CommonJS (so that Node can keep its compiled code), where a module cannot await at its top level. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const timings = args.includes('--timings') ? startTimings() : null;
  const files = scenarioFiles(args.filter((arg) => !arg.startsWith('--')));
  const checks: (FileCheck | undefined)[] = new Array(files.length);
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);

  /** The worker, and a promise kept when it has sent its last result (or stopped: the main thread then checks what it left). */
  function startHelper(): { worker: Worker; finished: Promise<void> } {
    const worker = startWorker(WORKER_URL, { files, next } satisfies CheckWorkerData);
    const finished = new Promise<void>((resolve) => {
      worker.on('message', (message: CheckWorkerMessage | 'done') => {
        if (message === 'done') resolve();
        else checks[message.index] = message.check;
      });
      worker.on('error', () => resolve());
      worker.on('exit', () => resolve());
    });
    return { worker, finished };
  }

  const helper = files.length > 1 && availableParallelism() > 1 && args.includes('--parallel') ? startHelper() : null;
  helped = helper !== null;

  // The checker itself is loaded only now, so the worker loads its copy at the same time.
  const { checkScenarioFile, reportInto, stageTimes } = await import('./check-scenario-file.ts');
  const { readSharedLibrary } = await import('../src/server/knowledge-files.ts');
  const shared = readSharedLibrary();
  const sharedCheck: FileCheck = { lines: [], errors: 0, warnings: 0, valid: false };
  reportInto(sharedCheck, shared.diagnostics);
  for (let index = Atomics.add(counter, 0, 1); index < files.length; index = Atomics.add(counter, 0, 1)) {
    checks[index] = checkScenarioFile(files[index]!, shared.library);
  }
  if (helper !== null) {
    // Every file is claimed now; wait only for those the worker took (none if it was still starting).
    if (checks.some((check) => check === undefined)) await helper.finished;
    await helper.worker.terminate();
  }
  // A file the worker claimed but did not finish (it failed) is checked here.
  files.forEach((file, index) => {
    checks[index] ??= checkScenarioFile(file, shared.library);
  });

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
    parts.push(`other ${ms(total - staged)}`, `GC ${ms(gc)} (inside the others)`);
    process.stderr.write(`timings: ${parts.join(' · ')}${helped ? ' · this thread only' : ''}\n`);
  };
}
