/**
 * Team mode and feedback between trainees, as the classroom's routes and sockets carry them: the
 * trainer's team settings, the shared wallboard, peer-review requests and answers, GROW coaching
 * notes and the feedback a trainee receives. Every body and message is parsed with these; every
 * text field has a length limit and is only ever shown as text.
 */
import { z } from 'zod';
import { PlayerIdSchema, SubmissionIdSchema } from './classroom-ids.ts';

export const MAX_TEAMS = 12;
export const MAX_REVIEW_TEXT = 500;
export const MAX_GROW_TEXT = 400;

/** The huddle: the team's targets for the session (the same shape as a solo shift's huddle). */
export const TeamHuddleSchema = z.strictObject({
  serviceLevel: z.strictObject({ percent: z.number().min(1).max(99), seconds: z.number().int().min(1).max(600) }),
  ahtSeconds: z.number().int().min(30).max(3600),
  fcrPercent: z.number().min(0).max(100),
  qaPercent: z.number().min(0).max(100),
  csatPercent: z.number().min(0).max(100),
  focus: z.enum(['aht', 'fcr', 'qa', 'csat', 'compliance']),
});
export type TeamHuddle = z.infer<typeof TeamHuddleSchema>;

export const DEFAULT_HUDDLE: TeamHuddle = Object.freeze({
  serviceLevel: Object.freeze({ percent: 80, seconds: 20 }),
  ahtSeconds: 360,
  fcrPercent: 75,
  qaPercent: 85,
  csatPercent: 80,
  focus: 'fcr',
}) as TeamHuddle;

export const TeamSettingsSchema = z.strictObject({
  /** The projector shows the class's shared wallboard. */
  teamMode: z.boolean(),
  /** Teams within the class (1: the class is one team). */
  teams: z.number().int().min(1).max(MAX_TEAMS),
  /** The individual leaderboard on the projector and trainees' screens. */
  showLeaderboard: z.boolean(),
  /** Whether a reviewed trainee sees who reviewed them, and a reviewer whose call they review. */
  names: z.enum(['shown', 'hidden']),
  huddle: TeamHuddleSchema,
});
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

export const DEFAULT_TEAM_SETTINGS: TeamSettings = Object.freeze({ teamMode: false, teams: 1, showLeaderboard: true, names: 'hidden', huddle: DEFAULT_HUDDLE }) as TeamSettings;

/** What a piece of feedback is about: one QA item of the call, or one of its key moments. */
export const FeedbackRefSchema = z.strictObject({
  kind: z.enum(['qa', 'moment']),
  /** The QA item's id, or the key moment's index in the call's list. */
  id: z.string().min(1).max(80),
});
export type FeedbackRef = z.infer<typeof FeedbackRefSchema>;

const reviewText = z.string().trim().min(10, 'write at least a sentence (10 characters or more)').max(MAX_REVIEW_TEXT, `keep it under ${MAX_REVIEW_TEXT} characters`);

export const ReviewAnswerSchema = z.strictObject({
  requestId: z.string().min(1).max(40),
  wentWell: z.strictObject({ text: reviewText, ref: FeedbackRefSchema }),
  evenBetterIf: z.strictObject({ text: reviewText, ref: FeedbackRefSchema }),
});
export type ReviewAnswer = z.infer<typeof ReviewAnswerSchema>;

const growText = z.string().trim().min(3, 'write a few words').max(MAX_GROW_TEXT, `keep each part under ${MAX_GROW_TEXT} characters`);

export const CoachingNoteBodySchema = z.strictObject({
  playerId: PlayerIdSchema,
  /** A call (its submission) or the trainee's whole session (their shift in the class). */
  about: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('call'), submissionId: SubmissionIdSchema }), z.strictObject({ kind: z.literal('session') })]),
  goal: growText,
  reality: growText,
  options: growText,
  will: growText,
  /** The QA section the note is mainly about, when it is about one (feeds the trainee's suggested goals). */
  qaSection: z.string().min(1).max(40).optional(),
});
export type CoachingNoteBody = z.infer<typeof CoachingNoteBodySchema>;

export const HideReviewBodySchema = z.strictObject({ hidden: z.boolean() });

const pct = z.number().min(0).max(1).nullable();

export const TeamRowSchema = z.object({
  team: z.number().int().min(1),
  name: z.string(),
  members: z.number().int(),
  played: z.number().int(),
  calls: z.number().int(),
  /** The balanced team score (see team-standings.ts); null until half the team has played. */
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  qa: z.number().nullable(),
  fcrRate: pct,
  csatTop2: pct,
  ahtSeconds: z.number().nullable(),
});
export type TeamRow = z.infer<typeof TeamRowSchema>;

export const TeamBoardSchema = z.object({
  seq: z.number().int(),
  settings: TeamSettingsSchema,
  calls: z.number().int(),
  clock: z.string(),
  callsWaiting: z.number().int(),
  longestWaitSeconds: z.number(),
  serviceLevel: pct,
  offered: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  agents: z.number().int(),
  ahtSeconds: z.number().nullable(),
  /** Mean seconds per call over (positive) or under each call's own handle-time target. */
  ahtOverTargetSeconds: z.number().nullable(),
  fcrRate: pct,
  qa: z.number().nullable(),
  csatTop2: pct,
  /** Erlang C for the interval on the clock at the class's handle time. */
  erlang: z.object({ serviceLevel: z.number(), asaSeconds: z.number().nullable(), occupancy: z.number(), erlangs: z.number() }),
  teams: z.array(TeamRowSchema),
});
export type TeamBoard = z.infer<typeof TeamBoardSchema>;

/** One choice a reviewer can tie a comment to. */
export const RefChoiceSchema = z.object({ ref: FeedbackRefSchema, label: z.string() });

export const ReviewRequestSchema = z.object({
  requestId: z.string(),
  /** Null when the trainer hides names. */
  callOf: z.string().nullable(),
  scenarioTitle: z.string(),
  scorecard: z.object({ qa: z.number(), fcr: z.string(), csatStars: z.number(), ahtSeconds: z.number(), ahtTarget: z.number(), outcome: z.string() }),
  transcript: z.array(z.object({ speaker: z.string(), text: z.string() })),
  choices: z.array(RefChoiceSchema),
});
export type ReviewRequest = z.infer<typeof ReviewRequestSchema>;

/** Feedback delivered to a trainee: becomes a feedback entry in their development record. */
export const DeliveredFeedbackSchema = z.object({
  id: z.string(),
  from: z.enum(['trainer', 'peer']),
  /** Who gave it, or '' when names are hidden. */
  name: z.string(),
  text: z.string(),
  qaSection: z.string().nullable(),
  date: z.string(),
  /** True when the trainer withdrew it after it was delivered. */
  withdrawn: z.boolean(),
});
export type DeliveredFeedback = z.infer<typeof DeliveredFeedbackSchema>;

/** Messages a trainee may send about reviews over the socket. */
export const TeamClientMessageSchemas = [z.strictObject({ type: z.literal('review'), answer: ReviewAnswerSchema })] as const;

export const TeamServerMessageSchemas = [
  z.object({ type: z.literal('team'), board: TeamBoardSchema }),
  z.object({ type: z.literal('review-request'), request: ReviewRequestSchema }),
  z.object({ type: z.literal('review-saved'), requestId: z.string(), ok: z.boolean(), error: z.string().optional() }),
  z.object({ type: z.literal('feedback'), feedback: z.array(DeliveredFeedbackSchema) }),
] as const;

/** One half of a stored review: the comment, what it is tied to and that thing's label. */
export interface ReviewPart {
  readonly text: string;
  readonly ref: FeedbackRef;
  readonly about: string;
}

/** The trainer's view of team mode (GET …/team/trainer). */
export interface TrainerTeamView {
  readonly settings: TeamSettings;
  readonly players: { playerId: string; nickname: string; team: number; teamName: string; calls: { submissionId: string; title: string; composite: number }[] }[];
  readonly openRequests: number;
  readonly reviews: { requestId: string; reviewer: string; reviewee: string; title: string; wentWell: ReviewPart; evenBetterIf: ReviewPart; hidden: boolean; at: number }[];
  readonly coaching: { noteId: string; nickname: string; aboutLabel: string; goal: string; reality: string; options: string; will: string; at: number }[];
}
