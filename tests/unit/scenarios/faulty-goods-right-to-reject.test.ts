import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep, marks } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/faulty-goods-right-to-reject.yaml');
const TARGET = 480;
const GOOD_NOTES =
  'Vessa washer leaking (E21), fault within 30 days of delivery: short-term right to reject (CRA). Full refund £449 to Visa 3318 within 14 days. Free collection Sat 8-12. Ref RTN-88214.';

const toOrder: WalkStep[] = ['brightwell direct customer care', "that's the last thing you need", { idv: 'pass' }];
const toWants: WalkStep[] = [...toOrder, "i've got it, thanks, angela", 'you did right to stop using it'];
const collectAndClose: WalkStep[] = [
  "when's good for you?",
  'check back',
  'resume',
  "i've authorised the refund today",
  'just leave it where it is. to recap',
];


describe('faulty-goods-right-to-reject walkthroughs', () => {
  it('best path: hears the fault, finds the short-term right to reject, free collection and the 14-day refund', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'let me check exactly what applies',
      { kb: 'cra-short-term-right-to-reject' },
      'good news. as the fault showed within 30 days',
      ...collectAndClose,
      { wrap: { disposition: 'faulty-reject-refund', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 120);
  });

  it('the after-30-days article (repair first) is the wrong rule at day 19: compliance lost even after the correction', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'let me check exactly what applies',
      { kb: 'cra-repair-replacement-final-reject' },
      'the first step has to be a repair',
      'let me check that properly',
      { kb: 'cra-short-term-right-to-reject' },
      'i gave you the wrong information',
      ...collectAndClose,
      { wrap: { disposition: 'faulty-reject-refund', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('yes');
    expect(marks(scorecard)['auto-kb-article']).toBe('missed');
    expect(marks(scorecard)['statutory-rights']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(80);
  });

  it('the six-month presumption is a real rule, but offering a repair on it at day 19 is the wrong remedy', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'let me check exactly what applies',
      { kb: 'cra-short-term-right-to-reject' },
      'within six months, the law assumes',
      'repair is the only option now',
      'let me see if my team leader',
      { transfer: 'team-leader' },
      { wrap: { disposition: 'escalated-team-leader', notes: 'Washer leaking, E21. Told repair only; customer says reject within 30 days. Escalated to team leader.' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(marks(scorecard)['right-to-reject']).toBe('missed');
    expect(marks(scorecard)['auto-transfer-handover']).toBe('met');
    expect(scorecard.qa.score).toBeLessThan(80);
  });

  it('the change-of-mind returns article: a £25 fee and an inspection wait, defended as policy, leave it unresolved', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'let me check exactly what applies',
      { kb: 'brightwell-large-item-returns' },
      '£25 collection fee',
      "it's our standard policy",
      { wrap: { disposition: 'faulty-reject-refund', notes: 'Refund agreed less £25 collection fee. Collection booked. Customer unhappy about fee.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(marks(scorecard)['free-collection']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(60);
  });

  it('refusing her request for a manager is a critical fail, even when the team leader takes the call after all', () => {
    const { scorecard } = walk(def, [
      ...toOrder,
      'outside our 14-day returns window',
      'repair is the only option now',
      "there's no need for that, honestly",
      'no, sorry, of course not',
      { transfer: 'team-leader' },
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
      "there's no need for that, honestly",
      "it's not that i'm refusing",
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up after asking for a manager.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('manager-request');
    expect(scorecard.qa.score).toBeLessThan(50);
  });

  it('misreading her spoken email as not matching fails a genuine customer: a service miss, not a breach', () => {
    const { scorecard, transcript } = walk(def, [
      'brightwell direct customer care',
      "that's the last thing you need",
      { idv: 'fail', misread: ['email'] },
      "i'm afraid those details don't match",
      { wrap: { disposition: 'idv-failed', notes: 'ID&V failed on email. Washing machine leaking, not dealt with.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(marks(scorecard)['auto-idv-verdict']).toBe('missed');
    expect(marks(scorecard)['auto-idv-marks']).toBe('missed');
    expect(transcript.some((t) => /misread the email/i.test(t.trap ?? ''))).toBe(true);
  });
});
