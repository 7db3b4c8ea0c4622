/**
 * Where a run's verdict is worked out: on the calling thread in short slices (tests, tools), or in
 * a small pool of worker threads (the server), jobs arriving in the same turn sent to a worker in
 * one message. A worker that fails hands its jobs back to the calling thread, so nothing is lost;
 * until a worker has loaded (seconds, cold, on a busy machine) runs are checked on this thread.
 * The pool also takes whole submit messages (`check`): parsed, validated, hashed and replayed in
 * the worker, so in a burst the server's event loop does little more than move bytes. A turn's
 * messages reach a worker end to end in one buffer that is transferred, not copied, and come back
 * as prepared submissions (no run objects to rebuild here).
 */
import type { Worker } from 'node:worker_threads';
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import type { CallVerdict } from '../../core/classroom/call-verdict.ts';
import type { RunLog } from '../../shared/call-events.ts';
import { WorkQueue } from '../work-queue.ts';
import { startWorker } from '../worker-boot.ts';
import type { FromVerdictWorker, ToVerdictWorker } from './verdict-protocol.ts';
import { checkSubmitText, safeVerdict, type CheckedSubmit } from './submission-check.ts';

export interface Verdicts {
  /** `runJson`, when given, is `run` as JSON (sent to a worker as it is). */
  verdict(def: CallDefinition, run: RunLog, runJson?: string): Promise<CallVerdict>;
  /**
   * A whole submit message (its text, or its UTF-8 bytes as received) checked off this thread, at
   * the room's ms per decision; null when no worker is ready (the caller checks it itself).
   */
  check?(message: string | Uint8Array, msPerDecision?: number): Promise<CheckedSubmit> | null;
  /** A call submissions may come for: the ready workers compile it ahead, so checks can replay it. */
  introduce?(def: CallDefinition): void;
  close(): Promise<void>;
}

/** Verdicts on this thread, a few milliseconds of work at a time. */
export function inlineVerdicts(work = new WorkQueue()): Verdicts {
  return { verdict: (def, run) => work.run(() => safeVerdict(def, run)), close: async () => undefined };
}

/** Jobs per message to a worker (a burst's turn can bring a thousand at once): each batch is answered as soon as it is done. */
const PER_MESSAGE = 50;

interface Check {
  readonly id: number;
  /** The message as received: kept (not copied) until answered, so a worker that fails leaves it to be checked here. */
  readonly message: string | Uint8Array;
  readonly msPerDecision: number | undefined;
  readonly done: (c: CheckedSubmit) => void;
}

/** A batch of checks for one worker: their bytes end to end in one buffer of its own (to be transferred), and where each ends. */
function packed(batch: readonly Check[]): Extract<ToVerdictWorker, { type: 'checks' }> {
  const parts = batch.map((c) => (typeof c.message === 'string' ? Buffer.from(c.message) : c.message));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let end = 0;
  const checks = batch.map((c, i) => {
    bytes.set(parts[i]!, end);
    end += parts[i]!.byteLength;
    return { id: c.id, end, msPerDecision: c.msPerDecision };
  });
  return { type: 'checks', bytes, checks };
}

interface PoolWorker {
  readonly worker: Worker;
  readonly known: Set<string>;
  readonly waiting: Map<number, { def: CallDefinition; run: RunLog; done: (v: CallVerdict) => void }>;
  readonly checking: Map<number, Check>;
  outbox: { id: number; runJson: string }[];
  checkbox: Check[];
  definitions: { hash: string; scenario: CallDefinition['scenario'] }[];
  alive: boolean;
  /** False until the worker has loaded its code (a cold worker takes seconds under load). */
  ready: boolean;
}

export function workerVerdicts(size: number, fallback: Verdicts = inlineVerdicts()): Verdicts {
  let nextId = 1;
  let flushing = false;
  const pool: PoolWorker[] = [];
  /** The calls rooms introduced, held weakly (an evicted room's uploads can go): a worker that becomes ready learns those still alive. */
  const introduced = new Map<string, WeakRef<CallDefinition>>();

  const retire = (w: PoolWorker) => {
    if (!w.alive) return;
    w.alive = false;
    for (const { def, run, done } of w.waiting.values()) void fallback.verdict(def, run).then(done);
    w.waiting.clear();
    // Checked here instead, without the replay (the room asks for the verdict as usual).
    for (const { message, msPerDecision, done } of w.checking.values()) done(checkSubmitText(message, () => undefined, msPerDecision));
    w.checking.clear();
  };

  const teach = (w: PoolWorker, def: CallDefinition) => {
    if (w.known.has(def.hash)) return;
    w.known.add(def.hash);
    w.definitions.push({ hash: def.hash, scenario: def.scenario });
  };

  const scheduleFlush = () => {
    if (flushing) return;
    flushing = true;
    setImmediate(flush);
  };

  for (let i = 0; i < size; i++) {
    const worker = startWorker(new URL('./verdict-worker.ts', import.meta.url));
    worker.unref();
    const w: PoolWorker = { worker, known: new Set(), waiting: new Map(), checking: new Map(), outbox: [], checkbox: [], definitions: [], alive: true, ready: false };
    worker.on('message', (m: FromVerdictWorker) => {
      if (m.type === 'ready') {
        w.ready = true;
        for (const [hash, ref] of introduced) {
          const def = ref.deref();
          if (def === undefined) introduced.delete(hash);
          else teach(w, def);
        }
        return scheduleFlush();
      }
      if (m.type === 'checked') {
        for (const { id, checked } of m.results) {
          const job = w.checking.get(id);
          w.checking.delete(id);
          job?.done(checked);
        }
        return;
      }
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
      if (!w.alive) continue;
      if (w.definitions.length > 0) w.worker.postMessage({ type: 'definitions', scenarios: w.definitions } satisfies ToVerdictWorker);
      // In batches, each answered as soon as it is done: the first trainees of a burst hear while the worker works on the rest.
      for (let i = 0; i < w.checkbox.length; i += PER_MESSAGE) {
        const batch = packed(w.checkbox.slice(i, i + PER_MESSAGE));
        w.worker.postMessage(batch, [batch.bytes.buffer as ArrayBuffer]);
      }
      for (let i = 0; i < w.outbox.length; i += PER_MESSAGE) w.worker.postMessage({ type: 'jobs', jobs: w.outbox.slice(i, i + PER_MESSAGE) } satisfies ToVerdictWorker);
      w.outbox = [];
      w.checkbox = [];
      w.definitions = [];
    }
  };

  /** The ready worker with the fewest jobs waiting, or null. */
  const leastBusy = (): PoolWorker | null => {
    let best: PoolWorker | null = null;
    for (const w of pool) if (w.alive && w.ready && (best === null || w.waiting.size + w.checking.size < best.waiting.size + best.checking.size)) best = w;
    return best;
  };

  return {
    verdict(def, run, runJson) {
      // No worker ready yet (just started, or all failed): this thread checks the run, in slices.
      const w = leastBusy();
      if (w === null) return fallback.verdict(def, run);
      teach(w, def);
      const id = nextId++;
      w.outbox.push({ id, runJson: runJson ?? JSON.stringify(run) });
      scheduleFlush();
      return new Promise<CallVerdict>((done) => w.waiting.set(id, { def, run, done }));
    },
    check(message, msPerDecision) {
      // However far behind the workers are, this thread does not parse: in a burst, the event loop is the scarcer of the two.
      const w = leastBusy();
      if (w === null) return null;
      const id = nextId++;
      scheduleFlush();
      return new Promise<CheckedSubmit>((done) => {
        const check: Check = { id, message, msPerDecision, done };
        w.checkbox.push(check);
        w.checking.set(id, check);
      });
    },
    // Workers ready now learn it, the others once ready (held weakly here). A check on a worker that does not know the call
    // comes back without its verdict, and the room asks for it as usual, which teaches that worker.
    introduce(def) {
      // The calls of evicted rooms leave their entries behind: swept now and then.
      if (introduced.size >= 256) for (const [hash, ref] of introduced) if (ref.deref() === undefined) introduced.delete(hash);
      introduced.set(def.hash, new WeakRef(def));
      for (const w of pool) if (w.alive && w.ready) teach(w, def);
      scheduleFlush();
    },
    async close() {
      for (const w of pool) {
        retire(w);
        await w.worker.terminate();
      }
    },
  };
}
