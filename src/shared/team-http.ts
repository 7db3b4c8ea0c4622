/**
 * The answers of team mode's HTTP routes (src/server/team/team-routes.ts), one schema a route, so
 * the browser parses each answer before a page reads it and the server's answers are checked
 * against the same shapes when the code is compiled. `teamAnswerSchema` finds a route's schema from
 * the method and path a page calls.
 */
import { z } from 'zod';
import { DeliveredFeedbackSchema, FeedbackRefSchema, ReviewRequestSchema, TeamBoardSchema, TeamRowSchema, TeamSettingsSchema } from './team-messages.ts';

/** GET …/team: whether team mode is on, and the wallboard when it is. */
export const TeamStatusAnswerSchema = z.object({ teamMode: z.boolean(), board: TeamBoardSchema.nullable() });
/** POST …/team/settings: the wallboard under the new settings. */
export const TeamSettingsAnswerSchema = z.object({ board: TeamBoardSchema });

const ReviewPartSchema = z.object({ text: z.string(), ref: FeedbackRefSchema, about: z.string() });

/** GET …/team/trainer: the trainer's view of teams, reviews and coaching notes. */
export const TrainerTeamViewSchema = z.object({
  settings: TeamSettingsSchema,
  players: z.array(
    z.object({
      playerId: z.string(),
      nickname: z.string(),
      team: z.number().int(),
      teamName: z.string(),
      calls: z.array(z.object({ submissionId: z.string(), title: z.string(), composite: z.number() })),
    }),
  ),
  openRequests: z.number().int().nonnegative(),
  reviews: z.array(
    z.object({ requestId: z.string(), reviewer: z.string(), reviewee: z.string(), title: z.string(), wentWell: ReviewPartSchema, evenBetterIf: ReviewPartSchema, hidden: z.boolean(), at: z.number() }),
  ),
  coaching: z.array(
    z.object({ noteId: z.string(), nickname: z.string(), aboutLabel: z.string(), goal: z.string(), reality: z.string(), options: z.string(), will: z.string(), at: z.number() }),
  ),
});

const MomentImpactSchema = z.object({ text: z.string(), times: z.number().int(), total: z.number() });

/** GET …/team/debrief: team standings and what moved the team's numbers. */
export const TeamDebriefAnswerSchema = z.object({
  teams: z.array(TeamRowSchema),
  behaviours: z.object({
    calls: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        section: z.string(),
        calls: z.number().int(),
        missed: z.number().int(),
        meanWhenMet: z.number().nullable(),
        meanWhenMissed: z.number().nullable(),
        pointsLost: z.number().nullable(),
      }),
    ),
    helped: z.array(MomentImpactSchema),
    hurt: z.array(MomentImpactSchema),
  }),
});

/** POST …/team/reviews/ask: how many reviews were asked for. */
export const ReviewsAskedSchema = z.object({ asked: z.number().int().nonnegative() });
/** POST …/team/reviews/:request/hide */
export const ReviewHiddenSchema = z.object({ requestId: z.string(), hidden: z.boolean() });
/** POST …/team/coaching */
export const CoachingSavedSchema = z.object({ noteId: z.string() });
/** POST …/team/inbox: a trainee's open review requests and the feedback they have received. */
export const TeamInboxSchema = z.object({ requests: z.array(ReviewRequestSchema), feedback: z.array(DeliveredFeedbackSchema) });
/** POST …/team/reviews: the review was stored. */
export const ReviewSavedSchema = z.object({ requestId: z.string() });

/** Each team route: its method, its path after `/api/sessions/<code>/team`, and its answer. */
const TEAM_ROUTES: readonly { method: 'GET' | 'POST'; tail: RegExp; answer: z.ZodType }[] = [
  { method: 'GET', tail: /^$/, answer: TeamStatusAnswerSchema },
  { method: 'POST', tail: /^\/settings$/, answer: TeamSettingsAnswerSchema },
  { method: 'GET', tail: /^\/trainer$/, answer: TrainerTeamViewSchema },
  { method: 'GET', tail: /^\/debrief$/, answer: TeamDebriefAnswerSchema },
  { method: 'POST', tail: /^\/reviews\/ask$/, answer: ReviewsAskedSchema },
  { method: 'POST', tail: /^\/reviews\/[^/]+\/hide$/, answer: ReviewHiddenSchema },
  { method: 'POST', tail: /^\/coaching$/, answer: CoachingSavedSchema },
  { method: 'POST', tail: /^\/inbox$/, answer: TeamInboxSchema },
  { method: 'POST', tail: /^\/reviews$/, answer: ReviewSavedSchema },
];

const TEAM_PATH = /^\/api\/sessions\/[^/]+\/team(.*)$/;

/** The answer schema of the team route a request goes to, or null when it is not a team route. */
export function teamAnswerSchema(method: 'GET' | 'POST', path: string): z.ZodType | null {
  const tail = TEAM_PATH.exec(path.split('?')[0]!)?.[1];
  if (tail === undefined) return null;
  return TEAM_ROUTES.find((r) => r.method === method && r.tail.test(tail))?.answer ?? null;
}
