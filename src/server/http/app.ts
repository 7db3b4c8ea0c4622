/**
 * The classroom's HTTP routes on Hono. Every body is JSON, size-limited as it streams and parsed
 * with a schema from src/shared; the trainer's routes need the trainer key header; every address is
 * rate-limited, and join codes are looked up through the guard the WebSockets share.
 */
import { Hono, type Context } from 'hono';
import { JoinCodeSchema as _Code, PlayerIdSchema } from '../../shared/classroom-ids.ts';
import {
  CheckScenarioBodySchema,
  ControlBodySchema,
  CreateSessionBodySchema,
  JoinBodySchema,
  RemovePlayerBodySchema,
  SubmitBodySchema,
  TicketBodySchema,
  TRAINER_KEY_HEADER,
} from '../../shared/classroom-http.ts';
import { debriefCsv } from '../../core/classroom/export-csv.ts';
import type { Rooms } from '../rooms/rooms.ts';
import type { Room } from '../rooms/room.ts';
import type { ScenarioLibrary } from '../scenario-library.ts';
import { inlineChecker, type ScenarioChecker } from '../check/scenario-checker.ts';
import { RateLimiter } from '../rate-limit.ts';
import { CodeGuard, WRONG_CODES_MESSAGE } from '../code-guard.ts';
import { isJson, readBody } from './read-body.ts';
import { securityHeaders } from './security-headers.ts';

export interface AppDeps {
  readonly rooms: Rooms;
  readonly library: ScenarioLibrary;
  /** The caller's address, for rate limits (never stored). */
  readonly addressOf: (c: Context) => string;
  readonly limits?: { readonly perAddress: number; readonly perSecond: number; readonly sessionBurst?: number };
  /** Shared with the WebSockets: one bucket of wrong codes per address. */
  readonly codes?: CodeGuard;
  /** Checks uploaded files off the event loop (a worker with a time limit on the real server). */
  readonly checker?: ScenarioChecker;
}

export function classroomApp(deps: AppDeps): Hono {
  const app = new Hono();
  const limiter = new RateLimiter(deps.limits?.perAddress ?? 120, deps.limits?.perSecond ?? 40);
  /** Creating sessions and checking files are the costly routes: both share this bucket. */
  const createLimiter = new RateLimiter(deps.limits?.sessionBurst ?? 10, 0.2);
  const codes = deps.codes ?? new CodeGuard();
  const checker = deps.checker ?? inlineChecker;

  app.onError((error, c) => {
    console.error('classroom route failed:', error instanceof Error ? error.message : error);
    return c.json({ error: 'Something went wrong on the server. Please try again.' }, 500);
  });
  app.notFound((c) => c.json({ error: 'Not found.' }, 404));
  app.use('*', securityHeaders);

  app.use('/api/*', async (c, next) => {
    if (!limiter.take(deps.addressOf(c))) return c.json({ error: 'Too many requests: please wait a moment.' }, 429);
    // Another site's form can post text/plain without asking first: only JSON bodies are taken.
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && hasBody && !isJson(c)) {
      return c.json({ error: 'Send the request as JSON (Content-Type: application/json).' }, 415);
    }
    await next();
    c.header('cache-control', 'no-store');
  });

  const room = async (c: Context): Promise<Room | Response> => {
    const code = _Code.safeParse(c.req.param('code'));
    const { found, limited } = await codes.lookup(deps.addressOf(c), async () => {
      const r = code.success ? await deps.rooms.get(code.data) : null;
      return r === null || r.deleted ? null : r;
    });
    if (limited) return c.json({ error: WRONG_CODES_MESSAGE }, 429);
    if (found !== null) return found;
    return c.json({ error: 'No session has that code. Check the code on the projector.' }, 404);
  };
  const trainerRoom = async (c: Context): Promise<Room | Response> => {
    const r = await room(c);
    if (r instanceof Response) return r;
    const key = c.req.header(TRAINER_KEY_HEADER) ?? '';
    return r.isTrainer(key) ? r : c.json({ error: 'Only the trainer link can do that.' }, 403);
  };

  app.get('/api/health', (c) => c.json({ ok: true }));

  app.get('/api/scenarios', (c) =>
    c.json({
      scenarios: [...deps.library.byHash.values()].map(({ definition: { scenario, hash } }) => ({
        id: scenario.id,
        title: scenario.title,
        summary: scenario.summary,
        difficulty: scenario.difficulty,
        hash,
      })),
    }),
  );

  app.post('/api/scenarios/check', async (c) => {
    if (!createLimiter.take(deps.addressOf(c))) return c.json({ error: 'Too many files checked from here: please wait a minute.' }, 429);
    const body = await readBody(c, CheckScenarioBodySchema);
    if (!body.ok) return body.response;
    const checked = await checker.check(body.value.text, body.value.file);
    if (!checked.ok && checked.busy === true) return c.json({ error: 'The server is busy checking other files; please try again in a moment.', details: checked.diagnostics }, 503);
    return checked.ok
      ? c.json({ ok: true, id: checked.definition.scenario.id, title: checked.definition.scenario.title, diagnostics: [] })
      : c.json({ ok: false, diagnostics: checked.diagnostics });
  });

  app.post('/api/sessions', async (c) => {
    if (!createLimiter.take(deps.addressOf(c))) return c.json({ error: 'Too many sessions created from here: please wait a minute.' }, 429);
    const body = await readBody(c, CreateSessionBodySchema);
    if (!body.ok) return body.response;
    const created = await deps.rooms.create(body.value);
    return created.ok ? c.json(created.value, 201) : c.json({ error: created.error, details: created.details }, created.busy === true ? 503 : 400);
  });

  app.get('/api/sessions/:code', async (c) => {
    const r = await room(c);
    if (r instanceof Response) return r;
    return c.json({ code: r.code, title: r.title, status: r.status, players: r.playerCount, scenarios: r.scenarios });
  });

  app.get('/api/sessions/:code/scenarios/:hash', async (c) => {
    const r = await room(c);
    if (r instanceof Response) return r;
    const s = r.scenarioFile(c.req.param('hash'));
    return s === null ? c.json({ error: 'That scenario is not in this session.' }, 404) : c.json(s);
  });

  app.post('/api/sessions/:code/join', async (c) => {
    const r = await room(c);
    if (r instanceof Response) return r;
    const body = await readBody(c, JoinBodySchema);
    if (!body.ok) return body.response;
    const joined = await r.join(body.value.nickname, body.value.token, deps.addressOf(c));
    return joined.ok ? c.json(joined.value) : c.json({ error: joined.error }, joined.status);
  });

  app.post('/api/sessions/:code/tickets', async (c) => {
    const r = await room(c);
    if (r instanceof Response) return r;
    const body = await readBody(c, TicketBodySchema);
    if (!body.ok) return body.response;
    const playerId = await r.findPlayer(body.value.token);
    if (playerId === null) return c.json({ error: 'Join the session before starting a call.' }, 403);
    const issued = await r.issueTicket(playerId, body.value.scenarioHash);
    return issued.ok ? c.json(issued.value, 201) : c.json({ error: issued.error }, issued.status);
  });

  app.post('/api/sessions/:code/submissions', async (c) => {
    const r = await room(c);
    if (r instanceof Response) return r;
    const body = await readBody(c, SubmitBodySchema);
    if (!body.ok) return body.response;
    const { token, ...submission } = body.value;
    const playerId = await r.findPlayer(token);
    if (playerId === null) return c.json({ error: 'Join the session before submitting calls.' }, 403);
    const result = await r.submit(playerId, submission);
    const status = result.status === 'accepted' ? 200 : result.retry === true ? 503 : 422;
    return c.json({ result, seq: r.currentSeq }, status);
  });

  app.get('/api/sessions/:code/leaderboard', async (c) => {
    const r = await room(c);
    if (r instanceof Response) return r;
    return c.json({ seq: r.currentSeq, rows: r.leaderboard(100) });
  });

  app.post('/api/sessions/:code/control', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    const body = await readBody(c, ControlBodySchema);
    if (!body.ok) return body.response;
    const moved = await r.control(body.value.action);
    return moved.ok ? c.json({ status: moved.value }) : c.json({ error: moved.error }, moved.status);
  });

  app.delete('/api/sessions/:code', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    await deps.rooms.delete(r);
    return c.json({ deleted: true });
  });

  app.post('/api/sessions/:code/players/:player/remove', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    const body = await readBody(c, RemovePlayerBodySchema);
    if (!body.ok) return body.response;
    const playerId = PlayerIdSchema.safeParse(c.req.param('player'));
    if (!playerId.success) return c.json({ error: 'No such player in this session.' }, 404);
    const removed = await r.removePlayer(playerId.data, body.value.block);
    return removed.ok ? c.json(removed.value) : c.json({ error: removed.error }, removed.status);
  });

  app.get('/api/sessions/:code/players', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    return c.json({ players: r.playerList() });
  });

  app.get('/api/sessions/:code/debrief', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    return c.json({ code: r.code, title: r.title, status: r.status, debrief: r.debrief() });
  });

  app.get('/api/sessions/:code/export.csv', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    c.header('content-disposition', `attachment; filename="class-${r.code}.csv"`);
    return c.body(debriefCsv(r.debrief()), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  app.get('/api/sessions/:code/export.json', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    c.header('content-disposition', `attachment; filename="class-${r.code}.json"`);
    return c.json({ code: r.code, title: r.title, leaderboard: r.leaderboard(), debrief: r.debrief() });
  });

  return app;
}
