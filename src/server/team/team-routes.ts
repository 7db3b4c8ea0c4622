/**
 * Team mode's HTTP routes, registered on the classroom app (so the same rate limit, JSON-only rule
 * and code guard apply). The trainer's routes need the trainer key; a trainee's carry their token
 * in the body. Every body is parsed with a schema from src/shared/team-messages.ts.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { PlayerTokenSchema } from '../../shared/classroom-ids.ts';
import { CoachingNoteBodySchema, HideReviewBodySchema, ReviewAnswerSchema, TeamSettingsSchema } from '../../shared/team-messages.ts';
import type { Room } from '../rooms/room.ts';
import { jsonBody } from '../http/json-body.ts';
import type { TeamAnswer, TeamDesk } from './team-desk.ts';
import type { CoachingSavedSchema, ReviewHiddenSchema, ReviewSavedSchema, ReviewsAskedSchema, TeamDebriefAnswerSchema, TeamInboxSchema, TeamSettingsAnswerSchema, TeamStatusAnswerSchema, TrainerTeamViewSchema } from '../../shared/team-http.ts';

/** The session a route under /api/sessions/:code works on (set by the app's `inRoom` middleware). */
export type RoomEnv = { Variables: { room: Room } };

const TokenBodySchema = z.strictObject({ token: PlayerTokenSchema });
const ReviewBodySchema = ReviewAnswerSchema.extend({ token: PlayerTokenSchema });
const RequestIdSchema = z.string().regex(/^r[0-9a-z]{12}$/);

/** What a route may answer: the input side of its schema in src/shared/team-http.ts. */
type Answer<S extends z.ZodType> = z.input<S>;

const answer = <T extends object>(c: Context, a: TeamAnswer<T>, ok: 200 | 201 = 200) => (a.ok ? c.json(a.value as object, ok) : c.json({ error: a.error }, a.status));

export function teamRoutes(app: Hono<RoomEnv>, team: TeamDesk, trainerOnly: MiddlewareHandler<RoomEnv>): void {
  app.get('/api/sessions/:code/team', async (c) => {
    const r = c.var.room;
    const settings = await team.settings(r);
    return c.json({ teamMode: settings.teamMode, board: settings.teamMode ? await team.board(r) : null } satisfies Answer<typeof TeamStatusAnswerSchema>);
  });

  app.post('/api/sessions/:code/team/settings', trainerOnly, jsonBody(TeamSettingsSchema), async (c) => {
    const r = c.var.room;
    const body = { value: c.req.valid('json') };
    return c.json({ board: await team.saveSettings(r, body.value) } satisfies Answer<typeof TeamSettingsAnswerSchema>);
  });

  app.get('/api/sessions/:code/team/trainer', trainerOnly, async (c) => {
    const r = c.var.room;
    return c.json((await team.trainerView(r)) satisfies Answer<typeof TrainerTeamViewSchema>);
  });

  app.get('/api/sessions/:code/team/debrief', trainerOnly, async (c) => {
    const r = c.var.room;
    return c.json((await team.debrief(r)) satisfies Answer<typeof TeamDebriefAnswerSchema>);
  });

  app.post('/api/sessions/:code/team/reviews/ask', trainerOnly, async (c) => {
    const r = c.var.room;
    return answer<Answer<typeof ReviewsAskedSchema>>(c, await team.askReviews(r), 201);
  });

  app.post('/api/sessions/:code/team/reviews/:request/hide', trainerOnly, jsonBody(HideReviewBodySchema), async (c) => {
    const r = c.var.room;
    const body = { value: c.req.valid('json') };
    const id = RequestIdSchema.safeParse(c.req.param('request'));
    if (!id.success) return c.json({ error: 'No such review in this session.' }, 404);
    return answer<Answer<typeof ReviewHiddenSchema>>(c, await team.hideReview(r, id.data, body.value.hidden));
  });

  app.post('/api/sessions/:code/team/coaching', trainerOnly, jsonBody(CoachingNoteBodySchema), async (c) => {
    const r = c.var.room;
    const body = { value: c.req.valid('json') };
    return answer<Answer<typeof CoachingSavedSchema>>(c, await team.coach(r, body.value), 201);
  });

  app.post('/api/sessions/:code/team/inbox', jsonBody(TokenBodySchema), async (c) => {
    const r = c.var.room;
    const body = { value: c.req.valid('json') };
    const playerId = r.playerByToken(body.value.token);
    if (playerId === null) return c.json({ error: 'Join the session first.' }, 403);
    return c.json((await team.inbox(r, playerId)) satisfies Answer<typeof TeamInboxSchema>);
  });

  app.post('/api/sessions/:code/team/reviews', jsonBody(ReviewBodySchema), async (c) => {
    const r = c.var.room;
    const body = { value: c.req.valid('json') };
    const { token, ...review } = body.value;
    const playerId = r.playerByToken(token);
    if (playerId === null) return c.json({ error: 'Join the session first.' }, 403);
    return answer<Answer<typeof ReviewSavedSchema>>(c, await team.answerReview(r, playerId, review), 201);
  });
}
