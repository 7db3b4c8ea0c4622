import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep, marks } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/billing-double-charge.yaml');
const TARGET = 510;
const GOOD_NOTES =
  'Duplicate DD of £34.99 on 1 Jun (BIL-0601). Refund of 34.99 raised to account ending 6627, 3-5 working days. No bank charges. Complaint logged CMP-20417.';

const greet = 'good morning, pulsefit';
/** He reads his membership number off the app with two digits swapped: the right verdict is fail, then a fair second go. */
const toConfirm: WalkStep[] = [greet, "oh no, i'm sorry, callum", { idv: 'fail' }, 'nothing to worry about', { idv: 'pass' }];
const refundAndClose: WalkStep[] = [
  "i'll refund the £34.99 to the account",
  'check back',
  'resume',
  "it'll show within three to five working days",
  "nearly. i'm logging this",
  'your complaint reference is cmp-20417',
];


describe('billing-double-charge walkthroughs', () => {
  it('best path: fails the misread number fairly, owns the error, finds BIL-7, refunds to the bank, logs the complaint', () => {
    const { scorecard } = walk(def, [
      ...toConfirm,
      "thanks, callum, that's you through",
      'before i sort the refund',
      "i'm glad there are no charges",
      { kb: 'pulsefit-duplicate-dd-refund' },
      ...refundAndClose,
      { wrap: { disposition: 'billing-refund', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('passing him on the swapped membership number is a near-miss: the first disclosure is fatal and the misread field is named', () => {
    const { scorecard, transcript } = walk(def, [
      greet,
      "oh no, i'm sorry, callum",
      { idv: 'pass', misread: ['memberNumber'] },
      "thanks, callum, that's you through",
      'before i sort the refund',
      "i'm glad there are no charges",
      { kb: 'pulsefit-duplicate-dd-refund' },
      ...refundAndClose,
      { wrap: { disposition: 'billing-refund', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.fcr.value).toBe('no');
    expect(transcript.find((turn) => turn.trap?.includes('misread'))?.trap).toMatch(/misread the membership number/i);
  });

  it('confirming the duplicate payments before ID&V is a fatal breach, however well the rest goes', () => {
    const { scorecard } = walk(def, [
      greet,
      "right, i've found a callum reid",
      { idv: 'fail' },
      'nothing to worry about',
      { idv: 'pass' },
      "thanks, callum, that's you through",
      'before i sort the refund',
      "i'm glad there are no charges",
      { kb: 'pulsefit-duplicate-dd-refund' },
      ...refundAndClose,
      { wrap: { disposition: 'billing-refund', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('a refund without logging the complaint misses a critical item and caps QA at 60', () => {
    const { scorecard } = walk(def, [
      ...toConfirm,
      "thanks, callum, that's you through",
      'before i sort the refund',
      "i'm glad there are no charges",
      { kb: 'pulsefit-duplicate-dd-refund' },
      "i'll refund the £34.99 to the account",
      'check back',
      'resume',
      "it'll show within three to five working days",
      'no need to put in a complaint',
      "so, to recap: we took your membership twice on the 1st and i've refunded",
      { wrap: { disposition: 'billing-refund', notes: 'Duplicate DD £34.99 refunded to account ending 6627, 3-5 working days.' } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['complaint-logged']);
    expect(scorecard.qa.raw).toBeGreaterThan(60);
    expect(scorecard.qa.score).toBe(60);
    expect(scorecard.qa.fatal).toEqual([]);
  });

  it('the withdrawn 2024 credit article is a scored mistake, and sticking to it leaves him short until payday', () => {
    const { scorecard } = walk(def, [
      ...toConfirm,
      "thanks, callum, that's you through",
      'before i sort the refund',
      "i'm glad there are no charges",
      { kb: 'pulsefit-billing-errors-credit-2024' },
      "it'll have to be credit",
      { wrap: { disposition: 'account-credit', notes: 'Duplicate £34.99, applied as credit to next collection.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    const m = marks(scorecard);
    expect(m['auto-kb-article']).toBe('missed');
    expect(m['refund-right']).toBe('missed');
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('complaint-logged');
  });

  it('sending him to his bank under the Direct Debit Guarantee leaves it unresolved', () => {
    const { scorecard } = walk(def, [
      ...toConfirm,
      "thanks, callum, that's you through",
      "i'll get that moving right now",
      { kb: 'direct-debit-guarantee' },
      'the bank route is quickest',
      { wrap: { disposition: 'advised-dd-guarantee', notes: 'Duplicate £34.99, advised Direct Debit Guarantee via bank.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('complaint-logged');
    expect(scorecard.qa.score).toBeLessThan(60);
  });

  it('refusing him after one misread number, with no second go, sends him away unrefunded', () => {
    const { scorecard } = walk(def, [
      greet,
      "oh no, i'm sorry, callum",
      { idv: 'fail' },
      "the details you've given me don't match",
      { wrap: { disposition: 'idv-failed', notes: 'ID&V failed on membership number. Reports duplicate DD.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(marks(scorecard)['idv-retry']).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
  });

  it('doubting him and hiding behind "the process" makes him hang up', () => {
    const { scorecard } = walk(def, [
      greet,
      'could it be your bank',
      'email us a screenshot',
      "it's the process for payment disputes",
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up. Reports duplicate DD.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.score).toBeLessThan(50);
  });
});
