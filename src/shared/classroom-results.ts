/** What the classroom shows: leaderboard rows, a call's result and the debrief. */
import { z } from 'zod';
import { PlayerIdSchema } from './classroom-ids.ts';

export const SESSION_STATUSES = Object.freeze({ lobby: 'lobby', live: 'live', locked: 'locked', ended: 'ended' } as const);
export const SessionStatusSchema = z.enum(['lobby', 'live', 'locked', 'ended']);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** A player as the trainer and projector list them. */
export const PlayerSummarySchema = z.object({ playerId: PlayerIdSchema, nickname: z.string(), connected: z.boolean() });

/** One call's KPIs turned into 0-100 parts and the balanced composite. */
export const CallCompositeSchema = z.object({
  qa: z.number(),
  fcr: z.number().nullable(),
  csat: z.number(),
  aht: z.number(),
  fatal: z.boolean(),
  composite: z.number(),
});
export type CallComposite = z.infer<typeof CallCompositeSchema>;

export const LeaderboardRowSchema = z.object({
  /** Null before the trainee's first call: not ranked yet. */
  rank: z.number().int().min(1).nullable(),
  playerId: PlayerIdSchema,
  nickname: z.string(),
  score: z.number(),
  calls: z.number().int(),
  fatalCalls: z.number().int(),
  /** How many of the session's scenarios this trainee has played, out of `scenarios`. */
  played: z.number().int(),
  scenarios: z.number().int(),
  connected: z.boolean(),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRowSchema>;

export const KpiKeySchema = z.enum(['qa', 'fcr', 'csat', 'aht']);
export type KpiKey = z.infer<typeof KpiKeySchema>;

export const KpiDistributionSchema = z.object({
  kpi: KpiKeySchema,
  label: z.string(),
  unit: z.string(),
  target: z.number(),
  /** Higher is better, except AHT. */
  higherIsBetter: z.boolean(),
  buckets: z.array(z.object({ from: z.number(), to: z.number(), players: z.number().int() })),
  playersMeetingTarget: z.number().int(),
  playersWithData: z.number().int(),
});
export type KpiDistribution = z.infer<typeof KpiDistributionSchema>;

export const TeamFiguresSchema = z.object({
  calls: z.number().int(),
  fcrRate: z.number().nullable(),
  csatAverage: z.number().nullable(),
  csatTop2: z.number().nullable(),
  qaAverage: z.number().nullable(),
  ahtAverage: z.number().nullable(),
  fatalCalls: z.number().int(),
});

export const PersonContributionSchema = TeamFiguresSchema.extend({
  playerId: PlayerIdSchema,
  nickname: z.string(),
  fcrResolved: z.number().int(),
  fcrEligible: z.number().int(),
  /** Share of the team's calls this person took, 0-100. */
  shareOfCalls: z.number(),
});
export type PersonContribution = z.infer<typeof PersonContributionSchema>;

export const CommonMistakeSchema = z.object({
  scenarioId: z.string(),
  choice: z.string(),
  severity: z.enum(['fatal', 'critical']),
  items: z.array(z.string()),
  times: z.number().int(),
  players: z.number().int(),
  teach: z.string().nullable(),
});
export type CommonMistake = z.infer<typeof CommonMistakeSchema>;

export const DebriefSchema = z.object({
  distributions: z.array(KpiDistributionSchema),
  team: TeamFiguresSchema,
  people: z.array(PersonContributionSchema),
  mistakes: z.array(CommonMistakeSchema),
});
export type Debrief = z.infer<typeof DebriefSchema>;
export type TeamFigures = z.infer<typeof TeamFiguresSchema>;

/** A mistake found on one call: the choice said and what it broke. */
export const CallMistakeSchema = z.object({
  choice: z.string(),
  severity: z.enum(['fatal', 'critical']),
  items: z.array(z.string()),
  teach: z.string().nullable(),
});
export type CallMistake = z.infer<typeof CallMistakeSchema>;
