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
import { CALL_ACTIONS_IN_PLACE } from './call-rules.ts';
import type { WorkingContext } from './apply-step.ts';
import type { StepParams } from './step-params.ts';
import { CALL_GUARDS } from './call-guards.ts';

export interface RunnerState {
  /** The state the call is in: a step id or one of `CALL_STATES`. */
  readonly value: string;
  readonly context: CallContext;
  readonly done: boolean;
}

/** A run stopped by an event the call could not take: its index, and the state it came at. */
export interface RunRefused {
  readonly refused: number;
  readonly state: RunnerState;
}

type GuardFn = (context: CallContext, event: CallEvent | null, params: unknown) => boolean;
type InPlaceFn = (work: WorkingContext, event: CallEvent | null, params: unknown) => void;

/** One transition, resolved once: the guard and action functions with their params, and the target's table. */
interface Transition {
  readonly guard: GuardFn | null;
  readonly guardParams: unknown;
  readonly action: InPlaceFn | null;
  readonly actionParams: unknown;
  /** The state it goes to; null stays. Filled in once every state has its table. */
  target: StateTable | null;
  readonly targetId: string | null;
}

interface StateTable {
  readonly id: string;
  readonly done: boolean;
  readonly on: ReadonlyMap<string, readonly Transition[]>;
  /** The choices' transitions by choice index (each guarded by `choiceOffered`); null when the state has none. */
  readonly choose: readonly (readonly Transition[] | undefined)[] | null;
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
const ACTIONS = CALL_ACTIONS_IN_PLACE as unknown as Readonly<Record<string, InPlaceFn>>;

const asRef = (ref: Ref | string): Ref => (typeof ref === 'string' ? { type: ref } : ref);
const asList = (t: Transitions | undefined): readonly TransitionConfig[] =>
  t === undefined ? [] : Array.isArray(t) ? (t as readonly TransitionConfig[]) : [t as TransitionConfig];

/**
 * A step's params with every field present, in one order: the same values, but one object shape
 * for all steps, so the step's many "is this part there?" reads stay fast.
 */
function uniformStepParams(p: StepParams): StepParams {
  return {
    talk: p.talk,
    holdFinish: p.holdFinish,
    mood: p.mood,
    patience: p.patience,
    set: p.set,
    clear: p.clear,
    qa: p.qa,
    discloses: p.discloses,
    disclosureBreach: p.disclosureBreach,
    disclosureAlways: p.disclosureAlways,
    authority: p.authority,
    breaches: p.breaches,
    idv: p.idv,
    route: p.route,
    kbUsed: p.kbUsed,
    ending: p.ending,
  } as StepParams;
}

function resolve(config: TransitionConfig): Transition {
  const guard = config.guard === undefined ? null : asRef(config.guard);
  const action = config.actions === undefined ? null : asRef(config.actions);
  const guardFn = guard === null ? null : GUARDS[guard.type];
  const actionFn = action === null ? null : ACTIONS[action.type];
  // The compiler names only the engine's own guards and actions; a stray name is a compiler fault.
  if (guardFn === undefined) throw new Error(`call runner: unknown guard "${guard?.type}"`);
  if (actionFn === undefined) throw new Error(`call runner: unknown action "${action?.type}"`);
  const actionParams = action?.type === 'step' ? uniformStepParams(action.params as StepParams) : action?.params;
  return { guard: guardFn, guardParams: guard?.params, action: actionFn, actionParams, target: null, targetId: config.target ?? null };
}

/** The choices' transitions by index, when every `agent.choose` transition is a `choiceOffered` one. */
function byChoiceIndex(configs: readonly TransitionConfig[], transitions: readonly Transition[]): Transition[][] | null {
  if (transitions.length === 0) return null;
  const byIndex: Transition[][] = [];
  for (let i = 0; i < configs.length; i += 1) {
    const guard = configs[i]!.guard;
    const ref = guard === undefined ? null : asRef(guard);
    const index = (ref?.params as { index?: unknown } | undefined)?.index;
    if (ref?.type !== 'choiceOffered' || typeof index !== 'number') return null;
    (byIndex[index] ??= []).push(transitions[i]!);
  }
  return byIndex;
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
  const all: Transition[] = [];
  const resolveAll = (configs: readonly TransitionConfig[]): Transition[] => {
    const list = configs.map(resolve);
    all.push(...list);
    return list;
  };
  const rootOn = new Map<string, readonly Transition[]>();
  for (const [type, transitions] of Object.entries(config.on ?? {})) rootOn.set(type, resolveAll(asList(transitions)));
  const states = new Map<string, StateTable>();
  for (const [id, state] of Object.entries(config.states)) {
    const on = new Map<string, readonly Transition[]>();
    let choose: Transition[][] | null = null;
    for (const [type, transitions] of Object.entries(state.on ?? {})) {
      const configs = asList(transitions);
      const list = resolveAll(configs);
      on.set(type, list);
      if (type === 'agent.choose') choose = byChoiceIndex(configs, list);
    }
    states.set(id, { id, done: id === CALL_STATES.done, on, choose, always: resolveAll(asList(state.always)) });
  }
  for (const t of all) {
    if (t.targetId === null) continue;
    const target = states.get(t.targetId);
    if (target === undefined) throw new Error(`call runner: a transition goes to "${t.targetId}", which the machine lacks`);
    t.target = target;
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
  for (let i = 0; i < transitions.length; i += 1) {
    const t = transitions[i]!;
    if (t.guard === null || t.guard(context, event, t.guardParams)) return t;
  }
  return undefined;
}

const NO_HANDLERS: ReadonlyMap<string, readonly Transition[]> = new Map();

/** Where a call is while the runner steps it: the state's table and the context (owned: written in place). */
interface Position {
  at: StateTable;
  context: WorkingContext;
  owned: boolean;
}

/**
 * A call stepped in place: one working copy of the context, changed by every event it takes, for
 * walks that keep no state per step. `state()` copies out the state where one must be kept.
 */
export interface RunnerCursor {
  /** The state the call is in now (a step id or one of `CALL_STATES`). */
  readonly value: string;
  readonly done: boolean;
  /** The working context: read it now, keep `state()` instead (the next event changes it). */
  readonly context: CallContext;
  /** Takes `event` and the eventless transitions after it; false (and nothing changed) when the call cannot take it now. */
  take(event: CallEvent): boolean;
  /** The state now, with a context of its own. */
  state(): RunnerState;
  /** Back to `state` (its context is copied before the next change, never written). */
  reset(state: RunnerState): void;
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

  /** The transition `event` takes from `at`, or undefined when the call cannot take it now. */
  private taken(at: StateTable, context: CallContext, event: CallEvent): Transition | undefined {
    const own = at.choose !== null && event.type === 'agent.choose' ? at.choose[event.index] : at.on.get(event.type);
    return firstPassing(own, context, event) ?? firstPassing(this.table.rootOn.get(event.type), context, event);
  }

  /**
   * Takes `event` at `pos`, and the eventless transitions after it; false (and `pos` untouched)
   * when the call cannot take it. A context not yet owned is copied once, before the first change.
   */
  private advance(pos: Position, event: CallEvent): boolean {
    if (pos.at.done) return false;
    const taken = this.taken(pos.at, pos.context, event);
    if (taken === undefined) return false;
    if (taken.action !== null) {
      if (!pos.owned) {
        pos.context = { ...pos.context };
        pos.owned = true;
      }
      taken.action(pos.context, event, taken.actionParams);
    }
    if (taken.target !== null) pos.at = taken.target;
    for (let hops = 0; hops < MAX_ALWAYS_HOPS; hops += 1) {
      const always = firstPassing(pos.at.always, pos.context, null);
      if (always === undefined) break;
      if (always.action !== null) {
        if (!pos.owned) {
          pos.context = { ...pos.context };
          pos.owned = true;
        }
        always.action(pos.context, null, always.actionParams);
      }
      if (always.target !== null) pos.at = always.target;
    }
    return true;
  }

  private position(state: RunnerState): Position {
    // A state the machine lacks has only the machine's own handlers, as in XState.
    const at = this.table.states.get(state.value) ?? { id: state.value, done: false, on: NO_HANDLERS, choose: null, always: [] };
    return { at, context: state.context as WorkingContext, owned: false };
  }

  /** The state after `event`, or null when the call cannot take it now. `state` is never changed. */
  send(state: RunnerState, event: CallEvent): RunnerState | null {
    if (state.done) return null;
    const pos = this.position(state);
    if (!this.advance(pos, event)) return null;
    return { value: pos.at.id, context: pos.context, done: pos.at.done };
  }

  /**
   * Takes `events` one after another from `state`, with one working copy of the context for the
   * whole run. `onStep`, when given, sees the state after each event (its context a copy of its own).
   * The end state, or the index of the first event the call could not take with the state it came at.
   */
  run(state: RunnerState, events: readonly CallEvent[], onStep?: (state: RunnerState) => void): RunnerState | RunRefused {
    const pos = this.position(state);
    for (let i = 0; i < events.length; i += 1) {
      if (!this.advance(pos, events[i]!)) return { refused: i, state: { value: pos.at.id, context: pos.context, done: pos.at.done } };
      if (onStep !== undefined) onStep({ value: pos.at.id, context: { ...pos.context }, done: pos.at.done });
    }
    return { value: pos.at.id, context: pos.context, done: pos.at.done };
  }

  /** A cursor at `state` (the ringing phone unless given) that steps one working context in place. */
  cursor(state: RunnerState = this.table.initial): RunnerCursor {
    let pos = this.position(state);
    const advance = (event: CallEvent) => this.advance(pos, event);
    const position = (at: RunnerState) => this.position(at);
    return {
      get value() {
        return pos.at.id;
      },
      get done() {
        return pos.at.done;
      },
      get context() {
        return pos.context;
      },
      take: advance,
      state: () => ({ value: pos.at.id, context: pos.owned ? { ...pos.context } : pos.context, done: pos.at.done }),
      reset: (at: RunnerState) => {
        pos = position(at);
      },
    };
  }
}
