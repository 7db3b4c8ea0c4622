/**
 * "Play from here": a call that starts at any step with the state a trainer chooses (mood,
 * patience, flags, ID&V passed or not, time already spent). It is the same machine with two things
 * changed: the context it starts with, and where answering the phone leads. Every rule, guard and
 * score stays the one the game uses, so a test started here behaves as the call would.
 */
import type { CallDefinition } from './call-definition.ts';
import type { CallContext, IdvState } from './call-context.ts';
import { initialContext } from './call-context.ts';
import { CALL_STATES, callSetup, type CallMachineConfig } from './call-setup.ts';

export interface StartPoint {
  /** The step the call picks up at, once the phone is answered. */
  readonly step: string;
  readonly mood: number;
  readonly patience: number;
  readonly flags: readonly string[];
  readonly idv: IdvState;
  /** Simulated seconds already spent on the call before this step. */
  readonly elapsed: number;
}

export type StartResult = { readonly ok: true; readonly definition: CallDefinition } | { readonly ok: false; readonly error: string };

function clampWhole(value: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, value)));
}

/** The state a call has on reaching `start.step` the chosen way. */
export function startContext(start: StartPoint): CallContext {
  const base = initialContext(clampWhole(start.mood, -5, 5), clampWhole(start.patience, 0, 100));
  const passed = start.idv === 'passed';
  return {
    ...base,
    flags: [...new Set(start.flags.map((f) => f.trim()).filter((f) => f !== ''))],
    idv: start.idv,
    // Passed here means passed truly and rightly: the test is of the steps after it.
    idvTrue: passed,
    idvVerdictRight: start.idv === 'not-done' ? null : true,
    talk: clampWhole(start.elapsed, 0, 24 * 3600),
  };
}

/** The scenario's start values: the call as a trainee meets it, at its first step. */
export function defaultStartPoint(def: CallDefinition, step = def.scenario.start): StartPoint {
  const { customer } = def.scenario;
  return { step, mood: customer.mood, patience: customer.patience, flags: [], idv: 'not-done', elapsed: 0 };
}

/**
 * A definition whose calls start at `start.step` with the chosen state. It keeps the scenario's hash
 * (the content is the same), so runs on it must be replayed and scored against it, never against the
 * original: there the same log would be refused as impossible.
 */
export function startFrom(def: CallDefinition, start: StartPoint): StartResult {
  const node = def.scenario.nodes[start.step];
  if (node === undefined) return { ok: false, error: `The call has no step "${start.step}".` };
  if (node.type === 'ending') return { ok: false, error: `"${start.step}" is an ending: start from a step before it to test the wrap-up.` };
  const config = def.machineConfig as { states: Record<string, unknown> } & CallMachineConfig;
  const ringing = {
    on: { 'call.answer': { target: start.step, actions: { type: 'step', params: { talk: 0 } } } },
  };
  const machineConfig = {
    ...config,
    context: startContext(start),
    states: { ...config.states, [CALL_STATES.ringing]: ringing },
  } as CallMachineConfig;
  return {
    ok: true,
    definition: { ...def, machineConfig, machine: callSetup.createMachine(machineConfig) },
  };
}
