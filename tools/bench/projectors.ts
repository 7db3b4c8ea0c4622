/**
 * The instances bench's projectors, run in their own thread (projector-thread.ts) so that the times
 * they hear leaderboards are not held up by the main thread's simulated trainees. Times come back
 * on this thread's `performance.now()` scale, as the trainees' are.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../src/server/worker-boot.ts';
import type { TallyRow } from './instances-messages.ts';

export interface ProjectorSetup {
  readonly urls: readonly string[];
  /** One session code per session, in order. */
  readonly codes: readonly string[];
}

export interface ProjectorRecord {
  readonly session: number;
  /** The instance it is on now, and the one it first connected to. */
  instance: number;
  readonly firstInstance: number;
  moved: number;
  readonly seen: { seq: number; at: number }[];
}

export type ToProjectors = { type: 'killed'; instance: number } | { type: 'open' } | { type: 'count'; on: boolean } | { type: 'stop' };
type FromProjectors = { type: 'open'; count: number } | { type: 'stopped'; projectors: ProjectorRecord[]; heard: TallyRow[] };

export class ProjectorThread {
  private readonly worker: Worker;

  /** Connects one projector per session to every instance. */
  constructor(setup: ProjectorSetup) {
    this.worker = startWorker(new URL('./projector-thread.ts', import.meta.url), setup);
  }

  /** The instance was killed: projectors moving off it skip it. */
  killed(instance: number): void {
    this.worker.postMessage({ type: 'killed', instance } satisfies ToProjectors);
  }

  /** Starts or stops counting the messages the projectors hear (bench/instances-messages.ts). */
  count(on: boolean): void {
    this.worker.postMessage({ type: 'count', on } satisfies ToProjectors);
  }

  /** How many projectors' sockets are open now. */
  async openCount(): Promise<number> {
    const answer = await this.ask({ type: 'open' });
    return answer.type === 'open' ? answer.count : 0;
  }

  /** Closes every projector and gives what each heard, and the messages counted. */
  async stop(): Promise<{ projectors: ProjectorRecord[]; heard: TallyRow[] }> {
    const answer = await this.ask({ type: 'stop' });
    await this.worker.terminate();
    if (answer.type !== 'stopped') return { projectors: [], heard: [] };
    const shift = performance.timeOrigin;
    return { projectors: answer.projectors.map((p) => ({ ...p, seen: p.seen.map((x) => ({ seq: x.seq, at: x.at - shift })) })), heard: answer.heard };
  }

  private ask(message: ToProjectors): Promise<FromProjectors> {
    return new Promise((answer) => {
      this.worker.once('message', answer);
      this.worker.postMessage(message);
    });
  }
}
