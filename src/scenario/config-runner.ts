/**
 * Steps a compiled call by reading its machine config as a table, with the engine's own pure
 * guards and actions (`CALL_GUARDS`, `CALL_ACTIONS`: the same functions the XState machine wraps)
 * — no actor, so a thousand random walks cost milliseconds rather than the ~10 µs per event an
 * XState actor takes. Path analysis and the surface-strategy check use it; results are checked
 * against the real machine (see analyse.ts and the tests).
 */
import type { CallEvent } from '../shared/call-events.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { CallContext } from '../core/engine/call-context.ts';
import { CALL_STATES } from '../core/engine/call-setup.ts';
import { CALL_ACTIONS } from '../core/engine/call-rules.ts';
import { CALL_GUARDS } from '../core/engine/call-guards.ts';

interface Ref {
  readonly type: string;
  readonly params?: unknown;
}
interface TransitionConfig {
  readonly guard?: Ref | string;
  readonly target?: string;
  readonly actions?: Ref | string;
}
type Transitions = TransitionConfig | readonly TransitionConfig[];
interface StateConfig {
  readonly on?: Readonly<Record<string, Transitions>>;
  readonly always?: Transitions;
}

export interface RunnerState {
  readonly value: string;
  readonly context: CallContext;
  readonly done: boolean;
}

const asRef = (ref: Ref | string): Ref => (typeof ref === 'string' ? { type: ref } : ref);
const asList = (t: Transitions | undefined): readonly TransitionConfig[] =>
  t === undefined ? [] : Array.isArray(t) ? (t as readonly TransitionConfig[]) : [t as TransitionConfig];

function guardPasses(ref: Ref | string | undefined, context: CallContext, event: CallEvent | null): boolean {
  if (ref === undefined) return true;
  const { type, params } = asRef(ref);
  const guard = (CALL_GUARDS as Record<string, (c: CallContext, e: CallEvent | null, p: unknown) => boolean>)[type];
  if (guard === undefined) throw new Error(`config runner: unknown guard "${type}"`);
  return guard(context, event, params);
}

function runAction(ref: Ref | string | undefined, context: CallContext, event: CallEvent | null): CallContext {
  if (ref === undefined) return context;
  const { type, params } = asRef(ref);
  const action = (CALL_ACTIONS as Record<string, (c: CallContext, e: CallEvent | null, p: unknown) => CallContext>)[type];
  if (action === undefined) throw new Error(`config runner: unknown action "${type}"`);
  return action(context, event, params);
}

export class ConfigRunner {
  private readonly states: Readonly<Record<string, StateConfig>>;
  private readonly initialState: RunnerState;

  constructor(def: CallDefinition) {
    const config = def.machineConfig as unknown as { initial: string; context: CallContext; states: Record<string, StateConfig> };
    this.states = config.states;
    this.initialState = { value: config.initial, context: config.context, done: false };
  }

  initial(): RunnerState {
    return this.initialState;
  }

  /** The state after `event`, or null when the call cannot take it now. */
  send(state: RunnerState, event: CallEvent): RunnerState | null {
    if (state.done) return null;
    const taken = asList(this.states[state.value]?.on?.[event.type]).find((t) => guardPasses(t.guard, state.context, event));
    if (taken === undefined) return null;
    let value = taken.target ?? state.value;
    let context = runAction(taken.actions, state.context, event);
    for (let hops = 0; hops < 10; hops += 1) {
      const always = asList(this.states[value]?.always).find((t) => guardPasses(t.guard, context, null));
      if (always === undefined) break;
      context = runAction(always.actions, context, null);
      value = always.target ?? value;
    }
    return { value, context, done: value === CALL_STATES.done };
  }
}
