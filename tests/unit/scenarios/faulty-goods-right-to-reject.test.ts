import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/faulty-goods-right-to-reject.yaml');
const TARGET = 420;
const GOOD_NOTES =
  'Vessa washer leaking (E21), fault within 30 days: short-term right to reject (CRA). Full refund £449 to Visa 3318 within 14 days. Free collection Sat 8-12. Ref RTN-88214.';

const toOrder = ['good afternoon, brightwell', "oh no, that's the last thing", { idv: 'pass' } as const];
const collectAndClose = [
  "you won't have to move it",
  'check back',
  'resume',
  'thanks for holding, angela',
  'just leave it where it is',
];

describe('faulty-goods-right-to-reject walkthroughs', () => {
  it('best path: hears the fault, checks the guide, offers the right to reject, free collection and refund terms', () => {
    const { scorecard } = walk(def, [
      ...toOrder,
      "i've got it, thanks, angela",
      'that sounds like a proper fault',
      'let me check exactly what applies',
      'continue',
      'good news. because the fault',
      ...collectAndClose,
      { wrap: { disposition: 'faulty-reject-refund', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 60);
  });

  it('quoting the closed 14-day returns window costs the compliance marks even after the correction', () => {
    const { scorecard } = walk(def, [
      ...toOrder,
      "outside our 14-day returns window",
      'let me check that properly',
      'continue',
      "i'm sorry, angela, i gave you the wrong information",
      ...collectAndClose,
      { wrap: { disposition: 'faulty-reject-refund', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('yes');
    const compliance = scorecard.qa.sections.find((s) => s.id === 'compliance');
    expect(compliance?.score).toBe(0);
    expect(scorecard.qa.score).toBeLessThan(80);
    expect(scorecard.csat.stars).toBeLessThanOrEqual(4);
  });

  it('the £25 collection fee and a month-long wait, defended as "standard policy", leave it unresolved', () => {
    const { scorecard } = walk(def, [
      ...toOrder,
      "i've got it, thanks, angela",
      'that sounds like a proper fault',
      'let me check exactly what applies',
      'continue',
      '£25 collection charge',
      "it's our standard policy",
      { wrap: { disposition: 'faulty-reject-refund', notes: 'Refund agreed less £25 collection fee. Collection booked. Customer unhappy about fee.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.score).toBeLessThan(60);
  });

  it('refusing her request for a manager is a critical fail, even when the team leader takes the call after all', () => {
    const { scorecard } = walk(def, [
      ...toOrder,
      'outside our 14-day returns window',
      'repair is the only option now',
      "there's no need, honestly",
      'no, sorry, of course not',
      'continue',
      { wrap: { disposition: 'escalated-team-leader', notes: 'Washer leaking, E21 fault. Customer asked for manager re right to reject within 30 days; escalated to team leader.' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['manager-request']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
  });

  it('refusing the manager twice makes her hang up', () => {
    const { scorecard } = walk(def, [
      ...toOrder,
      'outside our 14-day returns window',
      'repair is the only option now',
      "there's no need, honestly",
      "it's not that i'm refusing",
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up after asking for a manager.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('manager-request');
    expect(scorecard.qa.score).toBeLessThan(50);
  });
});
