/**
 * The second thread of `scenarios:check`: takes the next unclaimed file (one shared counter, so
 * each file is checked once, by whichever thread is free) and sends back what to print. It checks
 * the texts and the knowledge base the main thread read, so both threads check the very bytes the
 * result cache keys on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LibraryFile } from '../src/scenario/load-library.ts';
import { loadLibrary } from '../src/scenario/load-library.ts';
import { checkScenarioText } from './check-scenario-file.ts';

export interface CheckJob {
  readonly file: string;
  readonly text: string;
}

export interface CheckWorkerData {
  readonly jobs: readonly CheckJob[];
  readonly libraryFiles: readonly LibraryFile[];
  /** One Int32: the index of the next job to claim. */
  readonly next: SharedArrayBuffer;
}

export interface CheckWorkerMessage {
  readonly index: number;
  readonly check: ReturnType<typeof checkScenarioText>;
}

const { jobs, libraryFiles, next } = workerData as CheckWorkerData;
const counter = new Int32Array(next);
const { library } = loadLibrary(libraryFiles);
for (let index = Atomics.add(counter, 0, 1); index < jobs.length; index = Atomics.add(counter, 0, 1)) {
  const job = jobs[index]!;
  parentPort!.postMessage({ index, check: checkScenarioText(job.file, job.text, library) } satisfies CheckWorkerMessage);
}
parentPort!.postMessage('done');
