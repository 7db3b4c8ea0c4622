/**
 * A fresh seed for a new call: it decides the order options are shown in (the core has no
 * randomness). `?seed=N` in the address fixes it, so a trainer can demonstrate one order to a class
 * and the browser tests can replay a known one; it changes nothing a trainee could gain from, since
 * the score never depends on the order.
 */
export function randomSeed(search: string = globalThis.location?.search ?? ''): number {
  const fixed = new URLSearchParams(search).get('seed');
  if (fixed !== null && /^\d{1,10}$/.test(fixed) && Number(fixed) <= 0xffffffff) return Number(fixed);
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
