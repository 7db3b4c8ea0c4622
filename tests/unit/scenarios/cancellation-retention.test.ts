import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep, marks } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/cancellation-retention.yaml');
const TARGET = 400;

/** She first gives her newer email (.com); the account has the older .co.uk one: fail, then a fair second go. */
const verified: WalkStep[] = [
  "good afternoon, you're through to reelhouse",
  'no problem, i can do that now',
  { idv: 'fail' },
  "that one doesn't match the email",
  { idv: 'pass' },
];
const bestNotes =
  'Cancel request. Reason: price rise to £12.99, kids grown out of it. Offered Standard with Adverts £5.99, declined. Cancelled: access to 13 July, no further payments, no fee. Ref CX-5512078.';


/** From the verified customer: asks why, one offer that fits, takes the no, cancels with the end date, wraps up. */
const bestFromVerified: WalkStep[] = [
  "can i ask what's made you",
  'standard with adverts is £5.99',
  'of course, no problem at all',
  { kb: 'reelhouse-cancel-monthly' },
  "that's it, all cancelled. you won't be charged again",
  'not at all',
  { wrap: { disposition: 'cancelled-on-call', notes: bestNotes } },
];

describe('cancellation-retention walkthroughs', () => {
  it('best path: asks why, one offer that fits, takes the no, cancels with the end date, charges and reference', () => {
    const { scorecard } = walk(def, [
      ...verified,
      ...bestFromVerified,
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 120);
  });

  it('passing her on the .com email is a near-miss: fatal once her billing is discussed, with the misread field named', () => {
    const { scorecard, transcript } = walk(def, [
      "good afternoon, you're through to reelhouse",
      'no problem, i can do that now',
      { idv: 'pass', misread: ['email'] },
      ...bestFromVerified,
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(transcript.find((turn) => turn.trap?.includes('misread'))?.trap).toMatch(/misread the email/i);
  });

  it('the annual-plan article gives the wrong end date: scored as a wrong article even when she pushes back and it is corrected', () => {
    const { scorecard } = walk(def, [
      ...verified,
      "can i ask what's made you",
      'standard with adverts is £5.99',
      'of course, no problem at all',
      { kb: 'reelhouse-cancel-annual' },
      "you're right to check",
      'not at all',
      { wrap: { disposition: 'cancelled-on-call', notes: bestNotes } },
    ]);
    const m = marks(scorecard);
    expect(m['auto-kb-article']).toBe('missed');
    expect(m['end-date']).toBe('partial');
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('hard-selling after a clear no: three pitches and she hangs up', () => {
    const { scorecard } = walk(def, [
      ...verified,
      "can i ask what's made you",
      'new content for teenagers',
      'are you sure',
      'harbour lights starts next week',
      { wrap: { disposition: 'customer-ended-call', notes: 'Wanted to cancel; hung up after repeated offers. Still active.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    const m = marks(scorecard);
    expect(m['respect-no']).toBe('missed');
    expect(m['process-phone']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(80);
  });

  it('"you can\'t cancel over the phone", twice: unresolved, she stops the payment at the bank', () => {
    const { scorecard } = walk(def, [
      'through to member services',
      'have to go through the website',
      'just our process',
      { wrap: { disposition: 'general-enquiry', notes: 'Wanted to cancel; told to go online. Will stop the payment at the bank. Not cancelled.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.score).toBeLessThan(20);
  });

  it('reading her email and address out to "check" them is fatal', () => {
    const { scorecard } = walk(def, [
      "good afternoon, you're through to reelhouse",
      'is that farahsiddiqui88',
      { idv: 'fail' },
      "that one doesn't match the email",
      { idv: 'pass' },
      ...bestFromVerified,
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.fcr.value).toBe('no');
  });

  it('handing her to retentions: a transfer she did not need, even with a true warm handover', () => {
    const { scorecard } = walk(def, [
      "good afternoon, you're through to reelhouse",
      'handled by our retentions team',
      { transfer: 'retentions', mode: 'warm', handover: 'not verified yet' },
      { wrap: { disposition: 'transferred-loyalty', notes: 'Cancel request; transferred to retentions.' } },
    ]);
    expect(scorecard.outcome).toBe('transferred');
    expect(scorecard.fcr.value).toBe('no');
    expect(marks(scorecard)['process-phone']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(50);
  });

  it('a handover that recites her card details is scored as a wrong handover', () => {
    const { scorecard } = walk(def, [
      "good afternoon, you're through to reelhouse",
      'handled by our retentions team',
      { transfer: 'retentions', mode: 'warm', handover: 'visa debit ending 2291' },
      { wrap: { disposition: 'transferred-loyalty', notes: 'Cancel request; transferred to retentions.' } },
    ]);
    expect(marks(scorecard)['auto-transfer-handover']).toBe('missed');
  });

  it('a second, sweeter offer and a wrong end date: cancelled in the end, but QA is red', () => {
    const { scorecard } = walk(def, [
      "good afternoon, you're through to reelhouse",
      'before you go',
      'of course. let me',
      { idv: 'fail' },
      "that one doesn't match the email",
      { idv: 'pass' },
      'three months at half',
      '£3.99',
      "you've been clear",
      { kb: 'reelhouse-cancel-monthly' },
      'stops straight away',
      'sorry, i got that wrong',
      'enjoy the rest of your afternoon',
      { wrap: { disposition: 'cancelled-on-call', notes: 'Cancelled, ref CX-5512078, access to 13 July.' } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(3);
    expect(scorecard.qa.score).toBeLessThan(80);
  });
});
