/**
 * Replay a run's events through its scenario's machine. The same events always give the same
 * final state; an event the call could not have taken at that point makes the log impossible.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallDefinition } from './call-definition.ts';
import type { CallMachine } from './call-setup.ts';

export type CallSnapshot = SnapshotFrom<CallMachine>;

export type ReplayResult =
  | { readonly ok: true; readonly snapshot: CallSnapshot; readonly snapshots: readonly CallSnapshot[] }
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
 * Replays `events` from the ringing phone. With `keepSteps`, also returns the snapshot after each
 * event (index i = after events[i]), which scoring uses to weigh each step.
 */
export function replay(def: CallDefinition, events: readonly CallEvent[], keepSteps = false): ReplayResult {
  const actor = createActor(def.machine).start();
  const snapshots: CallSnapshot[] = [];
  try {
    let snapshot = actor.getSnapshot();
    for (let i = 0; i < events.length; i += 1) {
      const event = events[i]!;
      if (snapshot.status === 'done') {
        return { ok: false, error: `event ${i + 1} (${describeEvent(event)}) comes after the call was over`, at: i };
      }
      actor.send(event);
      const next = actor.getSnapshot();
      if (next === snapshot) {
        return {
          ok: false,
          error: `event ${i + 1} (${describeEvent(event)}) is not possible at step "${String(snapshot.value)}"`,
          at: i,
        };
      }
      snapshot = next;
      if (keepSteps) snapshots.push(snapshot);
    }
    return { ok: true, snapshot, snapshots };
  } finally {
    actor.stop();
  }
}
