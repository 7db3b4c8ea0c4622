/**
 * A class's calls summed up as a contact centre reports them (FCR with refusals excluded, CSAT
 * top-2-box, QA over calls without a fatal breach, AHT), read from the slim figures the classroom
 * keeps. The same rules and rounding as the game's own summary (core/scoring/aggregate.ts).
 */
import type { CallKpis } from './call-kpis.ts';

export interface KpiSummary {
  readonly runs: number;
  readonly fcrRate: number | null;
  readonly csatTop2: number | null;
  readonly csatAverage: number | null;
  readonly qaAverage: number | null;
  readonly ahtAverage: number | null;
  readonly fatalCalls: number;
}

const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10);

export function summariseKpis(calls: readonly CallKpis[]): KpiSummary {
  const eligible = calls.filter((c) => c.fcr !== 'excluded');
  const clean = calls.filter((c) => !c.fatal);
  return {
    runs: calls.length,
    fcrRate: pct(eligible.filter((c) => c.fcr === 'yes').length, eligible.length),
    csatTop2: pct(calls.filter((c) => c.csatStars >= 4).length, calls.length),
    csatAverage: mean(calls.map((c) => c.csatStars)),
    qaAverage: mean(clean.map((c) => c.qa)),
    ahtAverage: mean(calls.map((c) => c.ahtTotal)),
    fatalCalls: calls.length - clean.length,
  };
}
