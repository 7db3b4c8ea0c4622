/**
 * Every behaviour a call can have, named. Compiled scenarios refer to these by name with params;
 * nothing here knows any particular scenario. Time passes only through events.
 */
import { assign, setup } from 'xstate';
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallContext } from './call-context.ts';
import { applyStep, hangUp, holdCheckBack, wrapUp } from './apply-step.ts';
import { CALL_GUARDS } from './call-guards.ts';
import type { ChoiceGuardParams, StepParams, WrapParams } from './step-params.ts';

export const callSetup = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallEvent,
  },
  guards: {
    choiceOffered: ({ context, event }, params: ChoiceGuardParams) => CALL_GUARDS.choiceOffered(context, event, params),
    verdictIs: ({ context, event }, params: { verdict: 'pass' | 'fail' }) => CALL_GUARDS.verdictIs(context, event, params),
    holdWorkLeft: ({ context, event }, params: { seconds: number }) => CALL_GUARDS.holdWorkLeft(context, event, params),
    dispositionKnown: ({ context, event }, params: { codes: readonly string[] }) =>
      CALL_GUARDS.dispositionKnown(context, event, params),
    outOfPatience: ({ context, event }) => CALL_GUARDS.outOfPatience(context, event, undefined),
  },
  actions: {
    step: assign(({ context }, params: StepParams) => applyStep(context, params)),
    checkBack: assign(({ context }, params: { seconds: number }) => holdCheckBack(context, params.seconds)),
    hangUp: assign(({ context }) => hangUp(context)),
    wrapUp: assign(({ context, event }, params: WrapParams) =>
      event.type === 'wrap.submit' ? wrapUp(context, params, event.disposition, event.notes) : context,
    ),
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
