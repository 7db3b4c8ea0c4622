import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/billing-double-charge.yaml');
const TARGET = 360;
const GOOD_NOTES =
  'Duplicate DD of £34.99 on 1 Jun (BIL-0601). Refund of 34.99 raised to account ending 6627, 3-5 working days. No bank charges. Complaint logged CMP-20417.';

const greet = 'good morning, pulsefit';
const toConfirm = [greet, "oh no, i'm sorry, callum", { idv: 'pass' } as const];

describe('billing-double-charge walkthroughs', () => {
  it('best path: owns the error, refunds to the bank, logs the complaint, recaps with the reference', () => {
    const { scorecard } = walk(def, [
      ...toConfirm,
      "thanks, callum, that's you through",
      'before i sort the refund',
      "i'm glad there are no charges",
      'check back',
      'resume',
      'banks take three to five working days',
      "nearly. i'm also logging this",
      'your complaint reference is cmp-20417',
      { wrap: { disposition: 'billing-refund', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 60);
  });

  it('confirming the duplicate payments before ID&V is a fatal breach, however well the rest goes', () => {
    const { scorecard } = walk(def, [
      greet,
      "right, i've found a callum reid",
      { idv: 'pass' },
      "thanks, callum, that's you through",
      'before i sort the refund',
      "i'm glad there are no charges",
      'check back',
      'resume',
      'banks take three to five working days',
      "nearly. i'm also logging this",
      'your complaint reference is cmp-20417',
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
      'check back',
      'resume',
      'banks take three to five working days',
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

  it('sending him to his bank under the Direct Debit Guarantee leaves it unresolved', () => {
    const { scorecard } = walk(def, [
      ...toConfirm,
      "thanks, callum, that's you through",
      'claim it back from your bank',
      "honestly, it's quicker through the bank",
      { wrap: { disposition: 'advised-dd-guarantee', notes: 'Duplicate £34.99, advised Direct Debit Guarantee via bank.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('complaint-logged');
    expect(scorecard.qa.score).toBeLessThan(60);
  });

  it('doubting him and hiding behind "the process" makes him hang up', () => {
    const { scorecard } = walk(def, [
      greet,
      'are you sure',
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
