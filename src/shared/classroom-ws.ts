/** WebSocket messages of the classroom, both ways. Every message received is parsed with these. */
import { z } from 'zod';
import { SubmissionSchema, SessionScenarioSchema } from './classroom-http.ts';
import { SubmitResultSchema } from './classroom-http.ts';
import { JoinCodeSchema, PlayerIdSchema, PlayerTokenSchema, TrainerKeySchema } from './classroom-ids.ts';
import { LeaderboardRowSchema, PlayerSummarySchema, SessionStatusSchema } from './classroom-results.ts';

export { PlayerSummarySchema };
import { TeamClientMessageSchemas, TeamServerMessageSchemas } from './team-messages.ts';

export const MAX_WS_MESSAGE_BYTES = 64 * 1024;
export const WS_PATH = '/ws';

export const ClientMessageSchema = z.discriminatedUnion('type', [
  /**
   * First message: who is on this socket. A trainee sends their token, a projector nothing, the
   * trainer the key. A trainee's screen that shows the session's board says `board: true`; without
   * it the trainee is sent their own place, not the board (projectors and the trainer always get it).
   */
  z.strictObject({ type: z.literal('hello'), code: JoinCodeSchema, token: PlayerTokenSchema.optional(), trainerKey: TrainerKeySchema.optional(), board: z.boolean().optional() }),
  z.strictObject({ type: z.literal('submit'), submission: SubmissionSchema }),
  z.strictObject({ type: z.literal('ping'), at: z.number() }),
  /** Team mode and peer review (team-messages.ts). */
  ...TeamClientMessageSchemas,
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;


export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    code: JoinCodeSchema,
    role: z.enum(['trainee', 'viewer', 'trainer']),
    playerId: PlayerIdSchema.nullable(),
    nickname: z.string().nullable(),
    title: z.string(),
    status: SessionStatusSchema,
    scenarios: z.array(SessionScenarioSchema),
  }),
  z.object({ type: z.literal('status'), status: SessionStatusSchema }),
  /** The trainer added a call to the running session: every call it holds now. */
  z.object({ type: z.literal('scenarios'), scenarios: z.array(SessionScenarioSchema) }),
  z.object({ type: z.literal('players'), players: z.array(PlayerSummarySchema) }),
  /**
   * `seq` grows with each accepted submission, so a client can tell it has seen its own. A trainee's
   * board carries their own `row` when their place changed too (one message for both).
   */
  z.object({ type: z.literal('leaderboard'), seq: z.number().int(), players: z.number().int(), rows: z.array(LeaderboardRowSchema), row: LeaderboardRowSchema.optional() }),
  /** Sent to a trainee when their own place changed and the board did not: they may be below the top rows everyone sees. */
  z.object({ type: z.literal('standing'), seq: z.number().int(), row: LeaderboardRowSchema }),
  z.object({ type: z.literal('submitted'), result: SubmitResultSchema, seq: z.number().int() }),
  z.object({ type: z.literal('pong'), at: z.number() }),
  z.object({ type: z.literal('error'), error: z.string() }),
  z.object({ type: z.literal('deleted') }),
  /** Sent to a trainee the trainer removed from the session, just before their socket is closed. */
  z.object({ type: z.literal('removed'), blocked: z.boolean() }),
  /** Team mode and peer review (team-messages.ts). */
  ...TeamServerMessageSchemas,
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
export type LeaderboardMessage = Extract<ServerMessage, { type: 'leaderboard' }>;

/** The trainee's own row in a message, when it carries one: a standing, a board sent with it, or the reply to their call. */
export function ownRowOf(m: ServerMessage): Extract<ServerMessage, { type: 'standing' }>['row'] | null {
  if (m.type === 'standing') return m.row;
  if (m.type === 'submitted') return m.result.status === 'accepted' ? (m.result.row ?? null) : null;
  return m.type === 'leaderboard' ? (m.row ?? null) : null;
}
