/**
 * The shared knowledge base and team directory, read from their files (kb/articles/*.yaml, one
 * article per file named after its id, and kb/directory.yaml) through the same parser and checks
 * as calls, so a mistake in an article is a diagnostic with a line and column, never a crash.
 */
import { z } from 'zod';
import { ArticleSchema, TeamSchema } from '../core/model/scenario-schema.ts';
import type { Article, Team } from '../core/model/scenario-schema.ts';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import type { Diagnostic } from './diagnostics.ts';
import { hasErrors, makeDiagnostic } from './diagnostics.ts';
import { parseSource } from './parse.ts';
import { issueToDiagnostics } from './issue-diagnostics.ts';

export interface LibraryFile {
  /** The file's path, e.g. "kb/articles/dd-refund-timescales.yaml" or "kb/directory.yaml". */
  readonly path: string;
  readonly text: string;
}

export interface LibraryResult {
  readonly library: KnowledgeLibrary;
  readonly diagnostics: Diagnostic[];
}

const DirectorySchema = z.strictObject({ teams: z.array(TeamSchema).min(1) });

function parseWith<T>(file: LibraryFile, schema: z.ZodType<T>): { value?: T; diagnostics: Diagnostic[] } {
  const parsed = parseSource(file.text, file.path);
  if (hasErrors(parsed.diagnostics) || parsed.data === undefined) return { diagnostics: parsed.diagnostics };
  const result = schema.safeParse(parsed.data);
  if (result.success) return { value: result.data, diagnostics: parsed.diagnostics };
  return {
    diagnostics: result.error.issues.flatMap((issue) =>
      issueToDiagnostics(issue, { file: file.path, locate: parsed.locate, schema, data: parsed.data, prefix: [] }),
    ),
  };
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.(ya?ml|json)$/, '');
}

export function loadLibrary(files: readonly LibraryFile[]): LibraryResult {
  const articles: Article[] = [];
  const teams: Team[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (baseName(file.path) === 'directory') {
      const { value, diagnostics: found } = parseWith(file, DirectorySchema);
      diagnostics.push(...found);
      if (value !== undefined) teams.push(...value.teams);
      continue;
    }
    const { value, diagnostics: found } = parseWith(file, ArticleSchema);
    diagnostics.push(...found);
    if (value === undefined) continue;
    if (value.id !== baseName(file.path)) {
      diagnostics.push(
        makeDiagnostic('HTL0067', { id: value.id, what: `names: the article's id and its file name (${baseName(file.path)})` }, file.path, { line: 1, col: 1 }),
      );
      continue;
    }
    if (articles.some((a) => a.id === value.id)) {
      diagnostics.push(makeDiagnostic('HTL0067', { id: value.id, what: 'articles in kb/articles' }, file.path, { line: 1, col: 1 }));
      continue;
    }
    articles.push(value);
  }
  return { library: { articles, teams }, diagnostics };
}
