/**
 * The least real time a person needs to play a run, so a run found offline and sent at once is
 * refused. Deliberately low: a trainee who knows the call by heart still passes. Each decision
 * (a reply chosen, an ID&V verdict, a hold step, the wrap-up) means reading the customer's line and
 * three or four options of a dozen words each: at a brisk 300 words a minute that is about 8 s, so
 * 1.5 s is a floor nobody honest comes near. Clicks that only move the call on (answer, continue)
 * count a fifth of that, and wrap-up notes are typed at no more than 20 characters a second.
 */
import type { CallEvent } from '../../shared/call-events.ts';

export const DEFAULT_MS_PER_DECISION = 1500;

export function minimumPlayMs(events: readonly CallEvent[], msPerDecision = DEFAULT_MS_PER_DECISION): number {
  let ms = 0;
  for (const e of events) {
    if (e.type === 'call.answer' || e.type === 'agent.continue') ms += msPerDecision / 5;
    else ms += msPerDecision;
    if (e.type === 'wrap.submit') ms += (e.notes.length * msPerDecision) / 30;
  }
  return Math.round(ms);
}
