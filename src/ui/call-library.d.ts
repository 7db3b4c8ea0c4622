/** The call library checked at build time by tools/vite-call-library.ts. */
declare module 'virtual:call-library' {
  import type { KnowledgeLibrary } from '../core/model/library.ts';
  import type { BuiltCall } from '../scenario/built-library.ts';
  export const knowledge: KnowledgeLibrary;
  export const calls: readonly BuiltCall[];
}
