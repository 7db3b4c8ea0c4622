/**
 * Validation stage a: the shape of the file. The top level is checked without its steps, then each
 * step against the schema for its own `type`, so a mistake in one step reads as that step's
 * mistake rather than as "matches none of eight step types".
 */
import { z } from 'zod';
import { IdSchema, NODE_TYPES, NodeSchemas, ScenarioSchema } from '../core/model/scenario-schema.ts';
import type { NodeType, Scenario, ScenarioNode } from '../core/model/scenario-schema.ts';
import type { Diagnostic } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
import type { Locate } from './parse.ts';
import { issueToDiagnostics } from './issue-diagnostics.ts';
import { didYouMean } from './closest-word.ts';
import { describeValue } from './path-words.ts';

const TopLevelSchema = ScenarioSchema.extend({ nodes: z.record(z.string(), z.unknown()) });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && (NODE_TYPES as readonly string[]).includes(value);
}

/** Keys the schema does not know, by where they were written: a file whose only slips are these can still be checked further. */
interface UnknownKeys {
  readonly found: { readonly path: readonly PropertyKey[]; readonly keys: readonly string[] }[];
  /** Some other shape problem: the file cannot be read as a call. */
  other: boolean;
}

function noteIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[], unknown: UnknownKeys): void {
  if (issue.code === 'unrecognized_keys') unknown.found.push({ path: [...prefix, ...issue.path], keys: issue.keys });
  else unknown.other = true;
}

/** A step's problems, and the step as its schema reads it when it has none. */
interface CheckedNode {
  readonly diagnostics: Diagnostic[];
  readonly node?: ScenarioNode;
}

function checkNode(id: string, node: unknown, file: string, locate: Locate, unknown: UnknownKeys): CheckedNode {
  const path = ['nodes', id];
  const diagnostics: Diagnostic[] = [];
  if (!IdSchema.safeParse(id).success) diagnostics.push(makeDiagnostic('HTL0044', { id }, file, locate(path)));
  if (diagnostics.length > 0) unknown.other = true;
  if (!isPlainObject(node)) {
    unknown.other = true;
    diagnostics.push(
      makeDiagnostic(
        'HTL0012',
        { field: `step \`${id}\``, expected: 'a block of fields', found: describeValue(node) },
        file,
        locate(path),
      ),
    );
    return { diagnostics };
  }
  const type = node.type ?? 'talk';
  if (!isNodeType(type)) {
    unknown.other = true;
    diagnostics.push(
      makeDiagnostic(
        'HTL0015',
        {
          id,
          type: String(type),
          suggestion: typeof type === 'string' ? didYouMean(type, NODE_TYPES) : '',
          allowed: NODE_TYPES.join(', '),
        },
        file,
        locate([...path, 'type']),
      ),
    );
    return { diagnostics };
  }
  const schema = NodeSchemas[type];
  const result = schema.safeParse(node);
  if (!result.success) {
    for (const issue of result.error.issues) {
      noteIssue(issue, path, unknown);
      diagnostics.push(...issueToDiagnostics(issue, { file, locate, schema, data: node, prefix: path }));
    }
    return { diagnostics };
  }
  return diagnostics.length > 0 ? { diagnostics } : { diagnostics, node: result.data };
}

export interface ShapeResult {
  readonly scenario?: Scenario;
  /** When the only problems are unknown keys: the call read without them, so later stages can still look for independent problems. */
  readonly salvaged?: Scenario;
  readonly diagnostics: Diagnostic[];
}

/** A copy of parsed file data (plain objects, arrays and scalars). */
function copyData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyData);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyData(v)]));
  return value;
}

function withoutKeys(data: unknown, found: UnknownKeys['found']): unknown {
  const copy = copyData(data);
  for (const { path, keys } of found) {
    let at: unknown = copy;
    for (const segment of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[segment] : undefined;
    if (at === null || typeof at !== 'object') continue;
    for (const key of keys) delete (at as Record<string, unknown>)[key];
  }
  return copy;
}

export function validateShape(data: unknown, file: string, locate: Locate): ShapeResult {
  if (!isPlainObject(data)) {
    return { diagnostics: [makeDiagnostic('HTL0004', { found: describeValue(data) }, file, locate([]))] };
  }
  const diagnostics: Diagnostic[] = [];
  const unknown: UnknownKeys = { found: [], other: false };
  const top = TopLevelSchema.safeParse(data);
  if (!top.success) {
    for (const issue of top.error.issues) {
      noteIssue(issue, [], unknown);
      diagnostics.push(...issueToDiagnostics(issue, { file, locate, schema: TopLevelSchema, data, prefix: [] }));
    }
  }
  const nodes = data.nodes;
  const read: [string, ScenarioNode][] = [];
  if (isPlainObject(nodes)) {
    for (const [id, node] of Object.entries(nodes)) {
      const checked = checkNode(id, node, file, locate, unknown);
      diagnostics.push(...checked.diagnostics);
      if (checked.node !== undefined) read.push([id, checked.node]);
    }
  }
  if (diagnostics.length > 0) {
    if (unknown.other || unknown.found.length === 0) return { diagnostics };
    const salvaged = ScenarioSchema.safeParse(withoutKeys(data, unknown.found));
    return salvaged.success ? { salvaged: salvaged.data, diagnostics } : { diagnostics };
  }

  // The top level and every step read cleanly, each by its own schema: together they are the call
  // as ScenarioSchema reads it (a step matches only the schema of its own type), without reading
  // every step a second time.
  return { scenario: { ...(top.data as Omit<Scenario, 'nodes'>), nodes: Object.fromEntries(read) }, diagnostics };
}
