/**
 * The articles and teams a call can reach, and the search index over those articles, worked out
 * once per call and library: the reference check and the compiler both need them while one file
 * is loaded, and both are handed the same scenario object.
 */
import type { Article, Scenario, Team } from '../core/model/scenario-schema.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import type { SearchIndexEntry } from '../core/engine/step-params.ts';
import { searchIndex } from '../core/engine/kb-search.ts';
import { getOrInsert } from '../shared/get-or-insert.ts';

export interface CallKnowledge {
  readonly articles: Article[];
  readonly teams: Team[];
  readonly index: SearchIndexEntry[];
}

/** The articles and teams a call can reach: the shared library's, then the call's own (which win on a clash of ids). */
export function callLibrary(scenario: Scenario, library: KnowledgeLibrary): { articles: Article[]; teams: Team[] } {
  const own = new Set((scenario.kb ?? []).map((a) => a.id));
  const ownTeams = new Set((scenario.directory ?? []).map((t) => t.id));
  return {
    articles: [...library.articles.filter((a) => !own.has(a.id)), ...(scenario.kb ?? [])],
    teams: [...library.teams.filter((t) => !ownTeams.has(t.id)), ...(scenario.directory ?? [])],
  };
}

/** Per scenario object, per library: what the call can reach (scenarios and libraries are never changed once read). */
const known = new WeakMap<Scenario, WeakMap<KnowledgeLibrary, CallKnowledge>>();
const newByLibrary = (): WeakMap<KnowledgeLibrary, CallKnowledge> => new WeakMap();

export function callKnowledge(scenario: Scenario, library: KnowledgeLibrary): CallKnowledge {
  return getOrInsert(getOrInsert(known, scenario, newByLibrary), library, () => {
    const { articles, teams } = callLibrary(scenario, library);
    return { articles, teams, index: searchIndex(articles) };
  });
}
