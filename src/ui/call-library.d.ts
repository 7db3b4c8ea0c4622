/** The call library checked at build time by tools/vite-call-library.ts: summaries only; each call's data loads on demand. */
declare module 'virtual:call-library' {
  import type { BuiltCall } from '../scenario/built-library.ts';
  export const calls: readonly BuiltCall[];
}

declare module 'virtual:call-library/knowledge' {
  import type { KnowledgeLibrary } from '../core/model/library.ts';
  const knowledge: KnowledgeLibrary;
  export default knowledge;
}
