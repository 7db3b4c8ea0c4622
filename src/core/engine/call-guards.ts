/**
 * The call's guards as plain functions of (context, event, params). The XState setup and the
 * table-driven runner used for path analysis both call these, so they cannot disagree.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallContext } from './call-context.ts';
import { conditionHolds } from './apply-step.ts';
import type { ChoiceGuardParams } from './step-params.ts';

type Guard<P> = (context: CallContext, event: CallEvent | null, params: P) => boolean;

export const CALL_GUARDS = Object.freeze({
  choiceOffered: ((context, event, p) =>
    event?.type === 'agent.choose' && event.index === p.index && conditionHolds(context, p.when)) as Guard<ChoiceGuardParams>,
  verdictIs: ((_context, event, p) => event?.type === 'agent.idv' && event.verdict === p.verdict) as Guard<{ verdict: 'pass' | 'fail' }>,
  holdWorkLeft: ((context, _event, p) => context.holdElapsed < p.seconds) as Guard<{ seconds: number }>,
  dispositionKnown: ((_context, event, p) =>
    event?.type === 'wrap.submit' && p.codes.includes(event.disposition)) as Guard<{ codes: readonly string[] }>,
  outOfPatience: ((context) => context.patience <= 0) as Guard<undefined>,
});

export type CallGuardName = keyof typeof CALL_GUARDS;
