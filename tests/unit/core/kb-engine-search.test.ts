import { describe, expect, it } from 'vitest';
import { articleReadSeconds, engineSearch, searchArticles, searchIndex } from '../../../src/core/engine/kb-search.ts';
import type { Article } from '../../../src/core/model/scenario-schema.ts';

const article = (id: string, title: string, body: string): Article => ({ id, title, body, source: 'Test', asOf: '2026-01-01' });

describe("the call's own search, remembered per index", () => {
  const articles = Array.from({ length: 40 }, (_, i) => article(`refund-${i}`, `Refund policy ${i}`, i % 3 === 0 ? 'Refunds and duplicate payments.' : 'Refunds only.'));
  const index = searchIndex(articles);

  it('finds what searchArticles finds at seed 0, in the same order, every time it is asked', () => {
    const first = engineSearch(index, 'duplicate refund');
    expect(first).toEqual(searchArticles(index, 'duplicate refund'));
    expect(first.length).toBe(40);
    expect(first.slice(0, 14).every((id) => Number(id.split('-')[1]) % 3 === 0)).toBe(true);
    expect(engineSearch(index, 'duplicate refund')).toEqual(first);
  });

  it('hands out a list no caller can change', () => {
    const found = engineSearch(index, 'refund') as string[];
    expect(() => found.push('made-up')).toThrow();
    expect(engineSearch(index, 'refund')).not.toContain('made-up');
  });

  it('finds nothing for a query of stop words only', () => {
    expect(engineSearch(index, 'the and of')).toEqual([]);
  });

  it("reads an article's seconds by id, the first entry of an id winning, and 0 for one the index lacks", () => {
    const doubled = [...searchIndex([article('a', 'Short', 'One.')]), ...searchIndex([article('a', 'Long', 'word '.repeat(200))])];
    expect(articleReadSeconds(doubled, 'a')).toBe(doubled[0]!.readSeconds);
    expect(doubled[0]!.readSeconds).not.toBe(doubled[1]!.readSeconds);
    expect(articleReadSeconds(doubled, 'missing')).toBe(0);
  });
});
