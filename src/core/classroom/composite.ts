/**
 * One call's balanced composite: QA, FCR, CSAT and AHT against target, each as 0-100, weighed
 * equally. Speed of play never enters it. A fatal compliance breach caps the call's composite.
 */
import type { CallKpis } from './call-kpis.ts';
import type { CallComposite } from '../../shared/classroom-results.ts';

export const COMPOSITE_WEIGHTS = Object.freeze({ qa: 1, fcr: 1, csat: 1, aht: 1 });
/** A call with a fatal breach scores at most this, however good the rest was. */
export const FATAL_CAP = 25;

/** 100 within target; falls linearly to 0 at twice the target. A very short call is not rewarded more. */
export function ahtPart(total: number, target: number): number {
  if (target <= 0 || total <= target) return 100;
  return Math.max(0, 100 - ((total - target) / target) * 100);
}

export function csatPart(stars: number): number {
  return ((stars - 1) / 4) * 100;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function callComposite(card: CallKpis): CallComposite {
  const qa = card.qa;
  const fcr = card.fcr === 'excluded' ? null : card.fcr === 'yes' ? 100 : 0;
  const csat = csatPart(card.csatStars);
  const aht = ahtPart(card.ahtTotal, card.ahtTarget);
  const parts: [number, number][] = [
    [qa, COMPOSITE_WEIGHTS.qa],
    [csat, COMPOSITE_WEIGHTS.csat],
    [aht, COMPOSITE_WEIGHTS.aht],
  ];
  if (fcr !== null) parts.push([fcr, COMPOSITE_WEIGHTS.fcr]);
  const weight = parts.reduce((s, [, w]) => s + w, 0);
  const balanced = parts.reduce((s, [v, w]) => s + v * w, 0) / weight;
  const fatal = card.fatal;
  return { qa: round1(qa), fcr, csat: round1(csat), aht: round1(aht), fatal, composite: round1(fatal ? Math.min(balanced, FATAL_CAP) : balanced) };
}
