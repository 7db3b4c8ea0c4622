import { describe, expect, it } from 'vitest';
import { contactResolution, firstContactResolution } from '../../../src/core/scoring/fcr.ts';
import { initialContext, type CallContext } from '../../../src/core/engine/call-context.ts';
import { handleTimeVerdict } from '../../../src/core/development/call-story.ts';
import { summarisePerformance } from '../../../src/core/scoring/aggregate.ts';
import { loadScenarioFile, walk } from '../../helpers/walkthrough.ts';

const at = (over: Partial<CallContext>): CallContext => ({ ...initialContext(0, 50), ...over });

describe('agent-level and contact-level FCR', () => {
  it.each([
    ['resolved by the agent', { outcome: 'resolved' }, 'yes', 'yes'],
    ['a warm hand-over to the right team', { outcome: 'transferred', routeTeamRight: true }, 'no', 'yes'],
    ['an escalation the customer was entitled to', { outcome: 'escalated', routeTeamRight: true }, 'no', 'yes'],
    ['a transfer to the wrong team', { outcome: 'transferred', routeTeamRight: false }, 'no', 'no'],
    ['a right refusal', { outcome: 'refused' }, 'excluded', 'excluded'],
    ['a follow-up the agent owns', { outcome: 'follow-up' }, 'no', 'no'],
    ['a hang-up', { outcome: 'hung-up' }, 'no', 'no'],
    ['a fatal breach, however it ended', { outcome: 'resolved', breaches: [{ code: 'data-before-idv', at: 10, step: 2 }] }, 'no', 'no'],
  ] as const)('%s: agent %s, contact %s', (_, over, agent, contact) => {
    const fcr = firstContactResolution(at(over as Partial<CallContext>));
    expect(fcr.value).toBe(agent);
    expect(fcr.contact?.value).toBe(contact);
    expect(contactResolution(at(over as Partial<CallContext>)).value).toBe(contact);
  });
});

describe('a call where rushing is the fault has no handle-time target', () => {
  const def = loadScenarioFile('scenarios/vulnerable-bereavement.yaml');

  it('is marked untimed on the scorecard, not judged on handle time, and left out of handle-time figures', () => {
    expect(def.scenario.targets.untimed).toBe(true);
    const card = { ...walk(loadScenarioFile('tests/unit/core/fixtures/mini-call.yaml'), ['what do you want', { wrap: { disposition: 'customer-ended-call', notes: 'x' } }]).scorecard };
    const untimed = { ...card, outcome: 'resolved', aht: { ...card.aht, total: 900, target: 600, targeted: false } };
    const verdict = handleTimeVerdict(untimed);
    expect(verdict.kind).toBe('not-judged');
    expect(verdict.sentence).toMatch(/no handle-time target/);
    const timed = { ...untimed, aht: { ...untimed.aht, total: 300, targeted: true } };
    expect(summarisePerformance([untimed, timed]).ahtAverage).toBe(300);
  });
});
