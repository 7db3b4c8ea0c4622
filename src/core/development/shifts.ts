/**
 * A day's practice calls taken together (a "shift"), against the service's targets: QA, FCR and
 * handle time judged only on the calls where each applies.
 */
import type { Scorecard } from '../../shared/scorecard.ts';
import { handleTimeVerdict } from './call-story.ts';
import { metricMean } from './metrics.ts';

export interface ShiftSummary {
  readonly date: string;
  readonly calls: number;
  readonly qaMean: number;
  readonly fatal: number;
  /** FCR rate over the calls where FCR applies; null when none did. */
  readonly fcrRate: number | null;
  readonly withinTarget: number;
  readonly judged: number;
  readonly sentence: string;
}

export function shiftSummaries(runs: readonly { at: string; scorecard: Scorecard }[]): ShiftSummary[] {
  const byDay = new Map<string, Scorecard[]>();
  for (const r of runs) byDay.set(r.at.slice(0, 10), [...(byDay.get(r.at.slice(0, 10)) ?? []), r.scorecard]);
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, cards]) => {
    const qaMean = Math.round(cards.reduce((a, c) => a + c.qa.score, 0) / cards.length);
    const fatal = cards.filter((c) => c.qa.fatal.length > 0).length;
    const fcrRate = metricMean('fcr-rate', cards);
    const verdicts = cards.map(handleTimeVerdict);
    const judged = verdicts.filter((v) => v.kind !== 'not-judged').length;
    const withinTarget = verdicts.filter((v) => v.kind === 'within').length;
    const sentence = `${cards.length} call${cards.length === 1 ? '' : 's'}; QA averaged ${qaMean}%${fatal > 0 ? ` with ${fatal} fatal breach${fatal === 1 ? '' : 'es'}` : ''}; `
      + `FCR ${fcrRate === null ? 'not measured' : `${fcrRate}%`}; handle time within target on ${withinTarget} of ${judged} call${judged === 1 ? '' : 's'} that reached a proper close.`;
    return { date, calls: cards.length, qaMean, fatal, fcrRate, withinTarget, judged, sentence };
  });
}
