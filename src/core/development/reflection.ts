/**
 * Reflection in three prompts (Rolfe: What? So what? Now what?), in the learner's own words. The
 * fields start empty; the call's facts are offered as evidence the trainee may insert and edit.
 * Inserted facts are remembered, so the plan and the portfolio can mark the words the game wrote.
 */
import { z } from 'zod';
import type { Scorecard } from '../../shared/scorecard.ts';
import { QA_BANDS } from '../model/qa-sections.ts';
import { fatalTimes, handleTimeVerdict } from './call-story.ts';

export const REFLECTION_PROMPTS = Object.freeze({
  what: { label: 'What?', hint: 'What happened on the call, in your own words? What did you say and do at the moments that mattered?' },
  soWhat: { label: 'So what?', hint: 'What did it mean for the customer, for your team, and for you? Why does it matter?' },
  nowWhat: { label: 'Now what?', hint: 'What will you do differently on your next call, and how will you know it worked?' },
} as const);
export type ReflectionKey = keyof typeof REFLECTION_PROMPTS;
export const REFLECTION_KEYS = Object.freeze(Object.keys(REFLECTION_PROMPTS) as [ReflectionKey, ...ReflectionKey[]]);

export const ReflectionSchema = z.strictObject({
  what: z.string().max(4000),
  soWhat: z.string().max(4000),
  nowWhat: z.string().max(4000),
  /** The facts the game offered that the trainee inserted, word for word as offered. */
  inserted: z.array(z.string()).default([]),
  /** Written by an earlier version of the game, which pre-filled the fields: the words may be the game's. */
  prefilled: z.boolean().optional(),
});
export type Reflection = z.infer<typeof ReflectionSchema>;

export const emptyReflection = (): Reflection => ({ what: '', soWhat: '', nowWhat: '', inserted: [] });

export const isBlank = (r: Reflection | null): boolean => r === null || REFLECTION_KEYS.every((k) => r[k].trim() === '');

const mmss = (s: number): string => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

/** The gaps between this call's KPIs and their targets, one sentence each. */
export function kpiGaps(card: Scorecard): string[] {
  const gaps: string[] = [];
  if (card.qa.fatal.length > 0) gaps.push(`A fatal breach (${card.qa.fatal.map((f) => f.text.toLowerCase()).join('; ')}) set QA to 0.`);
  else if (card.qa.score < QA_BANDS.greenFrom) gaps.push(`QA was ${Math.round(card.qa.score)}%, ${Math.round(QA_BANDS.greenFrom - card.qa.score)} points short of the ${QA_BANDS.greenFrom}% green band.`);
  const aht = handleTimeVerdict(card);
  if (aht.kind !== 'within') gaps.push(aht.sentence);
  if (card.fcr.value === 'no') gaps.push(`Not resolved first time: ${card.fcr.reason}`);
  if (card.csat.stars <= 3) gaps.push(`The customer gave ${card.csat.stars} star${card.csat.stars === 1 ? '' : 's'}: ${card.csat.why}`);
  return gaps;
}

export interface EvidenceFact {
  readonly id: string;
  readonly text: string;
}

/** The call's facts, each a sentence the trainee may insert as evidence (the same times as the results screen). */
export function reflectionEvidence(card: Scorecard, scenarioTitle: string): EvidenceFact[] {
  const facts: EvidenceFact[] = [{ id: 'call', text: `Call: ${scenarioTitle} (${card.outcome}).` }];
  fatalTimes(card).forEach((f, i) => facts.push({ id: `fatal-${i}`, text: `At ${mmss(f.at)}, fatal breach: ${f.text}.` }));
  card.keyMoments.forEach((m, i) => facts.push({ id: `moment-${i}`, text: `At ${mmss(m.at)}: ${m.text}` }));
  kpiGaps(card).forEach((g, i) => facts.push({ id: `gap-${i}`, text: g }));
  if (card.csat.comment.trim() !== '') facts.push({ id: 'comment', text: `The customer said: “${card.csat.comment.trim()}”` });
  return facts;
}

/** Splits text into the trainee's words and the inserted facts still there word for word. */
export function markGameText(text: string, inserted: readonly string[]): { text: string; game: boolean }[] {
  const pieces = [...new Set(inserted)].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  let parts: { text: string; game: boolean }[] = [{ text, game: false }];
  for (const piece of pieces) {
    parts = parts.flatMap((part) => {
      if (part.game || !part.text.includes(piece)) return [part];
      const out: { text: string; game: boolean }[] = [];
      part.text.split(piece).forEach((chunk, i) => {
        if (i > 0) out.push({ text: piece, game: true });
        if (chunk !== '') out.push({ text: chunk, game: false });
      });
      return out;
    });
  }
  return parts.filter((p) => p.text !== '');
}
