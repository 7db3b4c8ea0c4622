/**
 * A call being played: one long-lived actor, the log of accepted events, the run's seed, and a view
 * of what the trainee sees now. The game, the tests and the walkthroughs all drive calls through this.
 */
import { createActor, type Actor } from 'xstate';
import type { CallEvent, RunLog } from '../../shared/call-events.ts';
import type { CallDefinition } from './call-definition.ts';
import type { CallMachine } from './call-setup.ts';
import type { CallSnapshot } from './replay.ts';
import { replay } from './replay.ts';
import type { RunnerState } from './call-runner.ts';
import { buildCallView, type CallView } from './call-view.ts';

export interface SavedCall {
  readonly scenarioId: string;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly events: readonly CallEvent[];
  /** "live": played at live pace (see dead-air.ts); absent: untimed. */
  readonly pace?: 'live';
}

export type ResumeResult = { readonly ok: true; readonly session: CallSession } | { readonly ok: false; readonly error: string };

export class CallSession {
  private readonly actor: Actor<CallMachine>;
  private readonly log: CallEvent[] = [];
  private readonly listeners = new Set<(view: CallView) => void>();

  /** `seed` orders what the trainee is shown; draw it at random for each new call (the core has no randomness of its own). */
  constructor(
    readonly definition: CallDefinition,
    readonly seed: number,
    /** "live" records that silence is being counted; the log then says so. */
    readonly pace?: 'live',
    resumeAt?: { readonly state: RunnerState; readonly events: readonly CallEvent[] },
  ) {
    const snapshot = resumeAt === undefined ? undefined : definition.machine.resolveState({ value: resumeAt.state.value, context: resumeAt.state.context });
    this.actor = createActor(definition.machine, snapshot === undefined ? undefined : { snapshot }).start();
    if (resumeAt !== undefined) this.log.push(...resumeAt.events);
  }

  /** Picks up a saved call where it stopped: the pure runner replays its log and the live machine starts from the state it reached. Refuses a log for another version. */
  static resume(definition: CallDefinition, saved: SavedCall): ResumeResult {
    if (saved.scenarioHash !== definition.hash) {
      return { ok: false, error: 'The scenario has changed since this call was saved, so it cannot be resumed.' };
    }
    if (!Number.isInteger(saved.seed)) return { ok: false, error: 'The saved call has no seed, so it cannot be resumed.' };
    const check = replay(definition, saved.events);
    if (!check.ok) return { ok: false, error: `The saved call cannot be resumed: ${check.error}.` };
    return { ok: true, session: new CallSession(definition, saved.seed, saved.pace, { state: check.snapshot, events: saved.events }) };
  }

  get snapshot(): CallSnapshot {
    return this.actor.getSnapshot();
  }

  get events(): readonly CallEvent[] {
    return this.log;
  }

  get over(): boolean {
    return this.snapshot.status === 'done';
  }

  view(): CallView {
    return buildCallView(this.definition, this.snapshot, this.seed);
  }

  /** Sends a trainee action. Returns false, changing nothing, when the call can't take it now. */
  send(event: CallEvent): boolean {
    const before = this.actor.getSnapshot();
    if (before.status === 'done') return false;
    this.actor.send(event);
    if (this.actor.getSnapshot() === before) return false;
    this.log.push(event);
    if (this.listeners.size > 0) {
      const view = this.view();
      for (const listener of this.listeners) listener(view);
    }
    return true;
  }

  onChange(listener: (view: CallView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  runLog(): RunLog {
    const run: RunLog = { scenarioId: this.definition.scenario.id, scenarioHash: this.definition.hash, seed: this.seed, events: [...this.log] };
    return this.pace === undefined ? run : { ...run, pace: this.pace };
  }

  save(): SavedCall {
    return this.runLog();
  }

  stop(): void {
    this.actor.stop();
    this.listeners.clear();
  }
}
