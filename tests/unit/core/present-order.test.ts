import { describe, expect, it } from 'vitest';
import { seededOrder } from '../../../src/core/engine/present-order.ts';
import { searchArticles, searchIndex } from '../../../src/core/engine/kb-search.ts';

describe('seeded presentation order', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('is a permutation that the same seed and key always repeat', () => {
    const once = seededOrder(items, 42, 'greet#1');
    expect([...once].sort()).toEqual(items);
    expect(seededOrder(items, 42, 'greet#1')).toEqual(once);
  });

  it('puts the right answer first on about a fifth of seeds, not on all of them', () => {
    let first = 0;
    for (let seed = 0; seed < 1000; seed += 1) if (seededOrder(items, seed, 'greet#1')[0] === 'a') first += 1;
    expect(first).toBeGreaterThan(150);
    expect(first).toBeLessThan(250);
  });

  it('keeps pinned items at their end in file order', () => {
    const pin = (x: string) => (x === 'a' ? 'first' : x === 'd' || x === 'e' ? 'last' : undefined);
    for (let seed = 0; seed < 50; seed += 1) {
      const order = seededOrder(items, seed, 'k', pin);
      expect(order[0]).toBe('a');
      expect(order.slice(-2)).toEqual(['d', 'e']);
    }
  });
});

describe('knowledge-base search', () => {
  const index = searchIndex([
    { id: 'refunds', title: 'Refunding a duplicate payment', body: 'Refund to the paying account within five working days.', source: 'Test', asOf: '2026-01-01' },
    { id: 'credit', title: 'Account credit', body: 'Credit is applied to the next bill.', keywords: ['duplicate'], source: 'Test', asOf: '2020-01-01' },
    { id: 'moving', title: 'Moving home', body: 'Update the address.', source: 'Test', asOf: '2026-01-01' },
  ]);

  it('finds articles by any word, its endings included, best matches first', () => {
    expect(searchArticles(index, 'refunded duplicate payments')).toEqual(['refunds', 'credit']);
    expect(searchArticles(index, 'the of and')).toEqual([]);
    expect(searchArticles(index, 'address')).toEqual(['moving']);
  });

  it('does not confuse words that only share a beginning', () => {
    expect(searchArticles(index, 'refuse')).toEqual([]);
  });
});
