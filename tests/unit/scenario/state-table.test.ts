/** The checker's table of found states: hashed or placed directly, it numbers states the same way. */
import { describe, expect, it } from 'vitest';
import { StateTable } from '../../../src/scenario/state-table.ts';

/** A seeded run of (step, mask, code) triples, with repeats. */
function triples(count: number, steps: number, span: number, codes: number): [number, number, number][] {
  let seed = 12345;
  const next = (below: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % below;
  };
  return Array.from({ length: count }, () => [next(steps), next(2 ** span), next(codes)]);
}

describe('the table of found states', () => {
  it('gives the same numbers, and the same "not found", whether it hashes or places states directly', () => {
    const steps = 40;
    const span = 6;
    const codes = 6;
    // A small starting room, so the hashed table also grows and indexes its states again.
    const hashed = new StateTable(16);
    const direct = new StateTable(16, { steps, span, codes });
    for (const [node, mask, code] of triples(5000, steps, span, codes)) {
      const a = hashed.find(node, mask, 0, code);
      const b = direct.find(node, mask, 0, code);
      expect(b).toBe(a);
      if (a < 0) expect(direct.add(node, mask, 0, code)).toBe(hashed.add(node, mask, 0, code));
    }
    expect(direct.count).toBe(hashed.count);
    expect(hashed.count).toBeGreaterThan(1000);
    expect(hashed.count).toBeLessThan(5000);
    for (let state = 0; state < hashed.count; state += 1) {
      expect(direct.find(hashed.node[state]!, hashed.mask[state]!, 0, hashed.code[state]!)).toBe(state);
    }
  });

  it('keeps states apart that differ only in their high flag bits', () => {
    const table = new StateTable(4);
    const a = table.add(3, 5, 0, 0);
    const b = table.add(3, 5, 1, 0);
    expect(b).not.toBe(a);
    expect(table.find(3, 5, 1, 0)).toBe(b);
    expect(table.find(3, 5, 2, 0)).toBe(-1);
  });
});
