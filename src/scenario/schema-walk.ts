/** Looks inside the scenario's zod schemas: what a path allows, so messages can say it. */
import { z } from 'zod';

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap() as AnySchema;
  }
  return current;
}

/** The schema describing the value at `path`, or undefined when the path leaves the schema. */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(root);
  for (const segment of path) {
    if (current instanceof z.ZodObject) {
      const field: AnySchema | undefined = (current.shape as Record<string, AnySchema>)[String(segment)];
      current = field === undefined ? undefined : unwrap(field);
    } else if (current instanceof z.ZodArray) {
      current = unwrap(current.element as AnySchema);
    } else if (current instanceof z.ZodRecord) {
      current = unwrap(current.valueType as AnySchema);
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** The field names an object (or an enum-keyed record) at `path` accepts. */
export function allowedKeysAt(root: AnySchema, path: readonly PropertyKey[]): string[] {
  const schema = schemaAt(root, path);
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape as Record<string, unknown>);
  if (schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum) {
    return (schema.keyType.options as readonly (string | number)[]).map(String);
  }
  return [];
}

/** The inclusive bounds of a number field, when it has them. */
export function numberRangeAt(root: AnySchema, path: readonly PropertyKey[]): { min: number | null; max: number | null } {
  const schema = schemaAt(root, path);
  if (!(schema instanceof z.ZodNumber)) return { min: null, max: null };
  const min = schema.minValue;
  const max = schema.maxValue;
  return {
    min: min === null || !Number.isFinite(min) || Math.abs(min) >= Number.MAX_SAFE_INTEGER ? null : min,
    max: max === null || !Number.isFinite(max) || Math.abs(max) >= Number.MAX_SAFE_INTEGER ? null : max,
  };
}

/** The field's own description from the schema's metadata, if it has one. */
export function descriptionAt(root: AnySchema, path: readonly PropertyKey[]): string | undefined {
  const parent = schemaAt(root, path.slice(0, -1));
  if (!(parent instanceof z.ZodObject)) return undefined;
  const field = (parent.shape as Record<string, z.ZodType>)[String(path[path.length - 1])];
  if (field === undefined) return undefined;
  const own = field.meta()?.description ?? (unwrap(field) as z.ZodType).meta()?.description;
  return typeof own === 'string' ? own : undefined;
}
