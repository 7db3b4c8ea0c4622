/**
 * The call's rules, once: every action as a pure (context, event, params) → context function. The
 * XState machine wraps each in `assign` for live play; the pure runner calls the same functions for
 * replay, scoring, the server's verification and the checker's analysis.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallContext } from './call-context.ts';
import { applyStep, applyStepInPlace, hangUp, holdCheckBack, idvAsk, kbOpen, kbSearch, wrapUp, type WorkingContext } from './apply-step.ts';
import { holdCheckBackInPlace, idvAskInPlace, kbOpenInPlace, kbSearchInPlace, wrapUpInPlace } from './apply-step.ts';
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

type InPlaceAction = (work: WorkingContext, event: CallEvent | null, params: never) => void;

/** An action written back into a working context: the pure result's fields copied over it. */
const intoPlace =
  <P>(action: Action<P>) =>
  (work: WorkingContext, event: CallEvent | null, params: P): void => {
    Object.assign(work, action(work, event, params));
  };

/**
 * The same actions applied to a working copy of the context in place, for the pure runner's
 * replay (one copy per replay, not one per event). The step, taken at almost every event, is the
 * in-place form `applyStep` itself is built on, and so are the ID&V questions, the look-up, the
 * hold's check-backs and the wrap-up (ended by every analysed walk); the hang-up and live pace's
 * silence copy their pure result back.
 */
export const CALL_ACTIONS_IN_PLACE: Readonly<Record<CallActionName, InPlaceAction>> = Object.freeze({
  step: (work: WorkingContext, event: CallEvent | null, p: StepParams) => applyStepInPlace(work, p, event ?? undefined),
  checkBack: (work: WorkingContext, _event: CallEvent | null, p: { seconds: number }) => holdCheckBackInPlace(work, p.seconds),
  hangUp: intoPlace(CALL_ACTIONS.hangUp),
  wrapUp: (work: WorkingContext, event: CallEvent | null, p: WrapParams) => {
    if (event?.type === 'wrap.submit') wrapUpInPlace(work, p, event.disposition, event.notes);
  },
  idvAsk: (work: WorkingContext, event: CallEvent | null, p: IdvAskParams) => {
    if (event?.type === 'idv.ask') idvAskInPlace(work, event.key, p);
  },
  kbSearch: (work: WorkingContext, event: CallEvent | null, p: { index: readonly SearchIndexEntry[] }) => {
    if (event?.type === 'kb.search') kbSearchInPlace(work, event.query, p);
  },
  kbOpen: (work: WorkingContext, event: CallEvent | null, p: { index: readonly SearchIndexEntry[] }) => {
    if (event?.type === 'kb.open') kbOpenInPlace(work, event.article, p);
  },
  deadAir: intoPlace(CALL_ACTIONS.deadAir),
});
