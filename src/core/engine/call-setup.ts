/**
 * Every behaviour a call can have, named. Compiled scenarios refer to these by name with params;
 * nothing here knows any particular scenario. Time passes only through events. Each guard and
 * action is a pure function from `call-guards.ts` / `call-rules.ts`, wrapped for XState here.
 */
import { assign, setup } from 'xstate';
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallContext } from './call-context.ts';
import { CALL_GUARDS } from './call-guards.ts';
import { CALL_ACTIONS } from './call-rules.ts';
import type { ChoiceGuardParams, IdvAskParams, RouteGuardParams, SearchIndexEntry, StepParams, WrapParams } from './step-params.ts';

export const callSetup = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallEvent,
  },
  guards: {
    choiceOffered: ({ context, event }, params: ChoiceGuardParams) => CALL_GUARDS.choiceOffered(context, event, params),
    canAsk: ({ context, event }, params: IdvAskParams) => CALL_GUARDS.canAsk(context, event, params),
    verdictIs: ({ context, event }, params: { verdict: 'pass' | 'fail' }) => CALL_GUARDS.verdictIs(context, event, params),
    articleFound: ({ context, event }) => CALL_GUARDS.articleFound(context, event, undefined),
    articleUsed: ({ context, event }, params: { right: readonly string[]; isRight: boolean }) =>
      CALL_GUARDS.articleUsed(context, event, params),
    routeTo: ({ context, event }, params: RouteGuardParams) => CALL_GUARDS.routeTo(context, event, params),
    holdWorkLeft: ({ context, event }, params: { seconds: number }) => CALL_GUARDS.holdWorkLeft(context, event, params),
    dispositionKnown: ({ context, event }, params: { codes: readonly string[] }) =>
      CALL_GUARDS.dispositionKnown(context, event, params),
    outOfPatience: ({ context, event }) => CALL_GUARDS.outOfPatience(context, event, undefined),
    silenceCounts: ({ context, event }) => CALL_GUARDS.silenceCounts(context, event, undefined),
  },
  actions: {
    step: assign(({ context, event }, params: StepParams) => CALL_ACTIONS.step(context, event, params)),
    checkBack: assign(({ context, event }, params: { seconds: number }) => CALL_ACTIONS.checkBack(context, event, params)),
    hangUp: assign(({ context, event }) => CALL_ACTIONS.hangUp(context, event, undefined)),
    wrapUp: assign(({ context, event }, params: WrapParams) => CALL_ACTIONS.wrapUp(context, event, params)),
    idvAsk: assign(({ context, event }, params: IdvAskParams) => CALL_ACTIONS.idvAsk(context, event, params)),
    kbSearch: assign(({ context, event }, params: { index: readonly SearchIndexEntry[] }) => CALL_ACTIONS.kbSearch(context, event, params)),
    kbOpen: assign(({ context, event }, params: { index: readonly SearchIndexEntry[] }) => CALL_ACTIONS.kbOpen(context, event, params)),
    deadAir: assign(({ context, event }) => CALL_ACTIONS.deadAir(context, event, undefined)),
  },
});

export type CallMachine = ReturnType<typeof callSetup.createMachine>;
export type CallMachineConfig = Parameters<typeof callSetup.createMachine>[0];

/** Names of the states every call has besides its scenario's nodes. */
export const CALL_STATES = Object.freeze({
  ringing: '__ringing',
  hungUp: '__hung-up',
  done: '__done',
} as const);
