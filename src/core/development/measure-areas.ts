/**
 * Measures the five self-rating areas from one scorecard: QA section scores, fatal breaches, FCR
 * and AHT against target, each area 0-100 and as a 1-5 rating. An area nothing measured on this
 * call is null, so it never counts for or against the trainee.
 */
import type { Scorecard } from '../../shared/scorecard.ts';
import { AREA_KEYS, SELF_RATING_AREAS, ratingFor, type AreaKey } from './areas.ts';
import { handleTimeVerdict } from './call-story.ts';

export interface AreaMeasure {
  readonly score: number | null;
  readonly rating: 1 | 2 | 3 | 4 | 5 | null;
  /** Short reasons a trainee can check against the scorecard. */
  readonly evidence: readonly string[];
}
export type AreaMeasures = Readonly<Record<AreaKey, AreaMeasure>>;

const round = (n: number): number => Math.round(n);

/** 100 at or under target, falling 2 points for each 1% over target, never below 0. */
export function ahtScore(total: number, target: number): number {
  if (target <= 0 || total <= target) return 100;
  return Math.max(0, round(100 - (200 * (total - target)) / target));
}

function sectionParts(card: Scorecard, area: AreaKey): { scores: number[]; evidence: string[] } {
  const scores: number[] = [];
  const evidence: string[] = [];
  for (const key of SELF_RATING_AREAS[area].sections) {
    const section = card.qa.sections.find((s) => s.id === key);
    if (section?.score === null || section === undefined) continue;
    scores.push(section.score);
    evidence.push(`${section.label}: ${round(section.score)}%`);
  }
  return { scores, evidence };
}

function kpiParts(card: Scorecard, area: AreaKey): { scores: number[]; evidence: string[] } {
  if (area === 'resolution' && card.fcr.value !== 'excluded') {
    return { scores: [card.fcr.value === 'yes' ? 100 : 0], evidence: [`First contact resolution: ${card.fcr.value}`] };
  }
  if (area === 'control-time') {
    // Like with like: handle time counts only on a call brought to a proper close.
    const verdict = handleTimeVerdict(card);
    if (verdict.kind === 'not-judged') return { scores: [], evidence: [verdict.sentence] };
    const { total, target } = card.aht;
    return { scores: [ahtScore(total, target)], evidence: [`Handle time ${total}s against a ${target}s target`] };
  }
  return { scores: [], evidence: [] };
}

export function measureArea(card: Scorecard, area: AreaKey): AreaMeasure {
  const breaches: readonly string[] = SELF_RATING_AREAS[area].breaches;
  const fatal = card.qa.fatal.filter((f) => breaches.includes(f.code));
  if (fatal.length > 0) {
    return { score: 0, rating: 1, evidence: fatal.map((f) => `Fatal breach: ${f.text}`) };
  }
  const sections = sectionParts(card, area);
  const kpis = kpiParts(card, area);
  const scores = [...sections.scores, ...kpis.scores];
  if (scores.length === 0) return { score: null, rating: null, evidence: ['Not measured on this call', ...kpis.evidence] };
  const score = round(scores.reduce((a, b) => a + b, 0) / scores.length);
  return { score, rating: ratingFor(score), evidence: [...sections.evidence, ...kpis.evidence] };
}

export function measureAreas(card: Scorecard): AreaMeasures {
  return Object.fromEntries(AREA_KEYS.map((area) => [area, measureArea(card, area)])) as Record<AreaKey, AreaMeasure>;
}

/** The QA items of an area's sections that ended missed or partial on this call. */
export function missedItems(card: Scorecard, area: AreaKey): { id: string; text: string; mark: 'missed' | 'partial' }[] {
  const sections: readonly string[] = SELF_RATING_AREAS[area].sections;
  return card.qa.sections
    .filter((s) => sections.includes(s.id))
    .flatMap((s) => s.items)
    .filter((i): i is typeof i & { mark: 'missed' | 'partial' } => i.mark === 'missed' || i.mark === 'partial')
    .map((i) => ({ id: i.id, text: i.text, mark: i.mark }));
}
