/**
 * A trainee's standing, kept up to date one call at a time: the best composite on each of the
 * session's scenarios counts, and the score is their sum over the session's scenarios, so a call not
 * yet played counts 0 (and is shown as not yet played). Replaying a call to do it better helps;
 * rushing through more calls does not; one easy call done well cannot top the board on its own.
 */
import type { CallComposite } from '../../shared/classroom-results.ts';

export interface PlayerStanding {
  readonly bestByScenario: ReadonlyMap<string, CallComposite>;
  readonly calls: number;
  readonly fatalCalls: number;
  /** Sum of the best composite per scenario over the session's scenario count, 0-100; 0 before any call. */
  readonly score: number;
}

export const EMPTY_STANDING: PlayerStanding = Object.freeze({ bestByScenario: new Map(), calls: 0, fatalCalls: 0, score: 0 });

/** Adds one call: work proportional to the session's scenario count, never to the room's size. */
export function addCall(standing: PlayerStanding, scenarioKey: string, call: CallComposite, sessionScenarios = 1): PlayerStanding {
  const best = new Map(standing.bestByScenario);
  const before = best.get(scenarioKey);
  if (before === undefined || call.composite > before.composite) best.set(scenarioKey, call);
  let sum = 0;
  for (const c of best.values()) sum += c.composite;
  return {
    bestByScenario: best,
    calls: standing.calls + 1,
    fatalCalls: standing.fatalCalls + (call.fatal ? 1 : 0),
    score: Math.round((sum / Math.max(sessionScenarios, best.size)) * 10) / 10,
  };
}
