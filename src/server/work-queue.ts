/**
 * Work done in short slices: jobs queue up and run a few milliseconds at a time between turns of
 * the event loop, so a burst of submissions never holds the loop long enough to starve the timers
 * that push leaderboards or the reads of new messages.
 */
export class WorkQueue {
  private readonly jobs: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly sliceMs = 8) {}

  run<T>(job: () => T): Promise<T> {
    return new Promise<T>((done, fail) => {
      this.jobs.push(() => {
        try {
          done(job());
        } catch (error) {
          fail(error);
        }
      });
      this.schedule();
    });
  }

  get waiting(): number {
    return this.jobs.length;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    const end = performance.now() + this.sliceMs;
    let i = 0;
    while (i < this.jobs.length && performance.now() < end) this.jobs[i++]!();
    this.jobs.splice(0, i);
    if (this.jobs.length > 0) this.schedule();
  }
}
