/**
 * Checks uploaded scenario files without holding the event loop: one worker thread takes the
 * checks in turn, each with a time limit (a file whose flags multiply its states is stopped and
 * refused with a clear message), and a short queue (more waiting than that is told to try again).
 * `inlineChecker` does the same work on the calling thread, for tests and tools.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-boot.ts';
import { sharedLibrary } from '../knowledge-files.ts';
import { compileScenario } from '../../scenario/compile.ts';
import { formatDiagnostic } from '../../scenario/diagnostics.ts';
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import { checkUploadText } from '../scenario-library.ts';
import type { CheckAnswer, CheckJob } from './check-protocol.ts';

export type CheckOutcome = { ok: true; definition: CallDefinition } | { ok: false; diagnostics: string[]; busy?: boolean };

export interface ScenarioChecker {
  check(text: string, file: string): Promise<CheckOutcome>;
  /** Loads the worker ahead of the first check. */
  warm?(): void;
  close(): Promise<void>;
}

export const inlineChecker: ScenarioChecker = {
  async check(text, file) {
    const checked = checkUploadText(text, file);
    return checked.ok ? { ok: true, definition: checked.scenario.definition } : { ok: false, diagnostics: checked.diagnostics.map(formatDiagnostic) };
  },
  async close() {},
};

interface Waiting {
  readonly job: CheckJob;
  readonly done: (outcome: CheckOutcome) => void;
}

export interface WorkerCheckerOptions {
  /** A check still running after this long is stopped and the file refused. */
  readonly timeLimitMs?: number;
  /** Checks waiting beyond this are refused at once with "busy". */
  readonly maxWaiting?: number;
}

export function workerChecker(options: WorkerCheckerOptions = {}): ScenarioChecker {
  const timeLimitMs = options.timeLimitMs ?? 3000;
  const maxWaiting = options.maxWaiting ?? 8;
  const queue: Waiting[] = [];
  let worker: Worker | null = null;
  let ready = false;
  let current: { waiting: Waiting; timer: ReturnType<typeof setTimeout> | null } | null = null;
  let nextId = 1;
  let closed = false;

  const spawn = (): Worker => {
    const w = startWorker(new URL('./check-worker.ts', import.meta.url));
    w.unref();
    ready = false;
    w.on('message', (answer: CheckAnswer | 'ready') => {
      if (answer !== 'ready') return finish(answer);
      ready = true;
      if (current !== null && current.timer === null) arm(w);
    });
    w.on('error', (error) => fail(`the checker failed (${error.message})`));
    w.on('exit', () => {
      if (worker === w) worker = null;
      if (current !== null) fail('the checker stopped');
    });
    return w;
  };

  const fail = (message: string) => {
    if (current === null) return;
    const { waiting, timer } = current;
    if (timer !== null) clearTimeout(timer);
    current = null;
    waiting.done({ ok: false, diagnostics: [`${waiting.job.file}: ${message}`] });
    next();
  };

  const finish = (answer: CheckAnswer) => {
    if (current === null || current.waiting.job.id !== answer.id) return;
    const { waiting, timer } = current;
    if (timer !== null) clearTimeout(timer);
    current = null;
    if (!answer.ok) waiting.done({ ok: false, diagnostics: [...answer.diagnostics] });
    else {
      try {
        waiting.done({ ok: true, definition: compileScenario(answer.scenario, sharedLibrary()) });
      } catch (error) {
        waiting.done({ ok: false, diagnostics: [`${waiting.job.file}: could not be compiled (${(error as Error).message})`] });
      }
    }
    next();
  };

  const next = () => {
    if (current !== null || closed) return;
    const waiting = queue.shift();
    if (waiting === undefined) return;
    worker ??= spawn();
    current = { waiting, timer: null };
    worker.postMessage(waiting.job);
    if (ready) arm(worker);
  };

  /** Starts the current check's clock (once the worker has loaded). */
  const arm = (running: Worker) => {
    if (current === null) return;
    current.timer = setTimeout(() => {
      void running.terminate();
      if (worker === running) worker = null;
      fail(`checking took longer than ${timeLimitMs / 1000} s and was stopped: the call has too many states (simplify its flags or branches)`);
    }, timeLimitMs);
  };

  return {
    warm() {
      if (!closed) worker ??= spawn();
    },
    check(text, file) {
      if (closed) return Promise.resolve({ ok: false, diagnostics: [`${file}: the server is stopping`], busy: true });
      if (queue.length >= maxWaiting) return Promise.resolve({ ok: false, diagnostics: [`${file}: the server is busy checking other files; try again in a moment`], busy: true });
      return new Promise<CheckOutcome>((done) => {
        queue.push({ job: { id: nextId++, text, file }, done });
        next();
      });
    },
    async close() {
      closed = true;
      if (current !== null) fail('the server is stopping');
      for (const w of queue.splice(0)) w.done({ ok: false, diagnostics: [`${w.job.file}: the server is stopping`], busy: true });
      await worker?.terminate();
    },
  };
}
