/**
 * Team mode's HTTP routes, registered on the classroom app (so the same rate limit, JSON-only rule
 * and code guard apply). The trainer's routes need the trainer key; a trainee's carry their token
 * in the body. Every body is parsed with a schema from src/shared/team-messages.ts.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { PlayerTokenSchema } from '../../shared/classroom-ids.ts';
import { CoachingNoteBodySchema, HideReviewBodySchema, ReviewAnswerSchema, TeamSettingsSchema } from '../../shared/team-messages.ts';
import type { Room } from '../rooms/room.ts';
import { readBody } from '../http/read-body.ts';
import type { TeamAnswer, TeamDesk } from './team-desk.ts';

export interface TeamRouteHelpers {
  /** The session for :code, or the error response (unknown code, too many wrong codes). */
  readonly room: (c: Context) => Promise<Room | Response>;
  /** The same, and only with the trainer key. */
  readonly trainerRoom: (c: Context) => Promise<Room | Response>;
}

const TokenBodySchema = z.strictObject({ token: PlayerTokenSchema });
const ReviewBodySchema = ReviewAnswerSchema.extend({ token: PlayerTokenSchema });
const RequestIdSchema = z.string().regex(/^r[0-9a-z]{12}$/);

const answer = <T>(c: Context, a: TeamAnswer<T>, ok: 200 | 201 = 200) => (a.ok ? c.json(a.value as object, ok) : c.json({ error: a.error }, a.status));

export function teamRoutes(app: Hono, team: TeamDesk, { room, trainerRoom }: TeamRouteHelpers): void {
  app.get('/api/sessions/:code/team', async (c) => {
    const r = await room(c);
    if (r instanceof Response) return r;
    const settings = await team.settings(r);
    return c.json({ teamMode: settings.teamMode, board: settings.teamMode ? await team.board(r) : null });
  });

  app.post('/api/sessions/:code/team/settings', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    const body = await readBody(c, TeamSettingsSchema);
    if (!body.ok) return body.response;
    return c.json({ board: await team.saveSettings(r, body.value) });
  });

  app.get('/api/sessions/:code/team/trainer', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    return c.json(await team.trainerView(r));
  });

  app.get('/api/sessions/:code/team/debrief', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    return c.json(await team.debrief(r));
  });

  app.post('/api/sessions/:code/team/reviews/ask', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    return answer(c, await team.askReviews(r), 201);
  });

  app.post('/api/sessions/:code/team/reviews/:request/hide', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    const body = await readBody(c, HideReviewBodySchema);
    if (!body.ok) return body.response;
    const id = RequestIdSchema.safeParse(c.req.param('request'));
    if (!id.success) return c.json({ error: 'No such review in this session.' }, 404);
    return answer(c, await team.hideReview(r, id.data, body.value.hidden));
  });

  app.post('/api/sessions/:code/team/coaching', async (c) => {
    const r = await trainerRoom(c);
    if (r instanceof Response) return r;
    const body = await readBody(c, CoachingNoteBodySchema);
    if (!body.ok) return body.response;
    return answer(c, await team.coach(r, body.value), 201);
  });

  app.post('/api/sessions/:code/team/inbox', async (c) => {
    const r = await room(c);
    if (r instanceof Response) return r;
    const body = await readBody(c, TokenBodySchema);
    if (!body.ok) return body.response;
    const playerId = r.playerByToken(body.value.token);
    if (playerId === null) return c.json({ error: 'Join the session first.' }, 403);
    return c.json(await team.inbox(r, playerId));
  });

  app.post('/api/sessions/:code/team/reviews', async (c) => {
    const r = await room(c);
    if (r instanceof Response) return r;
    const body = await readBody(c, ReviewBodySchema);
    if (!body.ok) return body.response;
    const { token, ...review } = body.value;
    const playerId = r.playerByToken(token);
    if (playerId === null) return c.json({ error: 'Join the session first.' }, 403);
    return answer(c, await team.answerReview(r, playerId, review), 201);
  });
}
