import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF } from '../../../src/net/live-socket.ts';

describe('reconnect backoff', () => {
  it.each([
    [0, 0, 250],
    [0, 1, 500],
    [1, 1, 1000],
    [3, 0.5, 3000],
    [10, 1, BACKOFF.maxMs],
  ])('attempt %i with random %d waits %i ms', (attempt, random, ms) => {
    expect(backoffDelay(attempt, () => random)).toBe(ms);
  });
  it('never waits longer than the cap however many attempts failed', () => {
    expect(backoffDelay(50, () => 1)).toBe(BACKOFF.maxMs);
  });
});
