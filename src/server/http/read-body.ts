/** Reads a JSON body with a size limit and parses it with a zod schema; bad input gets a clear 400 or 413. */
import type { Context } from 'hono';
import { z } from 'zod';
import { MAX_BODY_BYTES } from '../../shared/classroom-http.ts';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response };

export function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
}

export async function readBody<S extends z.ZodType>(c: Context, schema: S, limit = MAX_BODY_BYTES): Promise<BodyResult<z.infer<S>>> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) return { ok: false, response: c.json({ error: `The request is too large (limit ${Math.round(limit / 1024)} KB).` }, 413) };
  const text = await c.req.text();
  if (Buffer.byteLength(text) > limit) return { ok: false, response: c.json({ error: `The request is too large (limit ${Math.round(limit / 1024)} KB).` }, 413) };
  let data: unknown;
  try {
    data = text === '' ? {} : JSON.parse(text);
  } catch {
    return { ok: false, response: c.json({ error: 'The request body is not valid JSON.' }, 400) };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, response: c.json({ error: 'The request was not valid.', details: issuesOf(parsed.error) }, 400) };
  return { ok: true, value: parsed.data };
}
