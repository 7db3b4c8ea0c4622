/**
 * Reflection in three prompts (Rolfe: What? So what? Now what?), pre-filled from the run — its key
 * moments and the KPI gaps against target — for the trainee to edit in their own words.
 */
import { z } from 'zod';
import type { Scorecard } from '../../shared/scorecard.ts';
import { QA_BANDS } from '../model/qa-sections.ts';
import { AREA_KEYS, SELF_RATING_AREAS } from './areas.ts';
import { measureAreas, missedItems } from './measure-areas.ts';

export const REFLECTION_PROMPTS = Object.freeze({
  what: { label: 'What?', hint: 'What happened on the call, and what was my part in it?' },
  soWhat: { label: 'So what?', hint: 'Why does it matter, and what does it show about how I handle calls?' },
  nowWhat: { label: 'Now what?', hint: 'What will I do differently on the next call?' },
} as const);

export const ReflectionSchema = z.strictObject({
  what: z.string().max(4000),
  soWhat: z.string().max(4000),
  nowWhat: z.string().max(4000),
});
export type Reflection = z.infer<typeof ReflectionSchema>;

const mmss = (s: number): string => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

/** The gaps between this call's KPIs and their targets, one sentence each. */
export function kpiGaps(card: Scorecard): string[] {
  const gaps: string[] = [];
  if (card.qa.fatal.length > 0) gaps.push(`A fatal breach (${card.qa.fatal.map((f) => f.text.toLowerCase()).join('; ')}) set QA to 0: this is what a real audit would flag first.`);
  else if (card.qa.score < QA_BANDS.greenFrom) gaps.push(`QA was ${Math.round(card.qa.score)}%, ${Math.round(QA_BANDS.greenFrom - card.qa.score)} points short of the ${QA_BANDS.greenFrom}% green band.`);
  if (card.aht.total > card.aht.target) gaps.push(`Handle time was ${mmss(card.aht.total)} against a ${mmss(card.aht.target)} target (${card.aht.total - card.aht.target}s over).`);
  if (card.fcr.value === 'no') gaps.push(`Not resolved first time: ${card.fcr.reason}`);
  if (card.csat.stars <= 3) gaps.push(`The customer gave ${card.csat.stars} star${card.csat.stars === 1 ? '' : 's'}: ${card.csat.why}`);
  return gaps;
}

export function prefillReflection(card: Scorecard, scenarioTitle: string): Reflection {
  const moments = card.keyMoments.map((m) => `- At ${mmss(m.at)}: ${m.text}`);
  const what = [`Call: ${scenarioTitle}. ${card.endingSummary}`, ...(moments.length > 0 ? ['Key moments:', ...moments] : [])].join('\n');

  const gaps = kpiGaps(card);
  const soWhat = gaps.length > 0
    ? gaps.join('\n')
    : `Every KPI met its target (QA ${Math.round(card.qa.score)}%, ${card.csat.stars} stars, handle time within target). What made this call work?`;

  const measures = measureAreas(card);
  const weakest = AREA_KEYS.filter((a) => measures[a].score !== null)
    .sort((a, b) => measures[a].score! - measures[b].score!)[0];
  let nowWhat = 'Keep doing what worked on this call, and try it on a harder scenario.';
  if (weakest !== undefined && measures[weakest].score! < QA_BANDS.greenFrom) {
    const missed = missedItems(card, weakest)[0];
    nowWhat = missed !== undefined
      ? `Next call, in ${SELF_RATING_AREAS[weakest].label.toLowerCase()}: ${missed.text.replace(/\.$/, '')}.`
      : `Next call, in ${SELF_RATING_AREAS[weakest].label.toLowerCase()}: ${SELF_RATING_AREAS[weakest].defaultBehaviour}.`;
  }
  return { what, soWhat, nowWhat };
}
