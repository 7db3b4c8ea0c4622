/**
 * Live pace: silence on the line while the trainee decides. The game gives a grace period to read
 * and think; only the seconds beyond it are sent (as `line.silence` events) and counted here, so
 * replaying the log gives the same call. Rules stated in docs/scoring.md terms: dead air is talk
 * time nobody filled, and the caller's patience drains with it.
 */
import type { CallContext } from './call-context.ts';

/** Real seconds of quiet the trainee may take before it counts as dead air. */
export const DEAD_AIR_GRACE_SECONDS = 8;
/** The longest stretch sent as one event: patience drains as the silence goes on, not only after it. */
export const DEAD_AIR_CHUNK_SECONDS = 5;
export const DEAD_AIR_PATIENCE_PER_SECOND = 1;
/** A stretch of this length makes the caller's mood drop a point as well. */
export const DEAD_AIR_MOOD_AFTER_SECONDS = 5;

export function deadAir(context: CallContext, seconds: number): CallContext {
  const quiet = Math.max(0, Math.round(seconds));
  return {
    ...context,
    talk: context.talk + quiet,
    patience: Math.max(0, context.patience - quiet * DEAD_AIR_PATIENCE_PER_SECOND),
    mood: quiet >= DEAD_AIR_MOOD_AFTER_SECONDS ? Math.max(-5, context.mood - 1) : context.mood,
    step: context.step + 1,
  };
}

/** Silence counts once the call is answered and until it has an outcome (not while ringing or in wrap-up). */
export function silenceCounts(context: CallContext): boolean {
  return context.step > 0 && context.outcome === null;
}

/** The dead air in a run's events, in seconds. */
export function deadAirSeconds(events: readonly { readonly type: string; readonly seconds?: number }[]): number {
  return events.reduce((sum, e) => sum + (e.type === 'line.silence' ? (e.seconds ?? 0) : 0), 0);
}
