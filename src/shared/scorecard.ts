/** The scorecard of one call, as the core computes it and as the server sends it. */
import { z } from 'zod';

export const QaMarkSchema = z.enum(['met', 'partial', 'missed', 'na']);
export type QaMark = z.infer<typeof QaMarkSchema>;

export const QaItemResultSchema = z.object({
  id: z.string(),
  text: z.string(),
  mark: QaMarkSchema,
  critical: z.boolean(),
});

export const QaSectionResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  weight: z.number(),
  /** 0-100, or null when every item in the section was not applicable. */
  score: z.number().nullable(),
  items: z.array(QaItemResultSchema),
});

export const FatalItemSchema = z.object({ code: z.string(), text: z.string(), at: z.number() });

export const ScorecardSchema = z.object({
  scenarioId: z.string(),
  scenarioHash: z.string(),
  outcome: z.string(),
  endingSummary: z.string(),
  aht: z.object({
    talk: z.number(),
    hold: z.number(),
    wrap: z.number(),
    total: z.number(),
    target: z.number(),
    /** False on a call where rushing is the fault: no handle-time target, left out of handle-time figures. */
    targeted: z.boolean().optional(),
    /** Seconds of dead air (live pace only): silence beyond the grace period, already inside `talk`. */
    deadAir: z.number().optional(),
  }),
  /** How the call was played: untimed (the default) or at live pace. Older cards have none. */
  pace: z.enum(['untimed', 'live']).optional(),
  /**
   * Agent-level FCR (`value`): this agent resolved it on this contact. Contact-level FCR
   * (`contact`): the customer's need was met in this contact, counting a warm hand-over to the team
   * that handles it (what the customer experiences). Older stored cards have no `contact`.
   */
  fcr: z.object({
    value: z.enum(['yes', 'no', 'excluded']),
    reason: z.string(),
    contact: z.object({ value: z.enum(['yes', 'no', 'excluded']), reason: z.string() }).optional(),
  }),
  csat: z.object({
    stars: z.number().int().min(1).max(5),
    why: z.string(),
    comment: z.string(),
  }),
  qa: z.object({
    /** The score after fatal and critical rules, 0-100. */
    score: z.number(),
    /** The weighted score before those rules. */
    raw: z.number(),
    band: z.enum(['red', 'amber', 'green']),
    sections: z.array(QaSectionResultSchema),
    fatal: z.array(FatalItemSchema),
    critical: z.array(z.object({ id: z.string(), text: z.string() })),
  }),
  keyMoments: z.array(
    z.object({ at: z.number(), step: z.number(), text: z.string(), impact: z.number() }),
  ),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;
export type QaSectionResult = z.infer<typeof QaSectionResultSchema>;
