/**
 * Reads a JSON body with a size limit enforced while it streams in (a body over the limit is cut
 * off at the limit, never held whole), requires `application/json`, and parses it with a zod
 * schema; bad input gets a clear 400, 413 or 415.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { MAX_BODY_BYTES } from '../../shared/classroom-http.ts';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response };

export function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
}

const tooLarge = (c: Context, limit: number) => {
  c.header('connection', 'close');
  return c.json({ error: `The request is too large (limit ${Math.round(limit / 1024)} KB).` }, 413);
};

/** True for `application/json` (with or without a charset): other types are what a form on another site can send without asking. */
export function isJson(c: Context): boolean {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/** The body's text, or null once it passes `limit` bytes (reading stops there). */
async function readLimited(c: Context, limit: number): Promise<string | null> {
  const stream = c.req.raw.body;
  if (stream === null) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readBody<S extends z.ZodType>(c: Context, schema: S, limit = MAX_BODY_BYTES): Promise<BodyResult<z.infer<S>>> {
  if (!isJson(c)) return { ok: false, response: c.json({ error: 'Send the request as JSON (Content-Type: application/json).' }, 415) };
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) return { ok: false, response: tooLarge(c, limit) };
  let text: string | null;
  try {
    text = await readLimited(c, limit);
  } catch {
    // The client went away mid-body: nothing to answer, nothing worth a stack trace.
    return { ok: false, response: c.json({ error: 'The request body did not arrive in full.' }, 400) };
  }
  if (text === null) return { ok: false, response: tooLarge(c, limit) };
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
