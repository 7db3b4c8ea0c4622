import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/card-payment-pci.yaml');
const TARGET = 450;
const GOOD_NOTES =
  'Balance £649 paid by secure keypad, card ending 6467. Receipt emailed. Delivery Thu 12 June AM confirmed. Web payment page down.';

const mark = (card: Scorecard, id: string) => card.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;

// The caller first gives the order number with two digits swapped (LL-208871): failing him is right.
const toMethod: WalkStep[] = [
  "furniture, you're speaking to sam",
  "yes, you can, and i'm sorry",
  { idv: 'fail' },
  'rather than from memory',
  { idv: 'pass' },
  'with £649 left to pay',
  { kb: 'pci-card-payments-by-phone' },
];
const afterPayment: WalkStep[] = ['between 7 and 12', 'receipt on its way by email'];
const wrap: WalkStep = { wrap: { disposition: 'payment-taken', notes: GOOD_NOTES } };

describe('card-payment-pci walkthroughs', () => {
  it('best path: fails the near miss, re-asks, secure keypad, nothing read back, payment and delivery confirmed', () => {
    const { scorecard } = walk(def, [...toMethod, 'secure keypad: you type', '£649.00 authorised', ...afterPayment, wrap]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('passing the swapped order number is fatal once the order is read out, and names the misread field', () => {
    const { scorecard, transcript } = walk(def, [
      "furniture, you're speaking to sam",
      "yes, you can, and i'm sorry",
      { idv: 'pass', misread: ['orderNumber'] },
      'with £649 left to pay',
      'take you through security again',
      { idv: 'pass' },
      'with £649 left to pay',
      { kb: 'pci-card-payments-by-phone' },
      'secure keypad: you type',
      '£649.00 authorised',
      ...afterPayment,
      wrap,
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.qa.score).toBe(0);
    expect(transcript.some((t) => t.trap?.includes('order number') === true)).toBe(true);
  });

  it('a security code said while the recording runs is fatal (PCI DSS 3.3.1), even after the keypad', () => {
    const { scorecard } = walk(def, [...toMethod, 'secure keypad: you type', 'three numbers on the back as well', 'checks the payment screen', ...afterPayment, wrap]);
    expect(scorecard.qa.fatal.length).toBeGreaterThan(0);
    expect(scorecard.qa.score).toBe(0);
    expect(mark(scorecard, 'card-off-recording')).toBe('missed');
    expect(scorecard.fcr.value).toBe('no');
  });

  it('pausing only before the code (the old procedure) is fatal: the card number is already on the recording', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      "then i'll pause the recording before",
      'types it straight into the payment screen without repeating',
      'pauses the call recording',
      'types it in, then resumes',
      ...afterPayment,
      wrap,
    ]);
    expect(scorecard.qa.fatal.length).toBeGreaterThan(0);
    expect(scorecard.qa.score).toBe(0);
    expect(mark(scorecard, 'card-off-recording')).toBe('missed');
  });

  it('a code asked for again while the recording is paused is a minor item, not a breach', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      "i've paused the call recording now",
      'types it straight into the payment screen without repeating',
      'security code on the back, please',
      'say the code once more',
      'types it in, then resumes',
      ...afterPayment,
      wrap,
    ]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical).toEqual([]);
    expect(mark(scorecard, 'details-once')).toBe('partial');
    expect(mark(scorecard, 'card-off-recording')).toBe('met');
    expect(scorecard.qa.score).toBeGreaterThanOrEqual(80);
    expect(scorecard.qa.score).toBeLessThan(100);
    expect(scorecard.fcr.value).toBe('yes');
  });

  it('resuming the recording before the code is taken is fatal', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      "i've paused the call recording now",
      'types it straight into the payment screen without repeating',
      "that's the recording back on. and the three-digit",
      "[types it in] thanks, kyle. that's gone through: £649 on the card ending 6467.",
      ...afterPayment,
      wrap,
    ]);
    expect(scorecard.qa.fatal.length).toBeGreaterThan(0);
    expect(scorecard.qa.score).toBe(0);
  });

  it('a careful manual payment is still fatal if the card number goes into the notes', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      "i've paused the call recording now",
      'types it straight into the payment screen without repeating',
      'security code on the back, please',
      'types it in, then resumes',
      ...afterPayment,
      { wrap: { disposition: 'payment-taken', notes: 'Paid £649 on card 4539 1488 0343 6467 in case finance need to retry. Delivery Thursday.' } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['card-in-notes']);
  });

  it('a long hold with no check-back: he hangs up', () => {
    const { scorecard } = walk(def, [
      "furniture, you're speaking to sam",
      'check what\'s going wrong with the website',
      'resume',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer wanted to pay balance; on hold checking website fault, customer hung up.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(mark(scorecard, 'auto-hold-check-back')).toBe('missed');
  });

  it('suggesting email for card details: he refuses and leaves unpaid', () => {
    const { scorecard } = walk(def, [
      ...toMethod,
      'email your card details over',
      'loads of our customers pay that way',
      { wrap: { disposition: 'payment-not-taken', notes: 'Customer declined to email card; not paid.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBeLessThan(80);
    expect(scorecard.qa.fatal).toEqual([]);
  });
});
