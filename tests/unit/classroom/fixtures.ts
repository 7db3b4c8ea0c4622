/** Real scorecards from the mini call, played the good way and the bad ways, for classroom tests. */
import { loadScenarioFile, walk, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';
import { kpisOf, type CallKpis } from '../../../src/core/classroom/call-kpis.ts';

export const MINI_PATH = 'tests/unit/core/fixtures/mini-call.yaml';
export const miniDef = loadScenarioFile(MINI_PATH);

const GREET = 'Good morning';
const NOTES = 'Refund of duplicate issued, complaint logged, reference C-1001.';
export const PLANS = Object.freeze({
  best: [GREET, { idv: 'pass' }, "I'll log this", "So that's", { wrap: { disposition: 'billing-refund', notes: NOTES } }],
  sloppyClose: [GREET, { idv: 'pass' }, "I'll log this", 'Bye then', { wrap: { disposition: 'general', notes: '' } }],
  fatal: ['your balance', { idv: 'pass' }, "I'll log this", "So that's", { wrap: { disposition: 'billing-refund', notes: NOTES } }],
  hungUp: ['what do you want', { wrap: { disposition: 'customer-ended-call', notes: 'Caller hung up.' } }],
  refused: [GREET, { idv: 'fail' }, "I can't discuss", { wrap: { disposition: 'idv-failed', notes: 'Failed ID&V, pointed to app.' } }],
} satisfies Record<string, WalkStep[]>);
export type PlanName = keyof typeof PLANS;

export function play(plan: PlanName) {
  return walk(miniDef, PLANS[plan]);
}

export function card(plan: PlanName): Scorecard {
  return play(plan).scorecard;
}

/** The slim figures the classroom keeps of a played call. */
export function kpis(plan: PlanName): CallKpis {
  return kpisOf(card(plan));
}
