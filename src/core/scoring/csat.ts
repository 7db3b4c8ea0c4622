/** The customer's satisfaction rating (1-5 stars), the reasons for it, and their comment. */
import type { Scorecard } from '../../shared/scorecard.ts';
import type { Outcome } from '../model/outcomes.ts';
import type { CallContext } from '../engine/call-context.ts';

const OUTCOME_BASE: Record<Outcome, number> = {
  resolved: 4,
  'follow-up': 3.5,
  refused: 3,
  escalated: 3,
  transferred: 3,
  unresolved: 2,
  'hung-up': 1,
};
export const MOOD_WEIGHT = 0.4;
export const LONG_HOLD_SECONDS = 180;
export const LOW_PATIENCE = 20;

const COMMENTS: Record<number, string> = {
  5: 'Really helpful. I felt listened to and I know exactly where I stand.',
  4: 'Sorted in the end, and they were polite about it.',
  3: 'It was OK. I got an answer, but it felt like hard work.',
  2: "Not great. I'm not convinced anything will actually change.",
  1: 'Awful. I gave up and I still have the same problem.',
};

export function csatRating(context: CallContext, endingComment: string | undefined): Scorecard['csat'] {
  const outcome = context.outcome ?? 'unresolved';
  const reasons: string[] = [];
  if (outcome === 'hung-up') {
    return { stars: 1, why: 'The customer hung up before their need was met.', comment: COMMENTS[1]! };
  }
  let value = OUTCOME_BASE[outcome];
  reasons.push(`${outcome === 'resolved' ? 'resolved' : outcome.replace('-', ' ')} (${OUTCOME_BASE[outcome]})`);
  value += MOOD_WEIGHT * context.mood;
  reasons.push(`mood at the end ${context.mood >= 0 ? '+' : ''}${context.mood}`);
  const effort: string[] = [];
  if (context.hold > LONG_HOLD_SECONDS) effort.push('long time on hold');
  if ((context.holdLongestGap ?? 0) > 60) effort.push('left on hold without a check-back');
  if (context.coldTransfer) effort.push('a cold transfer');
  if (context.routeTeamRight === false) effort.push('passed to the wrong team');
  value -= 0.5 * effort.length;
  if (effort.length > 0) reasons.push(`effort: ${effort.join(', ')}`);
  if (context.patience < LOW_PATIENCE) {
    value -= 0.5;
    reasons.push('patience nearly gone');
  }
  const stars = Math.min(5, Math.max(1, Math.round(value)));
  return {
    stars,
    why: `From ${reasons.join('; ')}.`,
    comment: endingComment !== undefined && stars >= 3 ? endingComment : COMMENTS[stars]!,
  };
}
