/**
 * Help from the scenario's JSON Schema (scenarios/scenario.schema.json, made from the same zod
 * schema the checker uses): which keys may go where the cursor is, what each key means, and which
 * values a key takes. Where the cursor is comes from the indentation of the lines above it, so it
 * works while the file is half-typed and would not parse.
 */

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly title?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly required?: readonly string[];
}

/** A path segment: a mapping key, or ITEM for "an element of a list". */
export const ITEM = '[]';

interface LineShape {
  readonly indent: number;
  /** Where the line's content starts (after "- " for a list item). */
  readonly content: number;
  readonly dash: boolean;
  readonly key: string | null;
  readonly blank: boolean;
}

const LINE = /^(\s*)(-\s+)?(?:([A-Za-z_][\w-]*)\s*:(?:\s|$))?/;

function shape(line: string): LineShape {
  const m = LINE.exec(line)!;
  const indent = m[1]!.length;
  const dash = m[2] !== undefined;
  const trimmed = line.trim();
  return { indent, content: indent + (m[2]?.length ?? 0), dash, key: m[3] ?? null, blank: trimmed === '' || trimmed.startsWith('#') };
}

/**
 * The path of the mapping the cursor is in: e.g. ["nodes", "greet", "choices", ITEM] on a key of
 * a choice. `line` is 0-based; `column` is the cursor's 0-based column on it.
 */
export function mappingPathAt(lines: readonly string[], line: number, column: number): string[] {
  const here = shape(lines[line] ?? '');
  const path: string[] = [];
  let want: number;
  if (here.blank) {
    want = column;
  } else if (here.dash && column >= here.content) {
    path.unshift(ITEM);
    want = here.indent;
  } else {
    want = Math.min(here.content, column);
  }
  for (let i = line - 1; i >= 0 && want > 0; i -= 1) {
    const above = shape(lines[i] ?? '');
    if (above.blank) continue;
    if (above.dash && above.content <= want && above.indent < want) {
      if (above.content === want || above.key === null) {
        path.unshift(ITEM);
        want = above.indent;
        continue;
      }
    }
    if (above.content < want && above.key !== null) {
      path.unshift(above.key);
      if (above.dash) path.unshift(ITEM);
      want = above.dash ? above.indent : above.content;
    } else if (above.indent < want && !above.dash) {
      want = above.indent;
    }
  }
  return path;
}

function options(schema: JsonSchema): JsonSchema[] {
  const branches = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  return branches === undefined ? [schema] : branches.flatMap(options);
}

/** Every schema the value at `path` may follow (several where the format allows alternatives). */
export function schemasAt(root: JsonSchema, path: readonly string[]): JsonSchema[] {
  let current = options(root);
  for (const segment of path) {
    current = current.flatMap((s): JsonSchema[] => {
      if (segment === ITEM) return s.items === undefined ? [] : options(s.items);
      const field = s.properties?.[segment];
      if (field !== undefined) return options(field);
      return typeof s.additionalProperties === 'object' ? options(s.additionalProperties) : [];
    });
  }
  return current;
}

export interface KeyHelp {
  readonly key: string;
  readonly description: string;
  readonly required: boolean;
}

/** The keys a mapping at `path` may have, each with its description. */
export function keysAt(root: JsonSchema, path: readonly string[]): KeyHelp[] {
  const found = new Map<string, KeyHelp>();
  for (const s of schemasAt(root, path)) {
    for (const [key, field] of Object.entries(s.properties ?? {})) {
      if (found.has(key)) continue;
      const description = field.description ?? options(field).find((o) => o.description !== undefined)?.description ?? '';
      found.set(key, { key, description, required: s.required?.includes(key) === true });
    }
  }
  return [...found.values()];
}

/** What a key means and which values it takes, for a hover. */
export function describeKey(root: JsonSchema, path: readonly string[], key: string): string | null {
  const schemas = schemasAt(root, [...path, key]);
  if (schemas.length === 0) return null;
  const description = schemas.find((s) => s.description !== undefined)?.description ?? '';
  const values = valuesAt(root, [...path, key]);
  const kinds = [...new Set(schemas.flatMap((s) => (s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type as string])))];
  const parts = [description, values.length > 0 ? `One of: ${values.join(', ')}.` : kinds.length > 0 ? `A ${kinds.join(' or ')}.` : ''];
  const text = parts.filter((p) => p !== '').join(' ');
  return text === '' ? null : `${key}: ${text}`;
}

/** The fixed values a key takes (an enum, a constant, or a list of either), if any. */
export function valuesAt(root: JsonSchema, path: readonly string[]): string[] {
  const values = new Set<string>();
  for (const s of schemasAt(root, path)) {
    const leaf = s.items === undefined ? [s] : options(s.items);
    for (const l of leaf) {
      for (const v of l.enum ?? []) values.add(String(v));
      if (l.const !== undefined) values.add(String(l.const));
    }
  }
  return [...values];
}
