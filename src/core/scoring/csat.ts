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

/**
 * What can make a call hard work for the customer, each in words when it applies (each costs half a
 * star). One list, read by `csatRating` for its words and by `csatStars` for the count alone.
 */
const EFFORT: readonly ((context: CallContext) => string | null)[] = [
  (c) => (c.hold > LONG_HOLD_SECONDS ? 'long time on hold' : null),
  (c) => ((c.holdLongestGap ?? 0) > 60 ? 'left on hold without a check-back' : null),
  (c) => (c.coldTransfer ? 'a cold transfer' : null),
  (c) => (c.routeTeamRight === false ? 'passed to the wrong team' : c.routeTeamRight === true ? 'transferred to another team' : null),
  (c) => (c.idvRepeats > 0 ? 'asked to repeat their details' : null),
];

function effortReasons(context: CallContext): string[] {
  const reasons: string[] = [];
  for (const rule of EFFORT) {
    const reason = rule(context);
    if (reason !== null) reasons.push(reason);
  }
  return reasons;
}

/** How many effort rules apply (no list built: the checker rates thousands of runs). */
function effortCount(context: CallContext): number {
  let count = 0;
  for (const rule of EFFORT) if (rule(context) !== null) count += 1;
  return count;
}

/** The stars from the outcome's base, the mood, the effort and the patience left (a hang-up is always 1). */
function starsFrom(context: CallContext, effort: number): number {
  const outcome = context.outcome ?? 'unresolved';
  if (outcome === 'hung-up') return 1;
  const value = OUTCOME_BASE[outcome] + MOOD_WEIGHT * context.mood - 0.5 * effort - (context.patience < LOW_PATIENCE ? 0.5 : 0);
  return Math.min(5, Math.max(1, Math.round(value)));
}

/** The stars alone, with `csatRating`'s arithmetic but none of its words: for the checker, which rates thousands of runs. */
export function csatStars(context: CallContext): number {
  return starsFrom(context, effortCount(context));
}

export function csatRating(context: CallContext, endingComment: string | undefined): Scorecard['csat'] {
  const outcome = context.outcome ?? 'unresolved';
  if (outcome === 'hung-up') {
    return { stars: 1, why: 'The customer hung up before their need was met.', comment: COMMENTS[1]! };
  }
  const effort = effortReasons(context);
  const stars = starsFrom(context, effort.length);
  const reasons: string[] = [];
  reasons.push(`${outcome === 'resolved' ? 'resolved' : outcome.replace('-', ' ')} (${OUTCOME_BASE[outcome]})`);
  reasons.push(`mood at the end ${context.mood >= 0 ? '+' : ''}${context.mood}`);
  if (effort.length > 0) reasons.push(`effort: ${effort.join(', ')}`);
  if (context.patience < LOW_PATIENCE) reasons.push('patience nearly gone');
  return {
    stars,
    why: `From ${reasons.join('; ')}.`,
    comment: endingComment !== undefined && stars >= 3 ? endingComment : COMMENTS[stars]!,
  };
}
