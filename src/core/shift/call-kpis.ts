/**
 * What the shift needs to know about one of the trainee's calls: a plain KPI record. The lead's
 * wiring turns each scored run into one with `kpisFromScorecard` (run log → scoreRun → scorecard →
 * record), so a shift replays from its seed and the trainee's run logs.
 */
import { z } from 'zod';
import type { Scorecard } from '../../shared/scorecard.ts';

export const CallKpisSchema = z.strictObject({
  scenarioId: z.string().min(1).max(60),
  ahtSeconds: z.number().min(0).max(7200),
  ahtTargetSeconds: z.number().positive().max(7200),
  /** 'excluded': refusing was the right outcome (failed ID&V…); the call is left out of FCR. */
  fcr: z.enum(['yes', 'no', 'excluded']),
  qa: z.number().min(0).max(100),
  csatStars: z.number().int().min(1).max(5),
  fatal: z.boolean(),
});
export type CallKpis = z.infer<typeof CallKpisSchema>;

export function kpisFromScorecard(card: Scorecard): CallKpis {
  return {
    scenarioId: card.scenarioId,
    ahtSeconds: card.aht.total,
    ahtTargetSeconds: card.aht.target,
    fcr: card.fcr.value,
    qa: card.qa.score,
    csatStars: card.csat.stars,
    fatal: card.qa.fatal.length > 0,
  };
}

export interface TraineeFigures {
  readonly calls: number;
  readonly ahtSeconds: number | null;
  /** Mean of (handle time − the call's own target); positive means over target. */
  readonly extraSecondsPerCall: number | null;
  /** Mean of handle time ÷ the call's target (1 = on target). */
  readonly ahtRatio: number | null;
  readonly fcrCounted: number;
  readonly fcrYes: number;
  readonly fcrRate: number | null;
  readonly qa: number | null;
  /** Share of 4 and 5 star ratings (top-2-box), 0-1. */
  readonly csatTop2: number | null;
  readonly fatalCalls: number;
  readonly handleSeconds: number;
}

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

export function traineeFigures(calls: readonly CallKpis[]): TraineeFigures {
  const counted = calls.filter((c) => c.fcr !== 'excluded');
  const yes = counted.filter((c) => c.fcr === 'yes').length;
  return {
    calls: calls.length,
    ahtSeconds: mean(calls.map((c) => c.ahtSeconds)),
    extraSecondsPerCall: mean(calls.map((c) => c.ahtSeconds - c.ahtTargetSeconds)),
    ahtRatio: mean(calls.map((c) => c.ahtSeconds / c.ahtTargetSeconds)),
    fcrCounted: counted.length,
    fcrYes: yes,
    fcrRate: counted.length === 0 ? null : yes / counted.length,
    qa: mean(calls.map((c) => c.qa)),
    csatTop2: mean(calls.map((c) => (c.csatStars >= 4 ? 1 : 0))),
    fatalCalls: calls.filter((c) => c.fatal).length,
    handleSeconds: calls.reduce((a, c) => a + c.ahtSeconds, 0),
  };
}
