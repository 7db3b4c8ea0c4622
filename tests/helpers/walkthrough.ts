/**
 * Walkthrough plans for tests: play a call by the text of the choices, as a trainer would script it,
 * and get back the scorecard and the transcript from the same core the game uses.
 *
 * Steps: a string (matches one offered choice's text, case-insensitive), 'continue', 'check back',
 * 'resume'; `{ idv: 'pass'|'fail', ask?, misread? }` asks the questions (default: the policy's),
 * marks each answer truly except those in `misread`, and gives the verdict; `{ kb: 'article-id',
 * search? }` searches (default: the task's words), opens the article and uses it; `{ transfer:
 * 'team-id', mode?, handover? }` picks a team, warm (default) or cold, and the handover whose text
 * contains `handover` (default: the right one); `{ wrap: { disposition, notes } }`.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import type { CallDefinition } from '../../src/core/engine/call-definition.ts';
import { CallSession } from '../../src/core/engine/call-session.ts';
import { answerMatches } from '../../src/core/engine/idv-check.ts';
import { scoreRun } from '../../src/core/scoring/score.ts';
import type { CallEvent } from '../../src/shared/call-events.ts';
import type { Scorecard } from '../../src/shared/scorecard.ts';
import type { TranscriptTurn } from '../../src/core/scoring/transcript.ts';
import { sharedLibrary } from '../../src/server/knowledge-files.ts';

export type WalkStep =
  | string
  | { readonly idv: 'pass' | 'fail'; readonly ask?: readonly string[]; readonly misread?: readonly string[] }
  | { readonly kb: string; readonly search?: string }
  | { readonly transfer: string; readonly mode?: 'warm' | 'cold'; readonly handover?: string }
  | { readonly wrap: { readonly disposition: string; readonly notes: string } };

export interface Walked {
  readonly scorecard: Scorecard;
  readonly transcript: readonly TranscriptTurn[];
  readonly events: readonly CallEvent[];
}

/** Loads a scenario through the full pipeline, with the shared knowledge base; throws with the checker's messages if it has errors. */
export function loadScenarioFile(path: string): CallDefinition {
  const { definition, diagnostics } = loadScenario(readFileSync(path, 'utf8'), path, sharedLibrary());
  if (definition === undefined) throw new Error(`${path} is not a valid scenario:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return definition;
}

/** The events one walkthrough step stands for, worked out from what the call shows now. */
function eventsFor(session: CallSession, step: WalkStep, position: number): CallEvent[] {
  const view = session.view();
  const where = `step ${position + 1} (at "${view.nodeId ?? view.phase}")`;
  const def = session.definition;
  if (typeof step === 'string') {
    const word = step.toLowerCase();
    if (word === 'continue') return [{ type: 'agent.continue' }];
    if (word === 'check back') return [{ type: 'hold.checkBack' }];
    if (word === 'resume') return [{ type: 'hold.resume' }];
    const matches = view.choices.filter((choice) => choice.say.toLowerCase().includes(word));
    if (matches.length !== 1) {
      const offered = view.choices.map((c) => `  - ${c.say}`).join('\n');
      throw new Error(`${where}: "${step}" matches ${matches.length} of the choices offered:\n${offered || '  (none: this is not a talk step)'}`);
    }
    return [{ type: 'agent.choose', index: matches[0]!.index }];
  }
  if ('idv' in step) {
    const node = def.scenario.nodes[view.nodeId ?? ''];
    if (node?.type !== 'idv') throw new Error(`${where}: an ID&V step was planned, but this is not an ID&V step`);
    // By default, the policy's questions not already answered rightly earlier in the call.
    const ask = step.ask ?? (def.scenario.idv?.ask ?? []).filter((key) => !session.snapshot.context.idvEverAsked.includes(key));
    const marks = Object.fromEntries(
      ask.map((key) => {
        const truly = answerMatches(def.scenario, key, node.answers[key]);
        const marked = step.misread?.includes(key) === true ? !truly : truly;
        return [key, marked ? 'match' : 'mismatch'] as const;
      }),
    );
    return [...ask.map((key): CallEvent => ({ type: 'idv.ask', key })), { type: 'agent.idv', verdict: step.idv, marks }];
  }
  if ('kb' in step) {
    const task = view.knowledge?.task;
    if (task === undefined) throw new Error(`${where}: a look-up was planned, but this is not a look-up step`);
    return [
      { type: 'kb.search', query: (step.search ?? task).slice(0, 80) },
      { type: 'kb.open', article: step.kb },
      { type: 'kb.use', article: step.kb },
    ];
  }
  if ('transfer' in step) {
    const node = def.scenario.nodes[view.nodeId ?? ''];
    if (node?.type !== 'transfer' && node?.type !== 'escalate') throw new Error(`${where}: a transfer was planned, but this is not a transfer or escalation step`);
    const mode = step.mode ?? 'warm';
    const handovers = node.handover ?? [];
    let handover: number | null = null;
    if (mode === 'warm' && handovers.length > 0) {
      handover = step.handover === undefined
        ? handovers.findIndex((h) => h.right === true)
        : handovers.findIndex((h) => h.say.toLowerCase().includes(step.handover!.toLowerCase()));
      if (handover < 0) throw new Error(`${where}: no handover matches "${step.handover}"`);
    }
    return [{ type: 'agent.transfer', team: step.transfer, mode, handover }];
  }
  return [{ type: 'wrap.submit', disposition: step.wrap.disposition, notes: step.wrap.notes }];
}

/** Answers the call, plays `steps` and scores the run; throws if a step doesn't fit or the call isn't over. */
export function walk(def: CallDefinition, steps: readonly WalkStep[], seed = 1): Walked {
  const session = new CallSession(def, seed);
  session.send({ type: 'call.answer' });
  steps.forEach((step, position) => {
    for (const event of eventsFor(session, step, position)) {
      if (!session.send(event)) {
        throw new Error(`step ${position + 1} (${JSON.stringify(step)}): ${JSON.stringify(event)} was not accepted at "${session.view().nodeId ?? session.view().phase}"`);
      }
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

/** Each QA item's mark on a scorecard, by item id: what the walkthroughs assert on. */
export function marks(scorecard: Scorecard): Record<string, string> {
  return Object.fromEntries(scorecard.qa.sections.flatMap((s) => s.items).map((i) => [i.id, i.mark]));
}
