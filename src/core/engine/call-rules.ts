/**
 * The call's rules, once: every action as a pure (context, event, params) → context function. The
 * XState machine wraps each in `assign` for live play; the pure runner calls the same functions for
 * replay, scoring, the server's verification and the checker's analysis.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallContext } from './call-context.ts';
import { applyStep, hangUp, holdCheckBack, idvAsk, kbOpen, kbSearch, wrapUp } from './apply-step.ts';
import { deadAir } from './dead-air.ts';
import type { IdvAskParams, SearchIndexEntry, StepParams, WrapParams } from './step-params.ts';

type Action<P> = (context: CallContext, event: CallEvent | null, params: P) => CallContext;

export const CALL_ACTIONS = Object.freeze({
  step: ((context, event, p) => applyStep(context, p, event ?? undefined)) as Action<StepParams>,
  checkBack: ((context, _event, p) => holdCheckBack(context, p.seconds)) as Action<{ seconds: number }>,
  hangUp: ((context) => hangUp(context)) as Action<undefined>,
  wrapUp: ((context, event, p) =>
    event?.type === 'wrap.submit' ? wrapUp(context, p, event.disposition, event.notes) : context) as Action<WrapParams>,
  idvAsk: ((context, event, p) => (event === null ? context : idvAsk(context, event, p))) as Action<IdvAskParams>,
  kbSearch: ((context, event, p) => (event === null ? context : kbSearch(context, event, p))) as Action<{ index: readonly SearchIndexEntry[] }>,
  kbOpen: ((context, event, p) => (event === null ? context : kbOpen(context, event, p))) as Action<{ index: readonly SearchIndexEntry[] }>,
  deadAir: ((context, event) => (event?.type === 'line.silence' ? deadAir(context, event.seconds) : context)) as Action<undefined>,
});

export type CallActionName = keyof typeof CALL_ACTIONS;
