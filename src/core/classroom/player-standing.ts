/**
 * A trainee's standing, kept up to date one call at a time: the best composite on each scenario
 * counts, and the score is their mean. So replaying a call to do it better helps; rushing through
 * more calls does not.
 */
import type { CallComposite } from '../../shared/classroom-results.ts';

export interface PlayerStanding {
  readonly bestByScenario: ReadonlyMap<string, CallComposite>;
  readonly calls: number;
  readonly fatalCalls: number;
  /** Mean of the best composite per scenario, 0-100; 0 before any call. */
  readonly score: number;
}

export const EMPTY_STANDING: PlayerStanding = Object.freeze({ bestByScenario: new Map(), calls: 0, fatalCalls: 0, score: 0 });

/** Adds one call: work proportional to the session's scenario count, never to the room's size. */
export function addCall(standing: PlayerStanding, scenarioId: string, call: CallComposite): PlayerStanding {
  const best = new Map(standing.bestByScenario);
  const before = best.get(scenarioId);
  if (before === undefined || call.composite > before.composite) best.set(scenarioId, call);
  let sum = 0;
  for (const c of best.values()) sum += c.composite;
  return {
    bestByScenario: best,
    calls: standing.calls + 1,
    fatalCalls: standing.fatalCalls + (call.fatal ? 1 : 0),
    score: Math.round((sum / best.size) * 10) / 10,
  };
}
