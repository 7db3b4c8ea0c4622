import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/card-payment-pci.yaml');
const TARGET = 300;
const GOOD_NOTES =
  'Balance £649 paid by secure keypad, card ending 6467. Receipt emailed. Delivery Thu 12 June AM confirmed. Web payment page down.';

const toMethod = ['good morning, loch', 'yes, you can', { idv: 'pass' } as const, 'yes, got it'];
const afterPayment = ["it is. that's the full", 'so, just to recap'];

describe('card-payment-pci walkthroughs', () => {
  it('best path: secure keypad, nothing read back, payment and delivery confirmed', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      "you don't need to read it out",
      'checks the payment screen',
      ...afterPayment,
      { wrap: { disposition: 'payment-taken', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 60);
  });

  it('reading the card number back is a fatal breach', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      'read me the long number',
      'let me just read that back',
      'pauses the call recording',
      'types it in, then resumes',
      ...afterPayment,
      { wrap: { disposition: 'payment-taken', notes: 'Balance £649 paid, card ending 6467. Delivery Thursday.' } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['card-read-back']);
  });

  it('asking for the security code again "to be sure" after the keypad is a fatal breach', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      "you don't need to read it out",
      'read me the security code as well',
      'checks the payment screen',
      ...afterPayment,
      { wrap: { disposition: 'payment-taken', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['card-read-back']);
    expect(scorecard.qa.score).toBe(0);
  });

  it('a careful manual payment is still fatal if the card number goes into the notes', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      'read me the long number',
      'types it straight into the payment screen',
      'pauses the call recording',
      'types it in, then resumes',
      ...afterPayment,
      { wrap: { disposition: 'payment-taken', notes: 'Paid £649 on card 4539 1488 0343 6467 in case finance need to retry. Delivery Thursday.' } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['card-in-notes']);
    expect(scorecard.qa.score).toBe(0);
  });

  it('the same manual payment with clean notes passes, but the keypad would have scored higher', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      'read me the long number',
      'types it straight into the payment screen',
      'pauses the call recording',
      'types it in, then resumes',
      ...afterPayment,
      { wrap: { disposition: 'payment-taken', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeGreaterThanOrEqual(80);
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('a long hold with no check-back: he hangs up', () => {
    const { scorecard } = walk(def, [
      'good morning, loch',
      'look into what\'s going wrong',
      'resume',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer wanted to pay balance; on hold checking website fault, customer hung up.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    const hold = scorecard.qa.sections.find((s) => s.id === 'hold-transfer');
    expect(hold?.items.find((i) => i.id === 'auto-hold-check-back')?.mark).toBe('missed');
  });

  it('suggesting email for card details: he refuses and leaves unpaid', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      'email your card details',
      'loads of our customers do it',
      { wrap: { disposition: 'payment-not-taken', notes: 'Customer declined to email card; not paid.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBeLessThan(80);
    expect(scorecard.qa.fatal).toEqual([]);
  });
});
