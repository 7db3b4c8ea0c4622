/**
 * Where a result's time goes between its acknowledgement and the last projector, as the simulated
 * clients see it (the instances bench): the projector on the instance that acknowledged it (its
 * push interval and that instance's event loop) against the projectors on the other instances (the
 * note, the catch-up read and their push), how often projectors heard a leaderboard (the push
 * cadence as it arrives), how long the write took (sent → acknowledged), and how late this
 * process's own event loop ran (every "seen" time is taken on it, so its delay is in every figure).
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { percentile } from '../../src/shared/percentile.ts';

/** One result's delay to each projector of its session, split by where the projector is. */
export interface ResultHops {
  /** Worst projector on the instance that acknowledged it (NaN when it had none there any more). */
  readonly same: number;
  /** Worst projector on another instance. */
  readonly other: number;
  /** Sent → acknowledged. */
  readonly write: number;
}

const fmt = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length === 0 ? '–' : `p50 ${percentile(s, 50).toFixed(0)} / p99 ${percentile(s, 99).toFixed(0)} / max ${percentile(s, 100).toFixed(0)} ms`;
};

const delays = (h: IntervalHistogram) => `p50 ${(h.percentile(50) / 1e6).toFixed(0)} / p99 ${(h.percentile(99) / 1e6).toFixed(0)} / max ${(h.max / 1e6).toFixed(0)} ms`;

export class HopRecorder {
  private readonly hops: ResultHops[] = [];
  private readonly gaps: number[] = [];
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  /** The same over the 3 s after an instance was killed (its sockets reconnecting), when there was a kill. */
  private readonly afterKill = monitorEventLoopDelay({ resolution: 10 });
  private killed = false;

  /** The window of submissions starts: this process's event-loop delay is sampled from now. */
  start(): void {
    this.loop.enable();
  }

  stop(): void {
    this.loop.disable();
    this.afterKill.disable();
  }

  /** An instance was killed now. */
  kill(): void {
    this.killed = true;
    this.afterKill.enable();
    setTimeout(() => this.afterKill.disable(), 3000).unref();
  }

  add(hops: ResultHops): void {
    this.hops.push(hops);
  }

  /** The times one projector heard a leaderboard, within the window [from, to]. */
  addArrivals(times: readonly number[], from: number, to: number): void {
    const inside = times.filter((t) => t >= from && t <= to);
    for (let i = 1; i < inside.length; i++) this.gaps.push(inside[i]! - inside[i - 1]!);
  }

  lines(): string[] {
    // NaN where a result had no projector of that kind (one instance: no other).
    const worstOf = (h: ResultHops) => Math.max(...[h.same, h.other].filter((x) => !Number.isNaN(x)));
    const worst = this.hops.map(worstOf).filter(Number.isFinite).sort((a, b) => a - b);
    const p99 = worst.length === 0 ? Infinity : percentile(worst, 99);
    const tail = this.hops.filter((h) => worstOf(h) >= p99);
    const otherWorse = tail.filter((h) => !(h.same >= h.other)).length;
    return [
      `where the time goes (as the clients see it):`,
      `    acknowledged → projector on the instance that acknowledged: ${fmt(this.hops.map((h) => h.same))}`,
      `    acknowledged → slowest projector on another instance: ${fmt(this.hops.map((h) => h.other))}`,
      `    the slowest 1 % (${tail.length} results, ≥ ${p99.toFixed(0)} ms): another instance's projector was the last in ${otherWorse}; on the acknowledging instance ${fmt(tail.map((h) => h.same))}, on another ${fmt(tail.map((h) => h.other))}`,
      `    sent → acknowledged (the write): ${fmt(this.hops.map((h) => h.write))}`,
      `    gaps between leaderboards a projector heard: ${fmt(this.gaps)}`,
      `    this process's event-loop delay during the submissions: ${delays(this.loop)}${this.killed ? `; in the 3 s after the kill: ${delays(this.afterKill)}` : ''}`,
    ];
  }
}
