/** Turns zod's validation issues into catalogue diagnostics a trainer can act on. */
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
import type { Locate } from './parse.ts';
import { didYouMean } from './closest-word.ts';
import { allowedKeysAt, descriptionAt, numberRangeAt, schemaAt } from './schema-walk.ts';
import { describeContainer, describeField, describeValue, listNoun, valueAt } from './path-words.ts';

export interface IssueContext {
  readonly file: string;
  readonly locate: Locate;
  /** The schema the data was checked against. */
  readonly schema: z.core.$ZodType;
  /** The data checked. */
  readonly data: unknown;
  /** Where that data sits in the file, e.g. ['nodes', 'greet']. */
  readonly prefix: readonly PropertyKey[];
}

function expectedWords(expected: string, schema: unknown, key: PropertyKey | undefined): string {
  switch (expected) {
    case 'array':
      return `a list of ${listNoun(key, 2)}`;
    case 'object':
    case 'record':
      return schema instanceof z.ZodRecord ? 'a block of `name: value` pairs' : 'a block of fields';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return '`true` or `false`';
    default:
      return expected;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function rangeWords(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${min} to ${max}`;
  if (min !== null) return `${min} or more`;
  if (max !== null) return `${max} or less`;
  return 'the allowed range';
}

/** What was written, quoted when it is a plain value: `incoming`, `7`, or "a list". */
function written(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `\`${String(value)}\``;
  return describeValue(value);
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? `\`${v}\`` : String(v))).join(', ');
}

/** One diagnostic per problem zod found (an unknown-keys issue may name several keys). */
export function issueToDiagnostics(issue: z.core.$ZodIssue, ctx: IssueContext): Diagnostic[] {
  const path = issue.path;
  const full = [...ctx.prefix, ...path];
  const at = ctx.locate(full);
  const value = valueAt(ctx.data, path);
  const field = describeField(full);
  const key = path[path.length - 1];

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(ctx.schema, path);
      return issue.keys.map((unknownKey) =>
        makeDiagnostic(
          'HTL0010',
          {
            key: unknownKey,
            where: describeContainer(full),
            suggestion: didYouMean(unknownKey, allowed),
            allowed: allowed.join(', '),
          },
          ctx.file,
          ctx.locate([...full, unknownKey]),
        ),
      );
    }
    case 'invalid_type': {
      if (value === undefined) {
        const schema = schemaAt(ctx.schema, path);
        const about = descriptionAt(ctx.schema, path) ?? expectedWords(issue.expected, schema, key);
        return [
          makeDiagnostic(
            'HTL0011',
            { key: String(key), where: describeContainer(full.slice(0, -1)), about: lowerFirst(about.replace(/\.$/, '')) },
            ctx.file,
            at,
          ),
        ];
      }
      if (issue.expected === 'int' && typeof value === 'number') {
        return [makeDiagnostic('HTL0020', { field, value: written(value) }, ctx.file, at)];
      }
      const expected = expectedWords(issue.expected, schemaAt(ctx.schema, path), key);
      return [makeDiagnostic('HTL0012', { field, expected, found: describeValue(value) }, ctx.file, at)];
    }
    case 'too_small':
    case 'too_big': {
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.origin === 'number') {
        const range = numberRangeAt(ctx.schema, path);
        return [makeDiagnostic('HTL0013', { field, value: written(value), range: rangeWords(range.min, range.max) }, ctx.file, at)];
      }
      if (issue.origin === 'string' && issue.code === 'too_small' && bound <= 1) {
        return [makeDiagnostic('HTL0018', { field }, ctx.file, at)];
      }
      if (issue.origin === 'array') {
        const count = Array.isArray(value) ? value.length : 0;
        const small = issue.code === 'too_small';
        return [
          makeDiagnostic(
            'HTL0017',
            {
              field,
              count: count === 0 ? `no ${listNoun(key, 2)}` : `${count} ${listNoun(key, count)}`,
              limit: `${small ? 'at least' : 'at most'} ${bound}`,
              advice: small ? `add ${listNoun(key, 2)} until there are ${bound}` : `remove ${listNoun(key, 2)} until there are ${bound}`,
            },
            ctx.file,
            at,
          ),
        ];
      }
      const detail = issue.origin === 'string' ? `longer than ${bound} characters` : issue.message;
      return [makeDiagnostic('HTL0019', { field, detail }, ctx.file, at)];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return [
        makeDiagnostic(
          'HTL0014',
          {
            field,
            value: written(value),
            suggestion: typeof value === 'string' ? didYouMean(value, allowed) : '',
            allowed: quoteList(issue.values),
          },
          ctx.file,
          at,
        ),
      ];
    }
    case 'invalid_format':
      return [makeDiagnostic('HTL0016', { field, value: written(value), rule: issue.message }, ctx.file, at)];
    case 'invalid_key': {
      const rule = issue.issues[0]?.message ?? issue.message;
      return [
        makeDiagnostic('HTL0016', { field: `a name in ${describeField(full.slice(0, -1))}`, value: written(String(key)), rule }, ctx.file, at),
      ];
    }
    default:
      return [makeDiagnostic('HTL0019', { field, detail: issue.message }, ctx.file, at)];
  }
}
