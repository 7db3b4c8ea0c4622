/**
 * Diagnostics: what a problem report looks like, how it is made from the catalogue and printed.
 */
import { z } from 'zod';
import type { CatalogueEntry } from './diagnostic-catalogue.ts';
import { DIAGNOSTICS } from './diagnostic-catalogue.ts';

export { DIAGNOSTICS };

export type DiagnosticCode = keyof typeof DIAGNOSTICS;
export const DIAGNOSTIC_CODES = Object.freeze(Object.keys(DIAGNOSTICS) as [DiagnosticCode, ...DiagnosticCode[]]);

export const DiagnosticSchema = z.strictObject({
  code: z.enum(DIAGNOSTIC_CODES),
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  /** 1-based. */
  line: z.number().int().min(1),
  /** 1-based. */
  col: z.number().int().min(1),
  message: z.string(),
  hint: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** The `{names}` a template uses. */
type TemplateParams<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | TemplateParams<Rest>
  : never;
export type DiagnosticParams<C extends DiagnosticCode> = Record<
  TemplateParams<(typeof DIAGNOSTICS)[C]['message']> | TemplateParams<(typeof DIAGNOSTICS)[C]['hint']>,
  string | number
>;

export interface SourcePosition {
  readonly line: number;
  readonly col: number;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function makeDiagnostic<C extends DiagnosticCode>(
  code: C,
  params: DiagnosticParams<C>,
  file: string,
  at: SourcePosition,
): Diagnostic {
  const entry: CatalogueEntry = DIAGNOSTICS[code];
  return {
    code,
    severity: entry.severity,
    file,
    line: at.line,
    col: at.col,
    message: upperFirst(fill(entry.message, params)),
    hint: fill(entry.hint, params),
  };
}

/** `file:line:col CODE message (hint)`, the way compilers print problems. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col} ${d.code} ${d.message} (${d.hint})`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Diagnostics in reading order: by line, then column, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code),
  );
}
