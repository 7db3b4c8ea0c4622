/**
 * Where a run's verdict is worked out: on the calling thread in short slices (tests, tools), or in
 * a small pool of worker threads (the server), jobs arriving in the same turn sent to a worker in
 * one message. A worker that fails hands its jobs back to the calling thread, so nothing is lost;
 * until a worker has loaded (seconds, cold, on a busy machine) runs are checked on this thread.
 */
import type { Worker } from 'node:worker_threads';
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import type { CallVerdict } from '../../core/classroom/call-verdict.ts';
import { runVerdict } from './run-verdict.ts';
import type { RunLog } from '../../shared/call-events.ts';
import { WorkQueue } from '../work-queue.ts';
import { startWorker } from '../worker-boot.ts';
import type { FromVerdictWorker, ToVerdictWorker } from './verdict-protocol.ts';

export interface Verdicts {
  /** `runJson`, when given, is `run` as JSON (sent to a worker as it is). */
  verdict(def: CallDefinition, run: RunLog, runJson?: string): Promise<CallVerdict>;
  close(): Promise<void>;
}

function safeVerdict(def: CallDefinition, run: RunLog): CallVerdict {
  try {
    return runVerdict(def, run);
  } catch (error) {
    return { ok: false, error: `the replay failed (${(error as Error).message})` };
  }
}

/** Verdicts on this thread, a few milliseconds of work at a time. */
export function inlineVerdicts(work = new WorkQueue()): Verdicts {
  return { verdict: (def, run) => work.run(() => safeVerdict(def, run)), close: async () => undefined };
}

interface PoolWorker {
  readonly worker: Worker;
  readonly known: Set<string>;
  readonly waiting: Map<number, { def: CallDefinition; run: RunLog; done: (v: CallVerdict) => void }>;
  outbox: { id: number; runJson: string }[];
  definitions: { hash: string; scenario: CallDefinition['scenario'] }[];
  alive: boolean;
  /** False until the worker has loaded its code (a cold worker takes seconds under load). */
  ready: boolean;
}

export function workerVerdicts(size: number, fallback: Verdicts = inlineVerdicts()): Verdicts {
  let nextId = 1;
  let flushing = false;
  const pool: PoolWorker[] = [];

  const retire = (w: PoolWorker) => {
    if (!w.alive) return;
    w.alive = false;
    for (const { def, run, done } of w.waiting.values()) void fallback.verdict(def, run).then(done);
    w.waiting.clear();
  };

  for (let i = 0; i < size; i++) {
    const worker = startWorker(new URL('./verdict-worker.ts', import.meta.url));
    worker.unref();
    const w: PoolWorker = { worker, known: new Set(), waiting: new Map(), outbox: [], definitions: [], alive: true, ready: false };
    worker.on('message', (m: FromVerdictWorker) => {
      if (m.type === 'ready') return void (w.ready = true);
      for (const { id, verdict } of m.results) {
        const job = w.waiting.get(id);
        w.waiting.delete(id);
        job?.done(verdict);
      }
    });
    worker.on('error', (error) => {
      console.error('a verdict worker failed; its runs are checked on the main thread:', error.message);
      retire(w);
    });
    worker.on('exit', () => retire(w));
    pool.push(w);
  }

  const flush = () => {
    flushing = false;
    for (const w of pool) {
      if (!w.alive || w.outbox.length === 0) continue;
      if (w.definitions.length > 0) w.worker.postMessage({ type: 'definitions', scenarios: w.definitions } satisfies ToVerdictWorker);
      w.worker.postMessage({ type: 'jobs', jobs: w.outbox } satisfies ToVerdictWorker);
      w.outbox = [];
      w.definitions = [];
    }
  };

  return {
    verdict(def, run, runJson) {
      // No worker ready yet (just started, or all failed): this thread checks the run, in slices.
      const live = pool.filter((w) => w.alive && w.ready);
      if (live.length === 0) return fallback.verdict(def, run);
      const w = live.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
      if (!w.known.has(def.hash)) {
        w.known.add(def.hash);
        w.definitions.push({ hash: def.hash, scenario: def.scenario });
      }
      const id = nextId++;
      w.outbox.push({ id, runJson: runJson ?? JSON.stringify(run) });
      if (!flushing) {
        flushing = true;
        setImmediate(flush);
      }
      return new Promise<CallVerdict>((done) => w.waiting.set(id, { def, run, done }));
    },
    async close() {
      for (const w of pool) {
        retire(w);
        await w.worker.terminate();
      }
    },
  };
}
