/**
 * The QA score's arithmetic, once: what a mark is worth, a section's score, the weighted total and
 * the fatal/critical rule. `qaScorecard` (the card the trainee sees) and `qaScore` (the number alone,
 * for the checker and the server's verdict) both use these. Rules in docs/scoring.md.
 */
import type { QaMark } from '../../shared/scorecard.ts';
import type { QaItem } from '../model/scenario-schema.ts';
import type { CallContext } from '../engine/call-context.ts';
import { CRITICAL_CAP } from '../model/qa-sections.ts';

export const MARK_VALUE: Record<Exclude<QaMark, 'na'>, number> = { met: 1, partial: 0.5, missed: 0 };

/** An item's mark on this call: as marked, or, when nothing marked it, missed (or not applicable where the item says so). */
export function itemMark(item: QaItem, context: CallContext): QaMark {
  return context.qa[item.id] ?? (item.whenUntouched === 'na' ? 'na' : 'missed');
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** A section's score from the sum of its applicable items' values and how many there were (null: none applied). */
export function sectionScore(sum: number, applicable: number): number | null {
  return applicable === 0 ? null : round1((100 * sum) / applicable);
}

/** The weighted mean of the scored sections (100 when no section with a weight was scored). */
export function weightedQa(weightedSum: number, totalWeight: number): number {
  return totalWeight === 0 ? 100 : round1(weightedSum / totalWeight);
}

/** The score that counts: 0 with any fatal breach, capped when a critical item was missed. */
export function countedQa(raw: number, fatal: boolean, criticalMissed: boolean): number {
  return fatal ? 0 : criticalMissed ? Math.min(raw, CRITICAL_CAP) : raw;
}
