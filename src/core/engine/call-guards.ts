/**
 * The call's guards as plain functions of (context, event, params). The XState setup and the pure
 * runner both call these, so they cannot disagree.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallContext } from './call-context.ts';
import { conditionHolds } from './apply-step.ts';
import { silenceCounts } from './dead-air.ts';
import type { ChoiceGuardParams, IdvAskParams, RouteGuardParams } from './step-params.ts';

type Guard<P> = (context: CallContext, event: CallEvent | null, params: P) => boolean;

/** The marks name exactly the questions asked at this step. */
function marksCoverAsked(context: CallContext, marks: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(marks);
  return keys.length === context.idvAsked.length && keys.every((key) => context.idvAsked.includes(key));
}

export const CALL_GUARDS = Object.freeze({
  choiceOffered: ((context, event, p) =>
    event?.type === 'agent.choose' && event.index === p.index && conditionHolds(context, p.when)) as Guard<ChoiceGuardParams>,
  canAsk: ((context, event, p) =>
    event?.type === 'idv.ask' && p.askable.includes(event.key) && !context.idvAsked.includes(event.key)) as Guard<IdvAskParams>,
  verdictIs: ((context, event, p) =>
    event?.type === 'agent.idv' && event.verdict === p.verdict && marksCoverAsked(context, event.marks)) as Guard<{ verdict: 'pass' | 'fail' }>,
  articleFound: ((context, event) => event?.type === 'kb.open' && context.kbFound.includes(event.article)) as Guard<undefined>,
  articleUsed: ((context, event, p) =>
    event?.type === 'kb.use' && context.kbOpened.includes(event.article) && p.right.includes(event.article) === p.isRight) as Guard<{
    right: readonly string[];
    isRight: boolean;
  }>,
  routeTo: ((_context, event, p) => {
    if (event?.type !== 'agent.transfer' || !p.teams.includes(event.team)) return false;
    if (p.right.includes(event.team) !== p.rightTeam) return false;
    if (event.mode === 'cold' || p.handovers === 0) return event.handover === null;
    return event.handover !== null && event.handover < p.handovers;
  }) as Guard<RouteGuardParams>,
  holdWorkLeft: ((context, _event, p) => context.holdElapsed < p.seconds) as Guard<{ seconds: number }>,
  dispositionKnown: ((_context, event, p) =>
    event?.type === 'wrap.submit' && p.codes.includes(event.disposition)) as Guard<{ codes: readonly string[] }>,
  outOfPatience: ((context) => context.patience <= 0) as Guard<undefined>,
  silenceCounts: ((context, event) => event?.type === 'line.silence' && silenceCounts(context)) as Guard<undefined>,
});

export type CallGuardName = keyof typeof CALL_GUARDS;
