/**
 * Where a result's time goes on its way through PostgreSQL to other instances' screens, for the
 * benchmark: off unless HTL_PG_TIMINGS=1 is in the environment (then each instance keeps every
 * stage's durations and prints a summary to stderr every 10 s while it is busy, and when it closes).
 * One recorder per process: one server instance per process is what it measures.
 *
 * Stages, in the order a result meets them:
 * - writer side, for results (`results …`) and for joins and tickets (`joins …`): `wait` (the
 *   write arrives → its group's statement starts: the group in flight and the turn of the event
 *   loop), `write` (the group's one statement: pool wait, row locks, writes, commit), `size`
 *   (writes per group, a count);
 * - reader side: `note delay` (the writer's statement → the note read here: the rest of the writer's
 *   statement and its commit, NOTIFY delivery and this event loop), `catch-up wait` (note → its
 *   round's read starts: the round before it running), `catch-up read` (one statement for the
 *   round's rooms), `read size` (rooms per round, a count), `absorb`;
 * - `loop delay`: this instance's event-loop delay, sampled.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from '../../shared/percentile.ts';

export interface StageTimings {
  readonly on: boolean;
  /** Records one duration (ms), or one count (stages named `… size`). */
  add(stage: string, value: number): void;
  /** A clock comparable between processes on one machine (ms since the epoch, fractional). */
  now(): number;
  /** One line per stage: count, p50, p99, max. */
  summary(): string[];
  /** Prints the summary (with `label`) and forgets what it printed. */
  flush(label: string): void;
}


function recorder(): StageTimings {
  const stages = new Map<string, number[]>();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t = {
    on: true,
    add(stage: string, value: number) {
      let xs = stages.get(stage);
      if (xs === undefined) stages.set(stage, (xs = []));
      xs.push(value);
    },
    now: () => performance.timeOrigin + performance.now(),
    summary() {
      const lines = [...stages].map(([stage, xs]) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const unit = stage.endsWith('size') ? '' : ' ms';
        return `${stage.padEnd(14)} n ${String(sorted.length).padStart(6)}  p50 ${percentile(sorted, 50).toFixed(1)}${unit}  p99 ${percentile(sorted, 99).toFixed(1)}${unit}  max ${percentile(sorted, 100).toFixed(1)}${unit}`;
      });
      if (loop.count > 0) lines.push(`${'loop delay'.padEnd(14)} p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms  p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms  max ${(loop.max / 1e6).toFixed(1)} ms`);
      return lines;
    },
    flush(label: string) {
      if (stages.size === 0) return;
      console.error(`timings ${label} (pid ${process.pid}):\n  ${t.summary().join('\n  ')}`);
      stages.clear();
      loop.reset();
    },
  };
  const timer = setInterval(() => t.flush('for the last 10 s'), 10_000);
  timer.unref();
  return t;
}

const off: StageTimings = { on: false, add: () => undefined, now: () => 0, summary: () => [], flush: () => undefined };

/** This process's recorder (a no-op unless HTL_PG_TIMINGS=1). */
export const pgTimings: StageTimings = process.env['HTL_PG_TIMINGS'] === '1' ? recorder() : off;
