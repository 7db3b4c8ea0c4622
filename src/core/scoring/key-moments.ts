/** The 2-4 steps that moved the result most, each with its time and a sentence saying why. */
import type { Scorecard } from '../../shared/scorecard.ts';
import type { QaMark } from '../../shared/scorecard.ts';
import { BREACHES } from '../model/breaches.ts';
import type { CallStep } from './call-steps.ts';

export const FATAL_IMPACT = 100;
export const CRITICAL_IMPACT = 40;
export const MOOD_IMPACT = 4;
export const HANG_UP_IMPACT = 50;
const MARK_SIGN: Record<QaMark, number> = { met: 1, partial: -0.5, missed: -1, na: 0 };

/** Each QA item's share of the score (0-100), by item id. */
export type ItemShares = Readonly<Record<string, number>>;

export function itemShares(qa: Scorecard['qa']): ItemShares {
  const scored = qa.sections.filter((s) => s.score !== null && s.weight > 0);
  const total = scored.reduce((sum, s) => sum + s.weight, 0);
  const shares: Record<string, number> = {};
  for (const section of scored) {
    const applicable = section.items.filter((i) => i.mark !== 'na');
    for (const item of applicable) shares[item.id] = (100 * section.weight) / total / applicable.length;
  }
  return shares;
}

function impact(step: CallStep, shares: ItemShares): number {
  let value = step.breaches.length * -FATAL_IMPACT + step.mood * MOOD_IMPACT - (step.hungUp ? HANG_UP_IMPACT : 0);
  for (const m of step.marks) {
    value += m.critical && m.mark === 'missed' ? -CRITICAL_IMPACT : MARK_SIGN[m.mark] * (shares[m.id] ?? 0);
  }
  return Math.round(value * 10) / 10;
}

function sentence(step: CallStep): string {
  const did = step.you;
  if (step.breaches.length > 0) {
    return `${did}. ${step.breaches.map((c) => BREACHES[c].text).join('; ')}: a fatal error.${step.trap ? ` ${step.trap}` : ''}`;
  }
  if (step.hungUp) return `${did}, and the customer ran out of patience and hung up.`;
  if (step.trap !== null) return `${did}. ${step.trap}`;
  if (step.why !== null) return `${did}. ${step.why}`;
  const missed = step.marks.filter((m) => m.mark !== 'met').map((m) => m.text.toLowerCase());
  const met = step.marks.filter((m) => m.mark === 'met').map((m) => m.text.toLowerCase());
  const parts: string[] = [];
  if (met.length > 0) parts.push(`met: ${met.join('; ')}`);
  if (missed.length > 0) parts.push(`fell short on: ${missed.join('; ')}`);
  if (step.mood !== 0) parts.push(`the customer's mood went ${step.mood > 0 ? 'up' : 'down'} by ${Math.abs(step.mood)}`);
  return `${did}: ${parts.join(', ')}.`;
}

export function keyMoments(steps: readonly CallStep[], shares: ItemShares): Scorecard['keyMoments'] {
  const weighed = steps
    .map((step) => ({ step, impact: impact(step, shares) }))
    .filter((x) => x.impact !== 0)
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.step.index - b.step.index)
    .slice(0, 4);
  return weighed
    .sort((a, b) => a.step.index - b.step.index)
    .map(({ step, impact: value }) => ({ at: step.startedAt, step: step.index, text: sentence(step), impact: value }));
}
