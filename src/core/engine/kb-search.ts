/**
 * The knowledge base's search: an article is found when it contains any of the searched words
 * (title, keywords or body), and ranked by how many of them it contains. Words of four letters or
 * more also match by their stem ("refunds" finds "refund", "refunding"). Pure and small on purpose:
 * the run log stores only the query, and replay searches again.
 */
import type { Article } from '../model/scenario-schema.ts';
import type { SearchIndexEntry } from './step-params.ts';
import { seededOrder } from './present-order.ts';

const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from has have how i if in is it its me my no not of on or our so that the their them then there they this to was we what when where which who why will with you your'.split(' '),
);

export const KB_SEARCH_SECONDS = 5;
export const KB_READ_BASE_SECONDS = 10;
export const KB_READ_SECONDS_PER_WORD = 0.25;
export const KB_READ_MAX_SECONDS = 90;

/** Lower-case words, punctuation dropped; money and numbers kept whole ("34.99", "£75"). */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9£.]+/)
    .map((word) => word.replace(/^\.+|\.+$/g, ''))
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** A word without its common endings ("refunds", "refunded", "refunding" → "refund"), kept at four letters or more. */
function stem(word: string): string {
  if (word.length < 5) return word;
  const cut = word.replace(/(ing|ed|es|s)$/, '');
  return cut.length >= 4 ? cut : word;
}

export function readSeconds(article: Article): number {
  const words = article.body.split(/\s+/).length + article.title.split(/\s+/).length;
  return Math.min(KB_READ_MAX_SECONDS, Math.ceil(KB_READ_BASE_SECONDS + KB_READ_SECONDS_PER_WORD * words));
}

export function searchIndex(articles: readonly Article[]): SearchIndexEntry[] {
  return articles.map((article) => {
    const words = new Set(searchWords([article.title, ...(article.keywords ?? []), article.body].join(' ')));
    for (const word of [...words]) words.add(stem(word));
    return { id: article.id, words: [...words], readSeconds: readSeconds(article) };
  });
}

/** How many of the query's distinct words the article contains. */
function hits(entry: SearchIndexEntry, query: readonly string[]): number {
  const words = new Set(entry.words);
  return query.filter((word) => words.has(word) || words.has(stem(word))).length;
}

/** Ids of the articles a query finds, best first; ties in an order drawn from the seed. */
export function searchArticles(index: readonly SearchIndexEntry[], query: string, seed = 0, key = ''): string[] {
  const words = [...new Set(searchWords(query))];
  if (words.length === 0) return [];
  const scored = index.map((entry) => ({ id: entry.id, hits: hits(entry, words) })).filter((x) => x.hits > 0);
  const shuffled = seededOrder(scored, seed, `search:${key}:${query}`);
  return shuffled.sort((a, b) => b.hits - a.hits).map((x) => x.id);
}
