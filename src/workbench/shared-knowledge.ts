/**
 * The shared knowledge base and team directory (kb/), read from their files at build time as text
 * and checked by the same loader the game uses, so calls in the workbench see the articles and
 * teams they will see in the game. Only the checking worker imports this.
 */
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { loadLibrary } from '../scenario/load-library.ts';

const files = import.meta.glob<string>(['/kb/articles/*.yaml', '/kb/directory.yaml'], { query: '?raw', import: 'default', eager: true });

let cached: KnowledgeLibrary | null = null;

export function sharedKnowledge(): KnowledgeLibrary {
  cached ??= loadLibrary(Object.entries(files).map(([path, text]) => ({ path: path.slice(1), text }))).library;
  return cached;
}
