/**
 * The game's screen flow as a small state machine: which screen may follow which. The app sends
 * an event before it draws a screen and draws only when the machine moved, so a late answer (a
 * call scored after the trainee already left for the menu) can never pull an old screen back.
 */
import { createActor, setup, type Actor } from 'xstate';

export type ScreenEvent =
  | { type: 'library.ready' }
  | { type: 'call.start' }
  | { type: 'call.over' }
  | { type: 'call.failed' }
  | { type: 'rating.done' }
  | { type: 'reflect' }
  | { type: 'plan.open' }
  | { type: 'shift.show' }
  | { type: 'menu' };

export const screenFlow = setup({ types: { events: {} as ScreenEvent } }).createMachine({
  id: 'screens',
  initial: 'loading',
  states: {
    loading: { on: { 'library.ready': 'menu' } },
    menu: { on: { 'call.start': 'call', 'shift.show': 'shift', 'plan.open': 'plan', menu: 'menu' } },
    call: { on: { 'call.start': 'call', 'call.over': 'rate-yourself', 'call.failed': 'error', 'plan.open': 'plan' } },
    'rate-yourself': { on: { 'rating.done': 'results' } },
    results: { on: { 'call.start': 'call', menu: 'menu', reflect: 'development', 'shift.show': 'shift', 'plan.open': 'plan' } },
    development: { on: { menu: 'menu', 'shift.show': 'shift', 'plan.open': 'plan' } },
    plan: { on: { menu: 'menu' } },
    error: { on: { menu: 'menu', 'call.start': 'call' } },
    shift: { on: { 'call.start': 'call', 'shift.show': 'shift', menu: 'menu', 'plan.open': 'plan' } },
  },
});

export type Screen = ReturnType<Actor<typeof screenFlow>['getSnapshot']>['value'];

export interface ScreenFlow {
  readonly current: () => Screen;
  /** Moves to the event's screen; false (and nothing changes) when that move is not allowed from here. */
  readonly go: (event: ScreenEvent) => boolean;
}

export function startScreenFlow(): ScreenFlow {
  const actor = createActor(screenFlow).start();
  return {
    current: () => actor.getSnapshot().value,
    go: (event) => {
      if (!actor.getSnapshot().can(event)) return false;
      actor.send(event);
      return true;
    },
  };
}
