/**
 * The second thread of `scenarios:check`: takes the next unclaimed file (one shared counter, so
 * each file is checked once, by whichever thread is free) and sends back what to print.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSharedLibrary } from '../src/server/knowledge-files.ts';
import { checkScenarioFile } from './check-scenario-file.ts';

export interface CheckWorkerData {
  readonly files: readonly string[];
  /** One Int32: the index of the next file to claim. */
  readonly next: SharedArrayBuffer;
}

export interface CheckWorkerMessage {
  readonly index: number;
  readonly check: ReturnType<typeof checkScenarioFile>;
}

const { files, next } = workerData as CheckWorkerData;
const counter = new Int32Array(next);
const { library } = readSharedLibrary();
for (let index = Atomics.add(counter, 0, 1); index < files.length; index = Atomics.add(counter, 0, 1)) {
  parentPort!.postMessage({ index, check: checkScenarioFile(files[index]!, library) } satisfies CheckWorkerMessage);
}
parentPort!.postMessage('done');
