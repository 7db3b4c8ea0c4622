/**
 * Join-code guessing, slowed the same over HTTP and WebSockets: one bucket per address. Every lookup
 * takes a token before the code is looked up and gives it back when the code was real, so while the
 * bucket is empty every code (a real one too) is answered "too many wrong codes" — a guesser learns
 * nothing from the answer. A class mistyping now and then never empties it.
 */
import { RateLimiter } from './rate-limit.ts';

export const WRONG_CODES_MESSAGE = 'Too many wrong codes from here: please wait a minute.';

export class CodeGuard {
  private readonly bucket: RateLimiter;

  constructor(burst = 30, perSecond = 0.5, now: () => number = Date.now) {
    this.bucket = new RateLimiter(burst, perSecond, now);
  }

  /** Looks a code up for `address`: null and `limited` when the address has guessed too much. */
  async lookup<T>(address: string, find: () => Promise<T | null>): Promise<{ found: T | null; limited: boolean }> {
    if (!this.bucket.take(address)) return { found: null, limited: true };
    const found = await find();
    if (found !== null) this.bucket.give(address);
    return { found, limited: false };
  }
}
