import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/cancellation-retention.yaml');
const TARGET = 300;

const verified = ['good afternoon', 'no problem at all', { idv: 'pass' } as const];
const bestNotes =
  'Cancel request. Reason: price rise to £12.99, kids grown out of it. Offered Standard with Adverts £5.99, declined. Cancelled: access to 13 July, no further payments, no fee. Ref CX-5512078.';

describe('cancellation-retention walkthroughs', () => {
  it('best path: asks why, one offer that fits, takes the no, cancels with the end date, charges and reference', () => {
    const { scorecard } = walk(def, [
      ...verified,
      'can i ask what',
      'that makes sense',
      'of course, no problem',
      'continue',
      "that's it, all cancelled",
      'not at all',
      { wrap: { disposition: 'cancelled-on-call', notes: bestNotes } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('hard-selling after a clear no: three pitches and she hangs up', () => {
    const { scorecard } = walk(def, [
      ...verified,
      'can i ask what',
      'new kids',
      'are you sure',
      'harbour lights starts next week',
      { wrap: { disposition: 'customer-ended-call', notes: 'Wanted to cancel; hung up after repeated offers. Still active.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    const marks = Object.fromEntries(scorecard.qa.sections.flatMap((s) => s.items).map((i) => [i.id, i.mark]));
    expect(marks['respect-no']).toBe('missed');
    expect(marks['process-phone']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(80);
  });

  it('"you can\'t cancel over the phone", twice: unresolved, she stops the payment at the bank', () => {
    const { scorecard } = walk(def, [
      'reelhouse, jordan',
      'through the website',
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
      'good afternoon',
      'is that farahsiddiqui88',
      { idv: 'pass' },
      'can i ask what',
      'that makes sense',
      'of course, no problem',
      'continue',
      "that's it, all cancelled",
      'not at all',
      { wrap: { disposition: 'cancelled-on-call', notes: bestNotes } },
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.fcr.value).toBe('no');
  });

  it('a cold transfer to the loyalty team: transferred, and a cold-transfer effort signal', () => {
    const { scorecard } = walk(def, [
      'good afternoon',
      'loyalty team',
      'continue',
      { wrap: { disposition: 'transferred-loyalty', notes: 'Cancel request; transferred to loyalty team.' } },
    ]);
    expect(scorecard.outcome).toBe('transferred');
    expect(scorecard.csat.why).toMatch(/cold transfer/);
    expect(scorecard.qa.score).toBeLessThan(50);
  });

  it('a second, sweeter offer and a wrong end date: cancelled in the end, but QA is red', () => {
    const { scorecard } = walk(def, [
      'good afternoon',
      'before you go',
      'of course. let me',
      { idv: 'pass' },
      'three months at half',
      '£3.99',
      "you've been clear",
      'continue',
      'stops straight away',
      'sorry, i got that wrong',
      'no problem. bye',
      { wrap: { disposition: 'cancelled-on-call', notes: 'Cancelled, ref CX-5512078, access to 13 July.' } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(3);
    expect(scorecard.qa.score).toBeLessThan(80);
  });
});
