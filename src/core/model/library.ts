/** What every call can reach besides its own file: the shared knowledge base and team directory. */
import type { Article, Team } from './scenario-schema.ts';

export interface KnowledgeLibrary {
  readonly articles: readonly Article[];
  readonly teams: readonly Team[];
}

export const EMPTY_LIBRARY: KnowledgeLibrary = Object.freeze({ articles: [], teams: [] });
