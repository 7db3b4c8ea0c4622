/**
 * Walkthrough plans for tests: play a call by the text of the choices, as a trainer would script it,
 * and get back the scorecard and the transcript from the same core the game uses.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import type { CallDefinition } from '../../src/core/engine/call-definition.ts';
import { CallSession } from '../../src/core/engine/call-session.ts';
import { scoreRun } from '../../src/core/scoring/score.ts';
import type { CallEvent } from '../../src/shared/call-events.ts';
import type { Scorecard } from '../../src/shared/scorecard.ts';
import type { TranscriptTurn } from '../../src/core/scoring/transcript.ts';

export type WalkStep =
  | string
  | { readonly idv: 'pass' | 'fail' }
  | { readonly wrap: { readonly disposition: string; readonly notes: string } };

export interface Walked {
  readonly scorecard: Scorecard;
  readonly transcript: readonly TranscriptTurn[];
  readonly events: readonly CallEvent[];
}

/** Loads a scenario through the full pipeline; throws with the checker's messages if it has errors. */
export function loadScenarioFile(path: string): CallDefinition {
  const { definition, diagnostics } = loadScenario(readFileSync(path, 'utf8'), path);
  if (definition === undefined) throw new Error(`${path} is not a valid scenario:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return definition;
}

function eventFor(session: CallSession, step: WalkStep, position: number): CallEvent {
  const view = session.view();
  const where = `step ${position + 1} (at "${view.nodeId ?? view.phase}")`;
  if (typeof step !== 'string') {
    return 'idv' in step
      ? { type: 'agent.idv', verdict: step.idv }
      : { type: 'wrap.submit', disposition: step.wrap.disposition, notes: step.wrap.notes };
  }
  const word = step.toLowerCase();
  if (word === 'continue') return { type: 'agent.continue' };
  if (word === 'check back') return { type: 'hold.checkBack' };
  if (word === 'resume') return { type: 'hold.resume' };
  const matches = view.choices.filter((choice) => choice.say.toLowerCase().includes(word));
  if (matches.length !== 1) {
    const offered = view.choices.map((c) => `  - ${c.say}`).join('\n');
    throw new Error(`${where}: "${step}" matches ${matches.length} of the choices offered:\n${offered || '  (none: this is not a talk step)'}`);
  }
  return { type: 'agent.choose', index: matches[0]!.index };
}

/** Answers the call, plays `steps` and scores the run; throws if a step doesn't fit or the call isn't over. */
export function walk(def: CallDefinition, steps: readonly WalkStep[]): Walked {
  const session = new CallSession(def);
  session.send({ type: 'call.answer' });
  steps.forEach((step, position) => {
    const event = eventFor(session, step, position);
    if (!session.send(event)) {
      throw new Error(`step ${position + 1} (${JSON.stringify(step)}) was not accepted at "${session.view().nodeId ?? session.view().phase}"`);
    }
  });
  if (!session.over) throw new Error(`the plan ended with the call still at "${session.view().nodeId ?? session.view().phase}"`);
  const scored = scoreRun(def, session.runLog());
  if (!scored.ok) throw new Error(`scoring failed: ${scored.error}`);
  return { scorecard: scored.scorecard, transcript: scored.transcript, events: session.events };
}

/**
 * The library's bar for a call's best path: the intended outcome and FCR verdict, five stars,
 * QA in the green band, and no fatal or critical item.
 */
export function expectBestCall(scorecard: Scorecard, outcome: string, fcr: 'yes' | 'excluded'): void {
  expect(scorecard.outcome).toBe(outcome);
  expect(scorecard.fcr.value).toBe(fcr);
  expect(scorecard.csat.stars).toBe(5);
  expect(scorecard.qa.score).toBeGreaterThanOrEqual(90);
  expect(scorecard.qa.fatal).toEqual([]);
  expect(scorecard.qa.critical).toEqual([]);
}
