/**
 * Replay a run's events with the pure runner (the same rules the live XState machine wraps). The
 * same events always give the same final state; an event the call could not have taken at that
 * point makes the log impossible.
 */
import type { SnapshotFrom } from 'xstate';
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallDefinition } from './call-definition.ts';
import type { CallMachine } from './call-setup.ts';
import { CallRunner, type RunnerState } from './call-runner.ts';

/** A live call's XState snapshot (see `CallSession`). */
export type CallSnapshot = SnapshotFrom<CallMachine>;

export type ReplayResult =
  | { readonly ok: true; readonly snapshot: RunnerState; readonly snapshots: readonly RunnerState[] }
  | { readonly ok: false; readonly error: string; readonly at: number };

function describeEvent(event: CallEvent): string {
  switch (event.type) {
    case 'agent.choose':
      return `choice ${event.index + 1}`;
    case 'agent.idv':
      return `ID&V ${event.verdict}`;
    case 'wrap.submit':
      return `wrap-up "${event.disposition}"`;
    default:
      return event.type;
  }
}

/**
 * Replays `events` from the ringing phone. With `keepSteps`, also returns the state after each
 * event (index i = after events[i]), which scoring uses to weigh each step.
 */
export function replay(def: CallDefinition, events: readonly CallEvent[], keepSteps = false): ReplayResult {
  const runner = new CallRunner(def);
  const snapshots: RunnerState[] = [];
  const result = runner.run(runner.initial(), events, keepSteps ? (state) => snapshots.push(state) : undefined);
  if (!('refused' in result)) return { ok: true, snapshot: result, snapshots };
  const { refused: at, state } = result;
  const event = events[at]!;
  if (state.done) return { ok: false, error: `event ${at + 1} (${describeEvent(event)}) comes after the call was over`, at };
  return { ok: false, error: `event ${at + 1} (${describeEvent(event)}) is not possible at step "${state.value}"`, at };
}
