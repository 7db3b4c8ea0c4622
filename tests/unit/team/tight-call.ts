/**
 * The mini call with a tight handle-time target (80 s instead of 300 s), so its played paths run
 * over target and a class playing it pushes the shared queue under its service level: what team
 * mode's tests need to see the wallboard move.
 */
import { readFileSync } from 'node:fs';
import { checkScenarioText, type ScenarioLibrary } from '../../../src/server/scenario-library.ts';
import { walk } from '../../helpers/walkthrough.ts';
import { claimFrom } from '../../../src/core/classroom/claimed-score.ts';
import type { IssuedTicket, Submission } from '../../../src/shared/classroom-http.ts';
import { MINI_PATH, PLANS, type PlanName } from '../classroom/fixtures.ts';

export const TIGHT_TEXT = readFileSync(MINI_PATH, 'utf8').replace('targets: { ahtSeconds: 300 }', 'targets: { ahtSeconds: 80 }');
const checked = checkScenarioText(TIGHT_TEXT, 'tight-call.yaml');
if (!checked.ok) throw new Error('the tight mini call does not load');
export const tightScenario = checked.scenario;
export const tightDef = checked.scenario.definition;
export const tightLibrary: ScenarioLibrary = { byHash: new Map([[tightDef.hash, tightScenario]]), skipped: [] };

export const playTight = (plan: PlanName) => walk(tightDef, PLANS[plan]);

let counter = 0;
export function tightSubmission(plan: PlanName, ticket: IssuedTicket): Submission {
  const played = playTight(plan);
  return {
    submissionId: `tight-${++counter}-${Date.now().toString(36)}` as Submission['submissionId'],
    ticket: ticket.ticket,
    run: { scenarioId: tightDef.scenario.id, scenarioHash: tightDef.hash, events: [...played.events], seed: ticket.seed },
    claimed: claimFrom(played.scorecard),
  };
}
