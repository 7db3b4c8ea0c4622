/**
 * One middleware for every JSON body: `application/json` only (415: another site's form can post
 * text/plain or a form without asking first), Hono's `bodyLimit` (a body over the limit is cut
 * off as it streams, never held whole: 413), and Hono's validator with a shared zod schema (400
 * with each problem listed). The route reads the parsed body with `c.req.valid('json')`.
 */
import type { Context, Env, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { MAX_BODY_BYTES } from '../../shared/classroom-http.ts';

export function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
}

/** True for `application/json` (with or without a charset). */
export function isJson(c: Context): boolean {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

export const NOT_JSON_TYPE = 'Send the request as JSON (Content-Type: application/json).';

const tooLarge = (c: Context, limit: number) => {
  c.header('connection', 'close');
  return c.json({ error: `The request is too large (limit ${Math.round(limit / 1024)} KB).` }, 413);
};

type JsonInput<S extends z.ZodType> = { in: { json: z.input<S> }; out: { json: z.output<S> } };

export function jsonBody<S extends z.ZodType>(schema: S, limit = MAX_BODY_BYTES): MiddlewareHandler<Env, string, JsonInput<S>> {
  const limited: MiddlewareHandler = bodyLimit({ maxSize: limit, onError: (c) => tooLarge(c, limit) });
  // Typed at the boundary (the returned handler); inside, the two steps are plain middleware.
  const validated = validator('json', (value, c) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? (parsed.data as object) : c.json({ error: 'The request was not valid.', details: issuesOf(parsed.error) }, 400);
  }) as unknown as MiddlewareHandler;
  return async (c, next) => {
    if (!isJson(c)) return c.json({ error: NOT_JSON_TYPE }, 415);
    let arrived = false;
    try {
      const answer = await limited(c, async () => {
        const refused = await validated(c, async () => {
          arrived = true;
          await next();
        });
        if (refused instanceof Response) c.res = refused;
      });
      return answer instanceof Response ? answer : undefined;
    } catch (error) {
      // The client went away mid-body: nothing to answer, nothing worth a stack trace.
      if (!arrived && !(error instanceof HTTPException)) return c.json({ error: 'The request body did not arrive in full.' }, 400);
      throw error;
    }
  };
}

/** Hono's own refusals (a body that is not JSON at all) as the same short JSON answers as ours. */
export function httpRefusal(error: HTTPException, c: Context): Response {
  const message = error.status === 400 ? 'The request body is not valid JSON.' : error.message || 'The request was refused.';
  return c.json({ error: message }, error.status);
}
