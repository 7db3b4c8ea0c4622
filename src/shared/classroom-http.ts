/** Bodies and answers of the classroom's HTTP routes: every body the server takes and every answer the browser reads is parsed with these. */
import { z } from 'zod';
import { RunLogSchema, RunSeedSchema, ScenarioHashSchema } from './call-events.ts';
import { JoinCodeSchema, PlayerIdSchema, PlayerTokenSchema, SubmissionIdSchema, TicketSchema, TrainerKeySchema } from './classroom-ids.ts';
import { DebriefSchema, LeaderboardRowSchema, PlayerSummarySchema, SessionStatusSchema } from './classroom-results.ts';

/** The largest body any route accepts (an uploaded scenario file is the biggest). */
export const MAX_BODY_BYTES = 256 * 1024;
export const MAX_UPLOAD_CHARS = 200_000;
export const MAX_SESSION_SCENARIOS = 12;

export const UploadedScenarioSchema = z.strictObject({
  file: z.string().trim().min(1).max(120).regex(/^[\w. -]+$/, 'a file name is letters, digits, spaces, dots, - and _'),
  text: z.string().min(1).max(MAX_UPLOAD_CHARS),
});

/**
 * How every call of a session is played, chosen by the trainer: untimed (the default, for
 * accessibility) or at live pace (silence while deciding counts as dead air).
 */
export const SessionPaceSchema = z.enum(['untimed', 'live']);
export type SessionPace = z.infer<typeof SessionPaceSchema>;

export const CreateSessionBodySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(80),
    pace: SessionPaceSchema.default('untimed'),
    /** Scenarios from the library, by hash. */
    scenarioHashes: z.array(ScenarioHashSchema).max(MAX_SESSION_SCENARIOS).default([]),
    /** The trainer's own files, checked with the same pipeline as the library. */
    uploads: z.array(UploadedScenarioSchema).max(MAX_SESSION_SCENARIOS).default([]),
  })
  .refine((b) => b.scenarioHashes.length + b.uploads.length >= 1, 'choose at least one scenario')
  .refine((b) => b.scenarioHashes.length + b.uploads.length <= MAX_SESSION_SCENARIOS, `a session holds at most ${MAX_SESSION_SCENARIOS} scenarios`);
/** As the routes parse it; the pace may be left out (untimed). */
export type CreateSessionBody = Omit<z.infer<typeof CreateSessionBodySchema>, 'pace'> & { readonly pace?: SessionPace };

export const CheckScenarioBodySchema = UploadedScenarioSchema;

/** The trainer adds one more uploaded call to a running session (the same checks as an upload at creation). */
export const AddSessionCallBodySchema = UploadedScenarioSchema;

export const SessionScenarioSchema = z.object({ id: z.string(), title: z.string(), hash: ScenarioHashSchema, uploaded: z.boolean() });
export type SessionScenario = z.infer<typeof SessionScenarioSchema>;

export const CreatedSessionSchema = z.object({
  code: JoinCodeSchema,
  trainerKey: TrainerKeySchema,
  /** Relative: /classroom/trainer.html?code=…#key=… */
  trainerPath: z.string(),
  scenarios: z.array(SessionScenarioSchema),
});
export type CreatedSession = z.infer<typeof CreatedSessionSchema>;

export const JoinBodySchema = z.strictObject({
  nickname: z.string().max(200),
  /** Sent when the browser already has one: gives back the same player. */
  token: PlayerTokenSchema.optional(),
});
export type JoinBody = z.infer<typeof JoinBodySchema>;

export const JoinedSchema = z.object({
  code: JoinCodeSchema,
  playerId: PlayerIdSchema,
  token: PlayerTokenSchema,
  nickname: z.string(),
  rejoined: z.boolean(),
  status: SessionStatusSchema,
  scenarios: z.array(SessionScenarioSchema),
  /** The trainer's pace for every call of the session (an older server sends none: untimed). */
  pace: SessionPaceSchema.default('untimed'),
});
export type Joined = z.infer<typeof JoinedSchema>;

/** What the trainee's browser worked out; the server replays the run and compares. */
export const ClaimedScoreSchema = z.strictObject({
  qa: z.number().min(0).max(100),
  csatStars: z.number().int().min(1).max(5),
  ahtTotal: z.number().min(0).max(1e6),
  fcr: z.enum(['yes', 'no', 'excluded']),
});
export type ClaimedScore = z.infer<typeof ClaimedScoreSchema>;

export { RunSeedSchema };

/** A run as submitted: the run log, whose seed must be the one drawn with the call's ticket. */
export const SubmittedRunSchema = RunLogSchema;
export type SubmittedRun = z.infer<typeof SubmittedRunSchema>;

export const SubmissionSchema = z.strictObject({
  submissionId: SubmissionIdSchema,
  /** The single-use ticket the server gave this player when the call started. */
  ticket: TicketSchema,
  run: SubmittedRunSchema,
  claimed: ClaimedScoreSchema,
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const SubmitBodySchema = SubmissionSchema.extend({ token: PlayerTokenSchema });
export type SubmitBody = z.infer<typeof SubmitBodySchema>;

export const SubmitResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('accepted'),
    submissionId: SubmissionIdSchema,
    composite: z.number(),
    duplicate: z.boolean(),
    /** The trainee's own row (place and score) right after this result, when they are on the board. */
    row: LeaderboardRowSchema.optional(),
  }),
  z.object({
    status: z.literal('refused'),
    submissionId: SubmissionIdSchema,
    reason: z.string(),
    /** True when sending the same submission later may succeed (the server was busy or failed to store it): keep it. */
    retry: z.boolean().optional(),
  }),
]);
export type SubmitResult = z.infer<typeof SubmitResultSchema>;

/** Asked when a classroom call starts: the ticket and seed for that call. */
export const TicketBodySchema = z.strictObject({ token: PlayerTokenSchema, scenarioHash: ScenarioHashSchema });
export const IssuedTicketSchema = z.object({ ticket: TicketSchema, seed: RunSeedSchema });
export type IssuedTicket = z.infer<typeof IssuedTicketSchema>;

/** The trainer removes a player (and, with block, keeps their name and token out). */
export const RemovePlayerBodySchema = z.strictObject({ block: z.boolean().default(false) });

export const TRAINER_ACTIONS = Object.freeze({ start: 'start', lock: 'lock', unlock: 'unlock', end: 'end' } as const);
export const ControlBodySchema = z.strictObject({ action: z.enum(['start', 'lock', 'unlock', 'end']) });
export type ControlBody = z.infer<typeof ControlBodySchema>;

/** The trainer key travels in this header, never in a URL the server logs. */
export const TRAINER_KEY_HEADER = 'x-trainer-key';

export const ErrorBodySchema = z.object({ error: z.string(), details: z.array(z.string()).optional() });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// ——— Answers: every HTTP response of the classroom server has one of these shapes; the browser parses with them. ———

export const HealthSchema = z.object({ ok: z.literal(true) });

export const LibraryScenarioSchema = z.object({ id: z.string(), title: z.string(), summary: z.string(), difficulty: z.number(), hash: ScenarioHashSchema });
export const ScenarioListSchema = z.object({ scenarios: z.array(LibraryScenarioSchema) });
export type ScenarioList = z.infer<typeof ScenarioListSchema>;

/** An uploaded file checked: its id and title, or the problems found (`details` when the checker was busy). */
export const CheckedFileSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: z.string(), title: z.string(), diagnostics: z.array(z.string()) }),
  z.object({ ok: z.literal(false), diagnostics: z.array(z.string()) }),
]);
export type CheckedFile = z.infer<typeof CheckedFileSchema>;

export const SessionInfoSchema = z.object({ code: JoinCodeSchema, title: z.string(), status: SessionStatusSchema, players: z.number().int().min(0), scenarios: z.array(SessionScenarioSchema), pace: SessionPaceSchema.default('untimed') });
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const ScenarioFileSchema = z.object({ file: z.string().min(1).max(200), text: z.string() });
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;

/** The answer to an HTTP submission: the result and the leaderboard's sequence number after it. */
export const SubmittedSchema = z.object({ result: SubmitResultSchema, seq: z.number().int().min(0) });
export type Submitted = z.infer<typeof SubmittedSchema>;

export const LeaderboardAnswerSchema = z.object({ seq: z.number().int().min(0), rows: z.array(LeaderboardRowSchema) });
/** A call added to a running session: the session's calls now, and whether that exact call was already there. */
export const AddedSessionCallSchema = z.object({ added: SessionScenarioSchema, alreadyThere: z.boolean(), scenarios: z.array(SessionScenarioSchema) });
export type AddedSessionCall = z.infer<typeof AddedSessionCallSchema>;
export const ControlAnswerSchema = z.object({ status: SessionStatusSchema });
export const DeletedAnswerSchema = z.object({ deleted: z.literal(true) });
export const RemovedAnswerSchema = z.object({ removed: PlayerIdSchema, blocked: z.boolean() });
export const PlayerListAnswerSchema = z.object({ players: z.array(PlayerSummarySchema) });
export const DebriefAnswerSchema = z.object({ code: JoinCodeSchema, title: z.string(), status: SessionStatusSchema, pace: SessionPaceSchema.default('untimed'), debrief: DebriefSchema });
export type DebriefAnswer = z.infer<typeof DebriefAnswerSchema>;
export const ExportAnswerSchema = z.object({ code: JoinCodeSchema, title: z.string(), pace: SessionPaceSchema.default('untimed'), leaderboard: z.array(LeaderboardRowSchema), debrief: DebriefSchema });
