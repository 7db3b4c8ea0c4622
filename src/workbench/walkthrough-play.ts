/**
 * Replays a walkthrough file on the real engine and reports what the watch panel shows after each
 * event, so a test can compare it with what the trainer saw. A file that no longer fits the call
 * (an event refused, the call no longer valid) comes back as a message, never a crash.
 */
import type { CallDefinition } from '../core/engine/call-definition.ts';
import { CallSession } from '../core/engine/call-session.ts';
import { startFrom } from '../core/engine/start-from.ts';
import { scoreRun } from '../core/scoring/score.ts';
import type { WalkthroughFile } from './walkthrough-file.ts';
import { watchState, type WatchState } from './watch.ts';

export type WalkthroughReplay =
  | { readonly ok: true; readonly turns: readonly WatchState[]; readonly outcome: string | null }
  | { readonly ok: false; readonly error: string };

export function replayWalkthrough(def: CallDefinition, file: WalkthroughFile): WalkthroughReplay {
  let played = def;
  if (file.start !== null) {
    const started = startFrom(def, file.start);
    if (!started.ok) return { ok: false, error: started.error };
    played = started.definition;
  }
  const session = new CallSession(played, file.seed);
  const turns: WatchState[] = [];
  try {
    for (const [i, event] of file.events.entries()) {
      if (!session.send(event)) {
        return { ok: false, error: `event ${i + 1} (${event.type}) was refused at "${String(session.snapshot.value)}"` };
      }
      turns.push(watchState(session.snapshot.value, session.snapshot.context));
    }
    if (!session.over) return { ok: true, turns, outcome: null };
    const scored = scoreRun(played, session.runLog());
    if (!scored.ok) return { ok: false, error: `the run could not be scored: ${scored.error}` };
    return { ok: true, turns, outcome: scored.scorecard.outcome };
  } finally {
    session.stop();
  }
}
