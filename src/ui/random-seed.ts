/** A fresh seed for a new call: it decides the order options are shown in (the core has no randomness). */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
