/**
 * POST /api/sessions/:code/calls: the trainer adds one uploaded call to a session that is already
 * running (from the workbench's send panel, say). The file goes through the same checker as an
 * upload at creation (the worker with its time limit, so a call whose flags multiply its states is
 * refused the same way) and shares the creation routes' rate bucket. The room decides the rest
 * (locked or ended sessions, a second call with the same id, the session's limit), stores the new
 * list, and pushes it to every trainer and trainee page.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { AddSessionCallBodySchema, type AddedSessionCallSchema } from '../../shared/classroom-http.ts';
import type { Room } from '../rooms/room.ts';
import type { ScenarioChecker } from '../check/scenario-checker.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { jsonBody } from './json-body.ts';

type RoomEnv = { Variables: { room: Room } };

export interface SessionCallDeps {
  readonly checker: ScenarioChecker;
  /** The bucket session creation and file checks share. */
  readonly limiter: RateLimiter;
  readonly addressOf: (c: Context) => string;
}

export function sessionCallRoutes(app: Hono<RoomEnv>, deps: SessionCallDeps, trainerOnly: MiddlewareHandler<RoomEnv>): void {
  app.post('/api/sessions/:code/calls', trainerOnly, async (c, next) => {
    if (!deps.limiter.take(deps.addressOf(c))) return c.json({ error: 'Too many files checked from here: please wait a minute.' }, 429);
    await next();
  }, jsonBody(AddSessionCallBodySchema), async (c) => {
    const room = c.var.room;
    const upload = c.req.valid('json');
    const checked = await deps.checker.check(upload.text, upload.file);
    if (!checked.ok) {
      return checked.busy === true
        ? c.json({ error: 'The server is busy checking other files; please try again in a moment.', details: checked.diagnostics }, 503)
        : c.json({ error: 'This call could not be used.', details: checked.diagnostics }, 400);
    }
    const { scenario, hash } = checked.definition;
    const added = await room.addScenario({ id: scenario.id, title: scenario.title, hash, uploaded: true, file: upload.file, text: upload.text }, checked.definition);
    if (!added.ok) return c.json({ error: added.error }, added.status);
    return c.json({ ...added.value, scenarios: room.scenarios } satisfies z.input<typeof AddedSessionCallSchema>, added.value.alreadyThere ? 200 : 201);
  });
}
