import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/payment-complaint-15-days.yaml');
const TARGET = 750;
const GOOD_NOTES =
  'Payment £1,850 to Calthorpe held 10-13 Mar by fraud screening; not told why or how to release it: SMS went to old mobile (branch change Jan not actioned), told "processing" on 11 Mar call. £75 late fee recorded as a charge caused by the hold. Mobile updated to 07700 900641, approved in app. Complaint CMP-3318472 logged; final response within 15 business days (by 4 April) and FOS explained.';

const mark = (card: Scorecard, id: string) => card.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;

const greet = "kingfisher bank, you're speaking to sam";
// He first reads the last four digits off his savings card (4417 for 4471): failing him is right.
const verified: WalkStep[] = [greet, "i'll find out exactly what happened", { idv: 'fail' }, "one of those doesn't match our record", { idv: 'pass' }];
const heard: WalkStep[] = [...verified, 'before i start digging', 'that sounds really stressful', { kb: 'faster-payments-fraud-holds' }, 'i can see what went wrong'];
const fixNumber: WalkStep[] = ["let's fix that mobile number", "i've sent a confirmation to your banking app", "that's it, all updated"];
const wrapLogged: WalkStep = { wrap: { disposition: 'complaint-logged', notes: GOOD_NOTES } };

describe('payment-complaint-15-days walkthroughs', () => {
  it('best path: logs the complaint he says he is not making, records the £75, names 15 business days and the ombudsman', () => {
    const { scorecard, transcript } = walk(def, [
      ...heard,
      "it isn't about being that sort of person",
      ...fixNumber,
      "we're responsible for charges the delay causes",
      { kb: 'payment-services-complaints' },
      'within 15 business days, by friday',
      'covers the hold, the missed text',
      wrapLogged,
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(transcript.some((t) => t.speaker === 'agent' && t.text.includes('15 business days'))).toBe(true);
    expect(transcript.some((t) => t.speaker === 'agent' && /eight weeks|8 weeks/.test(t.text))).toBe(false);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('using the 8-week article for a payment complaint: the wrong deadline is a critical miss', () => {
    const { scorecard } = walk(def, [
      ...heard,
      "it isn't about being that sort of person",
      ...fixNumber,
      "we're responsible for charges the delay causes",
      { kb: 'complaints-8-weeks-final-response' },
      'final response within eight weeks',
      'covers the hold, the missed text',
      wrapLogged,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['psd-timescale']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('calling the £75 goodwill is the old rule: the fee item is missed', () => {
    const { scorecard } = walk(def, [
      ...heard,
      "it isn't about being that sort of person",
      ...fixNumber,
      'any refund would be a goodwill gesture',
      { kb: 'payment-services-complaints' },
      'within 15 business days, by friday',
      'covers the hold, the missed text',
      wrapLogged,
    ]);
    expect(mark(scorecard, 'fee-recorded')).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('taking him at his word ("not a complaint"): no complaint logged is neither resolved nor FCR', () => {
    const { scorecard } = walk(def, [
      ...heard,
      "we don't need to make it anything formal",
      ...fixNumber,
      'you\'d need to write in to us',
      "that's everything from my side",
      { wrap: { disposition: 'payment-query', notes: 'Payment £1,850 held 10-13 Mar. Mobile updated. Customer advised to write in re £75 fee.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('complaint-logged');
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('passing the savings-card digits is fatal once the payment is mentioned, and names the misread field', () => {
    const { scorecard, transcript } = walk(def, [
      greet,
      "i'll find out exactly what happened",
      { idv: 'pass', misread: ['accountEnding'] },
      'held by our fraud screening until thursday',
      'let me take you through security again',
      { idv: 'pass' },
      'before i start digging',
      'that sounds really stressful',
      { kb: 'faster-payments-fraud-holds' },
      'i can see what went wrong',
      "it isn't about being that sort of person",
      ...fixNumber,
      "we're responsible for charges the delay causes",
      { kb: 'payment-services-complaints' },
      'within 15 business days, by friday',
      'covers the hold, the missed text',
      wrapLogged,
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.qa.score).toBe(0);
    expect(transcript.some((t) => t.trap?.includes('current account (last 4)') === true)).toBe(true);
  });

  it('defending the fraud checks ends in a manager request; no team leader free, so a named, timed call back', () => {
    const { scorecard } = walk(def, [
      ...verified,
      'these checks are there to protect you',
      'the checks are a regulatory requirement',
      'let me see whether my team leader is free',
      { transfer: 'team-leader' },
      'can she call you by four today',
      'continue',
      { wrap: { disposition: 'escalated-team-leader', notes: 'Complaint re held payment £1,850 and £75 late fee. Asked for manager; TL Priya Sandhu to call back by 4pm today.' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(scorecard.qa.critical).toEqual([]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.band).toBe('red');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
  });

  it('"calm down", then refusing a manager, and he hangs up', () => {
    const { scorecard } = walk(def, [
      ...verified,
      'before i start digging',
      'please try to stay calm',
      "i only meant there's no need to get upset",
      'my manager will only tell you the same',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up. Held payment complaint.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(expect.arrayContaining(['manager-request', 'complaint-logged']));
  });
});
