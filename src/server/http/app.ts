/**
 * The classroom's HTTP routes on Hono. Every body goes through `jsonBody` (JSON only, size-limited
 * as it streams, parsed with a schema from src/shared); every answer has a schema there too, which
 * the browser parses. Routes under a session find it with the `inRoom` middleware (join codes are
 * looked up through the guard the WebSockets share); the trainer's routes add `trainerOnly`.
 * Every address is rate-limited.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { JoinCodeSchema, PlayerIdSchema } from '../../shared/classroom-ids.ts';
import {
  CheckScenarioBodySchema,
  ControlBodySchema,
  CreateSessionBodySchema,
  JoinBodySchema,
  RemovePlayerBodySchema,
  SubmitBodySchema,
  TicketBodySchema,
  TRAINER_KEY_HEADER,
  type CheckedFile,
  type ControlAnswerSchema,
  type DebriefAnswer,
  type DeletedAnswerSchema,
  type ExportAnswerSchema,
  type LeaderboardAnswerSchema,
  type PlayerListAnswerSchema,
  type ScenarioList,
  type SessionInfo,
  type Submitted,
} from '../../shared/classroom-http.ts';
import { debriefCsv } from '../../core/classroom/export-csv.ts';
import type { Rooms } from '../rooms/rooms.ts';
import type { Room } from '../rooms/room.ts';
import type { ScenarioLibrary } from '../scenario-library.ts';
import { inlineChecker, type ScenarioChecker } from '../check/scenario-checker.ts';
import { RateLimiter } from '../rate-limit.ts';
import { CodeGuard, WRONG_CODES_MESSAGE } from '../code-guard.ts';
import { httpRefusal, jsonBody } from './json-body.ts';
import { securityHeaders } from './security-headers.ts';
import type { TeamDesk } from '../team/team-desk.ts';
import { teamRoutes } from '../team/team-routes.ts';
import { sessionCallRoutes } from './session-calls-route.ts';

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
  /** Team mode, peer review and coaching (src/server/team); its routes are left out without it. */
  readonly team?: TeamDesk;
}

/** The session a route under /api/sessions/:code works on, found by the `inRoom` middleware. */
type RoomEnv = { Variables: { room: Room } };
type Answer<S extends z.ZodType> = z.input<S>;

export function classroomApp(deps: AppDeps): Hono<RoomEnv> {
  const app = new Hono<RoomEnv>();
  const limiter = new RateLimiter(deps.limits?.perAddress ?? 120, deps.limits?.perSecond ?? 40);
  /** Creating sessions and checking files are the costly routes: both share this bucket. */
  const createLimiter = new RateLimiter(deps.limits?.sessionBurst ?? 10, 0.2);
  const codes = deps.codes ?? new CodeGuard();
  const checker = deps.checker ?? inlineChecker;

  app.onError((error, c) => {
    if (error instanceof HTTPException) return httpRefusal(error, c);
    console.error('classroom route failed:', error instanceof Error ? error.message : error);
    return c.json({ error: 'Something went wrong on the server. Please try again.' }, 500);
  });
  app.notFound((c) => c.json({ error: 'Not found.' }, 404));
  app.use('*', securityHeaders);

  app.use('/api/*', async (c, next) => {
    if (!limiter.take(deps.addressOf(c))) return c.json({ error: 'Too many requests: please wait a moment.' }, 429);
    await next();
    c.header('cache-control', 'no-store');
  });

  const inRoom: MiddlewareHandler<RoomEnv> = async (c, next) => {
    const code = JoinCodeSchema.safeParse(c.req.param('code'));
    const { found, limited } = await codes.lookup(deps.addressOf(c), async () => {
      const r = code.success ? await deps.rooms.get(code.data) : null;
      return r === null || r.deleted ? null : r;
    });
    if (limited) return c.json({ error: WRONG_CODES_MESSAGE }, 429);
    if (found === null) return c.json({ error: 'No session has that code. Check the code on the projector.' }, 404);
    c.set('room', found);
    await next();
  };
  const trainerOnly: MiddlewareHandler<RoomEnv> = async (c, next) => {
    if (!c.var.room.isTrainer(c.req.header(TRAINER_KEY_HEADER) ?? '')) return c.json({ error: 'Only the trainer link can do that.' }, 403);
    await next();
  };
  app.use('/api/sessions/:code', inRoom);
  app.use('/api/sessions/:code/*', inRoom);

  app.get('/api/health', (c) => c.json({ ok: true as const }));

  app.get('/api/scenarios', (c) =>
    c.json({
      scenarios: [...deps.library.byHash.values()].map(({ definition: { scenario, hash } }) => ({
        id: scenario.id,
        title: scenario.title,
        summary: scenario.summary,
        difficulty: scenario.difficulty,
        hash,
      })),
    } satisfies ScenarioList),
  );

  app.post('/api/scenarios/check', async (c, next) => {
    if (!createLimiter.take(deps.addressOf(c))) return c.json({ error: 'Too many files checked from here: please wait a minute.' }, 429);
    await next();
  }, jsonBody(CheckScenarioBodySchema), async (c) => {
    const body = c.req.valid('json');
    const checked = await checker.check(body.text, body.file);
    if (!checked.ok && checked.busy === true) return c.json({ error: 'The server is busy checking other files; please try again in a moment.', details: checked.diagnostics }, 503);
    const answer: CheckedFile = checked.ok
      ? { ok: true, id: checked.definition.scenario.id, title: checked.definition.scenario.title, diagnostics: [] }
      : { ok: false, diagnostics: checked.diagnostics };
    return c.json(answer);
  });

  app.post('/api/sessions', async (c, next) => {
    if (!createLimiter.take(deps.addressOf(c))) return c.json({ error: 'Too many sessions created from here: please wait a minute.' }, 429);
    await next();
  }, jsonBody(CreateSessionBodySchema), async (c) => {
    const created = await deps.rooms.create(c.req.valid('json'));
    return created.ok ? c.json(created.value, 201) : c.json({ error: created.error, details: created.details }, created.busy === true ? 503 : 400);
  });

  app.get('/api/sessions/:code', (c) => {
    const r = c.var.room;
    return c.json({ code: r.code, title: r.title, status: r.status, players: r.playerCount, scenarios: r.scenarios, pace: r.pace } as SessionInfo);
  });

  app.get('/api/sessions/:code/scenarios/:hash', (c) => {
    const s = c.var.room.scenarioFile(c.req.param('hash'));
    return s === null ? c.json({ error: 'That scenario is not in this session.' }, 404) : c.json(s);
  });

  app.post('/api/sessions/:code/join', jsonBody(JoinBodySchema), async (c) => {
    const { nickname, token } = c.req.valid('json');
    const joined = await c.var.room.join(nickname, token, deps.addressOf(c));
    return joined.ok ? c.json(joined.value) : c.json({ error: joined.error }, joined.status);
  });

  app.post('/api/sessions/:code/tickets', jsonBody(TicketBodySchema), async (c) => {
    const r = c.var.room;
    const body = c.req.valid('json');
    const playerId = await r.findPlayer(body.token);
    if (playerId === null) return c.json({ error: 'Join the session before starting a call.' }, 403);
    const issued = await r.issueTicket(playerId, body.scenarioHash);
    return issued.ok ? c.json(issued.value, 201) : c.json({ error: issued.error }, issued.status);
  });

  app.post('/api/sessions/:code/submissions', jsonBody(SubmitBodySchema), async (c) => {
    const r = c.var.room;
    const { token, ...submission } = c.req.valid('json');
    const playerId = await r.findPlayer(token);
    if (playerId === null) return c.json({ error: 'Join the session before submitting calls.' }, 403);
    const result = await r.submit(playerId, submission);
    const status = result.status === 'accepted' ? 200 : result.retry === true ? 503 : 422;
    return c.json({ result, seq: r.currentSeq } satisfies Submitted, status);
  });

  app.get('/api/sessions/:code/leaderboard', (c) => c.json({ seq: c.var.room.currentSeq, rows: c.var.room.leaderboard(100) } satisfies Answer<typeof LeaderboardAnswerSchema>));

  app.post('/api/sessions/:code/control', trainerOnly, jsonBody(ControlBodySchema), async (c) => {
    const moved = await c.var.room.control(c.req.valid('json').action);
    return moved.ok ? c.json({ status: moved.value } satisfies Answer<typeof ControlAnswerSchema>) : c.json({ error: moved.error }, moved.status);
  });

  app.delete('/api/sessions/:code', trainerOnly, async (c) => {
    await deps.rooms.delete(c.var.room);
    return c.json({ deleted: true } satisfies Answer<typeof DeletedAnswerSchema>);
  });

  app.post('/api/sessions/:code/players/:player/remove', trainerOnly, jsonBody(RemovePlayerBodySchema), async (c) => {
    const playerId = PlayerIdSchema.safeParse(c.req.param('player'));
    if (!playerId.success) return c.json({ error: 'No such player in this session.' }, 404);
    const removed = await c.var.room.removePlayer(playerId.data, c.req.valid('json').block);
    return removed.ok ? c.json(removed.value) : c.json({ error: removed.error }, removed.status);
  });

  app.get('/api/sessions/:code/players', trainerOnly, (c) => c.json({ players: c.var.room.playerList() } satisfies Answer<typeof PlayerListAnswerSchema>));

  app.get('/api/sessions/:code/debrief', trainerOnly, async (c) => {
    const r = c.var.room;
    return c.json({ code: r.code as DebriefAnswer['code'], title: r.title, status: r.status, pace: r.pace, debrief: await r.debrief() } satisfies DebriefAnswer);
  });

  app.get('/api/sessions/:code/export.csv', trainerOnly, async (c) => {
    const r = c.var.room;
    const debrief = await r.debrief();
    c.header('content-disposition', `attachment; filename="class-${r.code}.csv"`);
    return c.body(debriefCsv(debrief, r.pace), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  app.get('/api/sessions/:code/export.json', trainerOnly, async (c) => {
    const r = c.var.room;
    const debrief = await r.debrief();
    c.header('content-disposition', `attachment; filename="class-${r.code}.json"`);
    return c.json({ code: r.code as DebriefAnswer['code'], title: r.title, pace: r.pace, leaderboard: r.leaderboard(), debrief } satisfies Answer<typeof ExportAnswerSchema>);
  });

  if (deps.team !== undefined) teamRoutes(app, deps.team, trainerOnly);
  sessionCallRoutes(app, { checker, limiter: createLimiter, addressOf: deps.addressOf }, trainerOnly);

  return app;
}
