/**
 * A shift's plan: the seed, the library of scenario ids its contacts are drawn from, the queue's
 * forecast (calls and agents per interval) and the huddle (team targets and one focus point).
 * Plans come from outside (a trainer, a saved shift), so they are checked, never trusted.
 */
import { z } from 'zod';
import { agentsNeeded, trafficErlangs } from './erlang.ts';
import { mixSeed, mulberry32 } from './random.ts';

export const FOCUS_POINTS = Object.freeze({
  aht: { label: 'Handle time', text: 'Keep each call within its target time: every extra minute is a minute a caller waits.' },
  fcr: { label: 'First contact resolution', text: 'Resolve it first time: an unresolved call comes back and joins the queue.' },
  qa: { label: 'Quality', text: 'Follow the scorecard on every call: quality is the team’s reputation.' },
  csat: { label: 'Customer satisfaction', text: 'Leave every caller satisfied: aim for 4 or 5 stars.' },
  compliance: { label: 'Compliance', text: 'No fatal errors: protect the customer’s data on every call.' },
} as const);
export type FocusKey = keyof typeof FOCUS_POINTS;
export const FOCUS_KEYS = Object.freeze(Object.keys(FOCUS_POINTS) as [FocusKey, ...FocusKey[]]);

export const HuddleSchema = z.strictObject({
  serviceLevel: z.strictObject({
    percent: z.number().min(1).max(99),
    seconds: z.number().int().min(1).max(600),
  }),
  ahtSeconds: z.number().int().min(30).max(3600),
  fcrPercent: z.number().min(0).max(100),
  qaPercent: z.number().min(0).max(100),
  /** Target share of 4 and 5 star ratings. */
  csatPercent: z.number().min(0).max(100),
  focus: z.enum(FOCUS_KEYS),
});
export type Huddle = z.infer<typeof HuddleSchema>;

export const MAX_SHIFT_CONTACTS = 20;

export const ShiftPlanSchema = z
  .strictObject({
    seed: z.number().int().min(0).max(0xffffffff),
    library: z.array(z.string().min(1).max(60)).min(1, 'the library needs at least one scenario id').max(500),
    /** How many contacts the trainee takes in the shift. */
    contacts: z.number().int().min(1).max(MAX_SHIFT_CONTACTS),
    /** The shift's start on the clock, in minutes after midnight (only for labels). */
    startMinute: z.number().int().min(0).max(1439),
    intervalMinutes: z.number().int().min(5).max(60),
    intervals: z
      .array(z.strictObject({ calls: z.number().int().min(0).max(20_000), agents: z.number().int().min(0).max(5000) }))
      .min(1)
      .max(48),
    /** Mean time a caller waits before hanging up; null: nobody hangs up. */
    patienceSeconds: z.number().positive().max(3600).nullable(),
    /** Gamma shape of the team's handle times (1 exponential; 2 is a typical spread). */
    handleShape: z.number().min(0.5).max(50),
    repeatAfterMinutes: z.strictObject({ min: z.number().min(0).max(600), max: z.number().min(0).max(600) }),
    /** 0-1: how far the simulated team works like the trainee (1: the whole team handles calls as you do). */
    teamFollowsYou: z.number().min(0).max(1),
    huddle: HuddleSchema,
  })
  .refine((p) => p.repeatAfterMinutes.min <= p.repeatAfterMinutes.max, { message: 'repeatAfterMinutes.min must not exceed max', path: ['repeatAfterMinutes'] });
export type ShiftPlan = z.infer<typeof ShiftPlanSchema>;

export type PlanCheck = { readonly ok: true; readonly plan: ShiftPlan } | { readonly ok: false; readonly error: string };

export function checkShiftPlan(input: unknown): PlanCheck {
  const parsed = ShiftPlanSchema.safeParse(input);
  return parsed.success ? { ok: true, plan: parsed.data } : { ok: false, error: `the shift plan is not valid: ${z.prettifyError(parsed.error)}` };
}

/** A morning hour's forecast: calls per 15-minute interval (about 200-260 calls an hour). */
export const DEFAULT_FORECAST = Object.freeze([50, 60, 65, 55]);

export interface PlanOptions {
  readonly seed: number;
  readonly library: readonly string[];
  readonly contacts?: number;
  readonly focus?: FocusKey;
}

/**
 * A ready-made plan: the default forecast, staffed with Erlang C so each interval just reaches the
 * huddle's service level when the team works at its AHT target. A trainee over target therefore
 * pushes the team below the line, and one under target lifts it.
 */
export function defaultShiftPlan(options: PlanOptions): ShiftPlan {
  const huddle: Huddle = {
    serviceLevel: { percent: 80, seconds: 20 },
    ahtSeconds: 360,
    fcrPercent: 75,
    qaPercent: 85,
    csatPercent: 80,
    focus: options.focus ?? FOCUS_KEYS[Math.floor(mulberry32(mixSeed(options.seed, 4))() * FOCUS_KEYS.length)]!,
  };
  const intervalMinutes = 15;
  return {
    seed: options.seed >>> 0,
    library: [...options.library],
    contacts: options.contacts ?? 3,
    startMinute: 9 * 60,
    intervalMinutes,
    intervals: DEFAULT_FORECAST.map((calls) => ({
      calls,
      agents: agentsNeeded(trafficErlangs(calls, intervalMinutes, huddle.ahtSeconds), huddle.ahtSeconds, huddle.serviceLevel.seconds, huddle.serviceLevel.percent / 100) ?? 0,
    })),
    patienceSeconds: 150,
    handleShape: 2,
    repeatAfterMinutes: { min: 10, max: 30 },
    teamFollowsYou: 1,
    huddle,
  };
}

/** "09:15" for a number of seconds into the shift. */
export function clockLabel(plan: ShiftPlan, seconds: number): string {
  const minutes = (plan.startMinute + Math.floor(seconds / 60)) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
