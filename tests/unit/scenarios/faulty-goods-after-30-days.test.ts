import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/faulty-goods-after-30-days.yaml');
const TARGET = 570;
const GOOD_NOTES =
  'Altura laptop, same power fault back 2 weeks after repair RPR-40118 failed. Final right to reject (CRA s.24): full refund £649, no deduction (under 6 months), ' +
  'to Mastercard 2207 within 14 days. Free collection Wed 8-12. Ref RTN-61735.';
const WRAP: WalkStep = { wrap: { disposition: 'faulty-final-reject-refund', notes: GOOD_NOTES } };

function mark(scorecard: Scorecard, id: string): string | undefined {
  return scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;
}

const toOrder: WalkStep[] = ['good morning, lumen direct customer care', 'oh no, jordan, the same fault', { idv: 'pass' }];
const toWants: WalkStep[] = [...toOrder, 'tell me what it\'s doing now', 'so it\'s the same fault back again'];
const collectAndClose: WalkStep[] = [
  "you don't need the box or a car",
  'check back',
  'resume',
  'the courier collects it wednesday',
  'nearly. to recap',
];

describe('faulty-goods-after-30-days walkthroughs', () => {
  it('best path: hears the same fault after the repair, checks the guide, offers the refund or a price reduction with no proof and no deduction', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'let me check exactly what applies',
      { kb: 'cra-faulty-goods-after-30-days' },
      "your mate's half right",
      ...collectAndClose,
      WRAP,
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(mark(scorecard, 'remedy-offered')).toBe('met');
    expect(mark(scorecard, 'burden-of-proof')).toBe('met');
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 120);
  });

  it('telling her she must prove the fault at four months is a critical miss, even after the correction', () => {
    const { scorecard, transcript } = walk(def, [
      ...toWants,
      'if you can get an engineer\'s report',
      'you\'re right, and i\'m sorry',
      { kb: 'cra-faulty-goods-after-30-days' },
      'sorry, jordan, i gave you the wrong answer',
      ...collectAndClose,
      WRAP,
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['burden-of-proof']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
    expect(transcript.some((t) => /s\.19\(14\)/.test(t.trap ?? ''))).toBe(true);
  });

  it('asking for proof only after the right article still fails the burden-of-proof item', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'let me check exactly what applies',
      { kb: 'cra-faulty-goods-after-30-days' },
      'you\'d need to show it was faulty when it arrived',
      'you\'re right, and i\'m sorry',
      { kb: 'cra-faulty-goods-after-30-days' },
      'sorry, jordan, i gave you the wrong answer',
      ...collectAndClose,
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('met');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['burden-of-proof']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('offering only a second repair misses the remedy (critical), even when she gets her refund in the end', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'book a second repair, or swap it',
      'let me check that properly for you',
      { kb: 'cra-faulty-goods-after-30-days' },
      'sorry, jordan, i gave you the wrong answer',
      ...collectAndClose,
      WRAP,
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['remedy-offered']);
    expect(mark(scorecard, 'burden-of-proof')).toBe('met');
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
    expect(scorecard.csat.stars).toBeLessThanOrEqual(4);
  });

  it('the first-30-days article leads to "another repair first": a wrong article and a wrong remedy', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'let me check exactly what applies',
      { kb: 'cra-faulty-goods-first-30-days' },
      "that's the process after 30 days",
      'let me check that properly for you',
      { kb: 'cra-faulty-goods-after-30-days' },
      'sorry, jordan, i gave you the wrong answer',
      ...collectAndClose,
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['remedy-offered']);
  });

  it('a deduction for use at five months gets the refund terms wrong', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'let me check exactly what applies',
      { kb: 'cra-faulty-goods-after-30-days' },
      'there\'s a deduction for that use',
      'let me check the deduction properly',
      { kb: 'cra-faulty-goods-after-30-days' },
      'sorry, jordan, i gave you the wrong answer',
      ...collectAndClose,
      WRAP,
    ]);
    expect(mark(scorecard, 'refund-terms')).toBe('missed');
    expect(scorecard.qa.critical).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(90);
  });

  it('insisting on a second repair brings a request for a manager; a warm escalation with an honest handover', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'book a second repair, or swap it',
      'the policy is that it has a second repair first',
      'of course. let me see if my team leader',
      { transfer: 'team-leader' },
      { wrap: { disposition: 'escalated-team-leader', notes: 'Laptop failed again after repair RPR-40118; told second repair needed, customer wants refund, asked for manager: escalated to team leader Helen.' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['remedy-offered']);
    expect(mark(scorecard, 'manager-request')).toBe('met');
    expect(mark(scorecard, 'auto-transfer-team')).toBe('met');
    expect(mark(scorecard, 'auto-transfer-handover')).toBe('met');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(3);
  });

  it('demanding proof twice and refusing the manager makes her hang up', () => {
    const { scorecard } = walk(def, [
      ...toWants,
      'if you can get an engineer\'s report',
      "it's just what we need for faults after the 30 days",
      "there's no need, honestly, jordan",
      "it's not that i'm refusing",
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up: laptop faulty after repair, asked for manager.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(expect.arrayContaining(['burden-of-proof', 'manager-request']));
    expect(scorecard.qa.score).toBeLessThan(60);
  });

  it('sending her to the manufacturer\'s warranty leaves it unresolved', () => {
    const { scorecard } = walk(def, [
      ...toOrder,
      "under altura's two-year warranty",
      'the warranty\'s usually the quickest way',
      { wrap: { disposition: 'referred-manufacturer', notes: 'Laptop fault after repair RPR-40118. Referred to Altura warranty line.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(mark(scorecard, 'statutory-rights')).toBe('missed');
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('remedy-offered');
  });

  it('reading the repair job out before ID&V is a fatal breach, however well the rest goes', () => {
    const { scorecard } = walk(def, [
      'good morning, lumen direct customer care',
      "right, i've got a jordan milburn",
      { idv: 'pass' },
      "tell me what it's doing now",
      "so it's the same fault back again",
      'let me check exactly what applies',
      { kb: 'cra-faulty-goods-after-30-days' },
      "your mate's half right",
      ...collectAndClose,
      WRAP,
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });
});
