/**
 * Seeded randomness for the shift (pure: no Math.random). mulberry32 gives the stream; the
 * helpers draw the shapes the queue needs. The same seed always gives the same shift.
 */
import { mulberry32, type Random } from '../seeded-random.ts';

export { mulberry32, type Random };

/** Mixes several numbers into one 32-bit seed, so each purpose gets its own independent stream. */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}

/** A uniform draw in (0, 1]: safe to take the logarithm of. */
const open = (random: Random): number => 1 - random();

/** Exponential with the given mean. */
export function exponential(random: Random, mean: number): number {
  return -Math.log(open(random)) * mean;
}

function standardNormal(random: Random): number {
  return Math.sqrt(-2 * Math.log(open(random))) * Math.cos(2 * Math.PI * random());
}

/**
 * Gamma with mean 1 and the given shape (shape 1 is the exponential; larger shapes are less
 * spread: the coefficient of variation is 1/√shape). Marsaglia and Tsang's method.
 */
export function unitGamma(random: Random, shape: number): number {
  if (shape === 1) return exponential(random, 1);
  if (shape < 1) return unitGamma(random, shape + 1) * Math.pow(random(), 1 / shape) * ((shape + 1) / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = open(random);
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / shape;
  }
}
