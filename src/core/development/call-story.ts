/**
 * One story per call: the facts every screen about a call must agree on. Handle time is judged only
 * on a call brought to a proper close (a short call that ended in a hang-up, an abandoned need or a
 * fatal breach earns no "within target"), as a ratio to that call's own target; a fatal breach is
 * timed where the key moments and transcript place the line that caused it; and the headline leads
 * with a fatal breach, whatever the customer's last words were.
 */
import type { Scorecard } from '../../shared/scorecard.ts';

/** Outcomes that end a call properly, so its handle time is fair to judge. */
export const CLOSED_OUTCOMES: readonly string[] = Object.freeze(['resolved', 'follow-up', 'refused', 'escalated', 'transferred']);

export type HandleTimeVerdict =
  | { readonly kind: 'within'; readonly ratio: number; readonly sentence: string }
  | { readonly kind: 'over'; readonly ratio: number; readonly sentence: string }
  | { readonly kind: 'not-judged'; readonly ratio: null; readonly sentence: string };

const mmss = (s: number): string => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

/** Handle time as a percentage of the call's own target (100 = exactly on target). */
export const handleTimeRatio = (card: Scorecard): number =>
  card.aht.target > 0 ? Math.round((100 * card.aht.total) / card.aht.target) : 100;

export function handleTimeVerdict(card: Scorecard): HandleTimeVerdict {
  const { total, target } = card.aht;
  if (card.aht.targeted === false) {
    return { kind: 'not-judged', ratio: null, sentence: `This call has no handle-time target (${mmss(total)} taken): rushing is the fault here, so taking the time this customer needs is the skill.` };
  }
  if (card.qa.fatal.length > 0) {
    return { kind: 'not-judged', ratio: null, sentence: `Handle time ${mmss(total)} is not judged: a fatal breach fails the call however quick it was.` };
  }
  if (!CLOSED_OUTCOMES.includes(card.outcome)) {
    const why = card.outcome === 'hung-up' ? 'the customer hung up' : 'the customer’s need was left unmet';
    return { kind: 'not-judged', ratio: null, sentence: `Handle time ${mmss(total)} is not judged against the ${mmss(target)} target: ${why}, so a short call is no credit.` };
  }
  const ratio = handleTimeRatio(card);
  return total <= target
    ? { kind: 'within', ratio, sentence: `Within target: ${mmss(total)} against ${mmss(target)} (${ratio}% of target).` }
    : { kind: 'over', ratio, sentence: `Over target by ${mmss(total - target)}: ${mmss(total)} against ${mmss(target)} (${ratio}% of target).` };
}

/** Each fatal breach with the time of the key moment that records it (the line that caused it), when there is one. */
export function fatalTimes(card: Scorecard): { code: string; text: string; at: number }[] {
  return card.qa.fatal.map((f) => {
    const moment = card.keyMoments.find((m) => m.text.includes(f.text));
    return { code: f.code, text: f.text, at: moment?.at ?? f.at };
  });
}

/** The one-line verdict a results screen leads with. */
export function callHeadline(card: Scorecard): { tone: 'bad' | 'mixed' | 'good'; text: string } {
  if (card.qa.fatal.length > 0) {
    return { tone: 'bad', text: `Failed on compliance: ${card.qa.fatal.map((f) => f.text).join('; ')}. A real audit would fail this call whatever the customer felt.` };
  }
  if (card.outcome === 'hung-up') return { tone: 'bad', text: 'The customer hung up before their need was met.' };
  if (!CLOSED_OUTCOMES.includes(card.outcome)) return { tone: 'bad', text: 'The customer’s need was left unmet.' };
  if (card.qa.band === 'green' && card.fcr.value !== 'no') return { tone: 'good', text: 'A sound call: quality in the green band and the need dealt with.' };
  return { tone: 'mixed', text: `The call reached a close; QA ${Math.round(card.qa.score)}% (${card.qa.band}) leaves room to improve.` };
}
