/**
 * The knowledge base's search: an article is found when it contains any of the searched words
 * (title, keywords or body), and ranked by how many of them it contains. Words of four letters or
 * more also match by their stem ("refunds" finds "refund", "refunding"). Pure and small on purpose:
 * the run log stores only the query, and replay searches again.
 */
import type { Article } from '../model/scenario-schema.ts';
import type { SearchIndexEntry } from './step-params.ts';
import { seededOrder } from './present-order.ts';
import { getOrInsert } from '../../shared/get-or-insert.ts';

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

function indexEntryOf(article: Article): SearchIndexEntry {
  const words = new Set(searchWords([article.title, ...(article.keywords ?? []), article.body].join(' ')));
  for (const word of [...words]) words.add(stem(word));
  return { id: article.id, words: [...words], readSeconds: readSeconds(article) };
}

/**
 * Each article's entry, made once per article object: the shared library's articles are the same
 * objects in every call that reaches them, so checking the library indexed each of them once per
 * call (20 times over) before. Articles are never changed once read.
 */
const entryByArticle = new WeakMap<Article, SearchIndexEntry>();

export function searchIndex(articles: readonly Article[]): SearchIndexEntry[] {
  return articles.map((article) => getOrInsert(entryByArticle, article, indexEntryOf));
}

/** Each entry's words as a set, built once per entry (entries are immutable compiled data). */
const wordSets = new WeakMap<SearchIndexEntry, ReadonlySet<string>>();
function wordSet(entry: SearchIndexEntry): ReadonlySet<string> {
  let set = wordSets.get(entry);
  if (set === undefined) {
    set = new Set(entry.words);
    wordSets.set(entry, set);
  }
  return set;
}

/** How many of the query's distinct words (each with its stem) the article contains. */
function hits(entry: SearchIndexEntry, query: readonly (readonly [string, string])[]): number {
  const words = wordSet(entry);
  let count = 0;
  for (const [word, stemmed] of query) if (words.has(word) || words.has(stemmed)) count += 1;
  return count;
}

type Scored = readonly { readonly id: string; readonly hits: number }[];
/** What a query finds, remembered per index: the hit counts, and the engine's own ranking once asked for. */
interface Remembered {
  readonly scored: Scored;
  ranked: readonly string[] | null;
}
/** The articles a query finds with their hit counts, in index order: the same for every seed, so remembered per index. */
const rememberedByIndex = new WeakMap<readonly SearchIndexEntry[], Map<string, Remembered>>();
const REMEMBERED_QUERIES = 500;
const newQueryMap = (): Map<string, Remembered> => new Map();

function remembered(index: readonly SearchIndexEntry[], query: string): Remembered {
  const byQuery = getOrInsert(rememberedByIndex, index, newQueryMap);
  let entry = byQuery.get(query);
  if (entry === undefined) {
    const words = [...new Set(searchWords(query))].map((word) => [word, stem(word)] as const);
    const scored = words.length === 0 ? [] : index.map((entry) => ({ id: entry.id, hits: hits(entry, words) })).filter((x) => x.hits > 0);
    if (byQuery.size >= REMEMBERED_QUERIES) byQuery.clear();
    entry = { scored, ranked: null };
    byQuery.set(query, entry);
  }
  return entry;
}

/** Ids of the articles a query finds, best first; ties in an order drawn from the seed. */
export function searchArticles(index: readonly SearchIndexEntry[], query: string, seed = 0, key = ''): string[] {
  const { scored } = remembered(index, query);
  if (scored.length === 0) return [];
  const shuffled = seededOrder(scored, seed, `search:${key}:${query}`);
  return shuffled.sort((a, b) => b.hits - a.hits).map((x) => x.id);
}

/**
 * What the call's own search finds (`searchArticles` at seed 0, no key): one frozen list per index
 * and query, worked out once, since a replay searches again at every look-up and a large knowledge
 * base would otherwise be ranked afresh each time.
 */
export function engineSearch(index: readonly SearchIndexEntry[], query: string): readonly string[] {
  const entry = remembered(index, query);
  entry.ranked ??= Object.freeze(searchArticles(index, query));
  return entry.ranked;
}

/** Seconds to read each article of an index, by id (the first entry of an id, as a search of the list finds). */
const readSecondsByIndex = new WeakMap<readonly SearchIndexEntry[], ReadonlyMap<string, number>>();

/** Seconds to read an article of the index; 0 for an id the index lacks. */
export function articleReadSeconds(index: readonly SearchIndexEntry[], article: string): number {
  let byId = readSecondsByIndex.get(index);
  if (byId === undefined) {
    const built = new Map<string, number>();
    for (const entry of index) if (!built.has(entry.id)) built.set(entry.id, entry.readSeconds);
    byId = built;
    readSecondsByIndex.set(index, byId);
  }
  return byId.get(article) ?? 0;
}
