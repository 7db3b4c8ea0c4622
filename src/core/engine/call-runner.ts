/**
 * The pure runner: steps a compiled call by reading its machine config as a table, with the
 * engine's own guards and actions (`CALL_GUARDS`, `CALL_ACTIONS`: the same functions the XState
 * machine wraps) and no actor. Replay, scoring, resume, the server's verification and the checker
 * all step calls through this; the live game drives the XState machine, and a seeded equivalence
 * test holds the two equal after every event.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallContext } from './call-context.ts';
import type { CallDefinition } from './call-definition.ts';
import type { CallMachineConfig } from './call-setup.ts';
import { CALL_STATES } from './call-setup.ts';
import { CALL_ACTIONS } from './call-rules.ts';
import { CALL_GUARDS } from './call-guards.ts';

export interface RunnerState {
  /** The state the call is in: a step id or one of `CALL_STATES`. */
  readonly value: string;
  readonly context: CallContext;
  readonly done: boolean;
}

type GuardFn = (context: CallContext, event: CallEvent | null, params: unknown) => boolean;
type ActionFn = (context: CallContext, event: CallEvent | null, params: unknown) => CallContext;

/** One transition, resolved once: the guard and action functions with their params. */
interface Transition {
  readonly guard: GuardFn | null;
  readonly guardParams: unknown;
  readonly action: ActionFn | null;
  readonly actionParams: unknown;
  readonly target: string | null;
}

interface StateTable {
  readonly on: ReadonlyMap<string, readonly Transition[]>;
  readonly always: readonly Transition[];
}

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

/** Eventless transitions followed after one event before the runner stops (the machine has at most two in a row). */
const MAX_ALWAYS_HOPS = 10;

const GUARDS = CALL_GUARDS as unknown as Readonly<Record<string, GuardFn>>;
const ACTIONS = CALL_ACTIONS as unknown as Readonly<Record<string, ActionFn>>;

const asRef = (ref: Ref | string): Ref => (typeof ref === 'string' ? { type: ref } : ref);
const asList = (t: Transitions | undefined): readonly TransitionConfig[] =>
  t === undefined ? [] : Array.isArray(t) ? (t as readonly TransitionConfig[]) : [t as TransitionConfig];

function resolve(config: TransitionConfig): Transition {
  const guard = config.guard === undefined ? null : asRef(config.guard);
  const action = config.actions === undefined ? null : asRef(config.actions);
  const guardFn = guard === null ? null : GUARDS[guard.type];
  const actionFn = action === null ? null : ACTIONS[action.type];
  // The compiler names only the engine's own guards and actions; a stray name is a compiler fault.
  if (guardFn === undefined) throw new Error(`call runner: unknown guard "${guard?.type}"`);
  if (actionFn === undefined) throw new Error(`call runner: unknown action "${action?.type}"`);
  return { guard: guardFn, guardParams: guard?.params, action: actionFn, actionParams: action?.params, target: config.target ?? null };
}

interface Table {
  readonly states: ReadonlyMap<string, StateTable>;
  /** The machine's own (root) handlers, taken when the state has none that passes (live pace's silence). */
  readonly rootOn: ReadonlyMap<string, readonly Transition[]>;
  readonly initial: RunnerState;
}

const tables = new WeakMap<CallMachineConfig, Table>();

function buildTable(machineConfig: CallMachineConfig): Table {
  const config = machineConfig as unknown as { initial: string; context: CallContext; states: Record<string, StateConfig>; on?: StateConfig['on'] };
  const rootOn = new Map<string, readonly Transition[]>();
  for (const [type, transitions] of Object.entries(config.on ?? {})) rootOn.set(type, asList(transitions).map(resolve));
  const states = new Map<string, StateTable>();
  for (const [id, state] of Object.entries(config.states)) {
    const on = new Map<string, readonly Transition[]>();
    for (const [type, transitions] of Object.entries(state.on ?? {})) on.set(type, asList(transitions).map(resolve));
    states.set(id, { on, always: asList(state.always).map(resolve) });
  }
  return { states, rootOn, initial: { value: config.initial, context: config.context, done: config.initial === CALL_STATES.done } };
}

/** The table of a compiled call, built once per definition. */
function tableOf(def: CallDefinition): Table {
  let table = tables.get(def.machineConfig);
  if (table === undefined) {
    table = buildTable(def.machineConfig);
    tables.set(def.machineConfig, table);
  }
  return table;
}

function firstPassing(transitions: readonly Transition[] | undefined, context: CallContext, event: CallEvent | null): Transition | undefined {
  if (transitions === undefined) return undefined;
  for (const t of transitions) if (t.guard === null || t.guard(context, event, t.guardParams)) return t;
  return undefined;
}

export class CallRunner {
  private readonly table: Table;

  constructor(def: CallDefinition) {
    this.table = tableOf(def);
  }

  /** The ringing phone, before any event. */
  initial(): RunnerState {
    return this.table.initial;
  }

  /** The state after `event`, or null when the call cannot take it now. */
  send(state: RunnerState, event: CallEvent): RunnerState | null {
    if (state.done) return null;
    const states = this.table.states;
    const taken = firstPassing(states.get(state.value)?.on.get(event.type), state.context, event) ?? firstPassing(this.table.rootOn.get(event.type), state.context, event);
    if (taken === undefined) return null;
    let value = taken.target ?? state.value;
    let context = taken.action === null ? state.context : taken.action(state.context, event, taken.actionParams);
    for (let hops = 0; hops < MAX_ALWAYS_HOPS; hops += 1) {
      const always = firstPassing(states.get(value)?.always, context, null);
      if (always === undefined) break;
      if (always.action !== null) context = always.action(context, null, always.actionParams);
      value = always.target ?? value;
    }
    return { value, context, done: value === CALL_STATES.done };
  }
}
