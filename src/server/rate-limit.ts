/** Token buckets by key (an address or a connection): `take` says whether one more request may pass now. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, cost = 1): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: t };
    b.tokens = Math.min(this.capacity, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    if (this.buckets.size > 50_000) this.prune(t);
    this.buckets.set(key, b);
    if (b.tokens < cost) return false;
    b.tokens -= cost;
    return true;
  }

  /** Gives back what `take` took (a request that turned out fine). */
  give(key: string, cost = 1): void {
    const b = this.buckets.get(key);
    if (b !== undefined) b.tokens = Math.min(this.capacity, b.tokens + cost);
  }

  /** Forgets buckets that have refilled: they hold nothing worth keeping. */
  private prune(t: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(key);
    }
  }
}
