/**
 * The trainer's debrief: for each KPI, how the class's players spread against target; the team's
 * FCR, CSAT, QA and AHT with each person's calls shown adding up to them; and the common mistakes.
 */
import type { Debrief, KpiDistribution, KpiKey, PersonContribution, TeamFigures } from '../../shared/classroom-results.ts';
import type { PlayerId } from '../../shared/classroom-ids.ts';
import { figuresOfKpis, type CallKpis } from './call-kpis.ts';
import { summariseFigures } from '../scoring/aggregate.ts';
import { commonMistakes, type PlayerCallMistakes } from './common-mistakes.ts';

/** The class's calls summed up with the game's own rules (one summary for both). */
const summariseKpis = (cards: readonly CallKpis[]) => summariseFigures(cards.map(figuresOfKpis));

export interface DebriefPlayer {
  readonly playerId: PlayerId;
  readonly nickname: string;
  readonly cards: readonly CallKpis[];
}

/**
 * Team targets, the same as everywhere else in the game: QA at the green band (90), FCR 75 %,
 * CSAT as top-2-box (the share of calls rated 4 or 5 stars) at 80 %; AHT is judged per call
 * against its scenario's own target (100 % of target).
 */
export const KPI_TARGETS = Object.freeze({ qa: 90, fcr: 75, csatTop2: 80, aht: 100 });

/** The top bucket's upper edge for AHT: finite so it survives JSON; shown as "150+". */
export const OPEN_END = 1e6;

interface KpiSpec {
  readonly label: string;
  readonly unit: string;
  readonly target: number;
  readonly higherIsBetter: boolean;
  readonly edges: readonly number[];
  readonly value: (cards: readonly CallKpis[]) => number | null;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export const KPI_SPECS: Readonly<Record<KpiKey, KpiSpec>> = Object.freeze({
  qa: { label: 'QA score', unit: '%', target: KPI_TARGETS.qa, higherIsBetter: true, edges: [0, 60, 70, 80, 90, 100.01], value: (c) => mean(c.map((x) => x.qa)) },
  fcr: {
    label: 'First contact resolution',
    unit: '%',
    target: KPI_TARGETS.fcr,
    higherIsBetter: true,
    edges: [0, 25, 50, 75, 100.01],
    value: (c) => summariseKpis(c).fcrRate,
  },
  csat: {
    label: 'Predicted CSAT (top-2-box: calls rated 4-5★)',
    unit: '%',
    target: KPI_TARGETS.csatTop2,
    higherIsBetter: true,
    edges: [0, 20, 40, 60, 80, 100.01],
    value: (c) => (c.length === 0 ? null : (100 * c.filter((x) => x.csatStars >= 4).length) / c.length),
  },
  aht: {
    label: 'AHT as % of target',
    unit: '%',
    target: KPI_TARGETS.aht,
    higherIsBetter: false,
    edges: [0, 80, 100, 120, 150, OPEN_END],
    value: (c) => mean(c.map((x) => (x.ahtTarget > 0 ? (100 * x.ahtTotal) / x.ahtTarget : 100))),
  },
});

export function kpiDistribution(kpi: KpiKey, players: readonly DebriefPlayer[]): KpiDistribution {
  const spec = KPI_SPECS[kpi];
  const buckets = spec.edges.slice(0, -1).map((from, i) => ({ from, to: spec.edges[i + 1]!, players: 0 }));
  let withData = 0;
  let meeting = 0;
  for (const p of players) {
    const v = p.cards.length === 0 ? null : spec.value(p.cards);
    if (v === null) continue;
    withData++;
    if (spec.higherIsBetter ? v >= spec.target : v <= spec.target) meeting++;
    const bucket = buckets.find((b) => v >= b.from && v < b.to) ?? buckets[buckets.length - 1]!;
    bucket.players++;
  }
  return { kpi, label: spec.label, unit: spec.unit, target: spec.target, higherIsBetter: spec.higherIsBetter, buckets, playersMeetingTarget: meeting, playersWithData: withData };
}

function figures(cards: readonly CallKpis[]): TeamFigures {
  const s = summariseKpis(cards);
  return { calls: s.runs, fcrRate: s.fcrRate, csatAverage: s.csatAverage, csatTop2: s.csatTop2, qaAverage: s.qaAverage, ahtAverage: s.ahtAverage, fatalCalls: s.fatalCalls };
}

export function buildDebrief(players: readonly DebriefPlayer[], mistakes: Iterable<PlayerCallMistakes>): Debrief {
  const all = players.flatMap((p) => p.cards);
  const people: PersonContribution[] = players.map((p) => ({
    playerId: p.playerId,
    nickname: p.nickname,
    ...figures(p.cards),
    fcrResolved: p.cards.filter((c) => c.fcr === 'yes').length,
    fcrEligible: p.cards.filter((c) => c.fcr !== 'excluded').length,
    shareOfCalls: all.length === 0 ? 0 : Math.round((1000 * p.cards.length) / all.length) / 10,
  }));
  return {
    distributions: (['qa', 'fcr', 'csat', 'aht'] as const).map((k) => kpiDistribution(k, players)),
    team: figures(all),
    people,
    mistakes: commonMistakes(mistakes),
  };
}
