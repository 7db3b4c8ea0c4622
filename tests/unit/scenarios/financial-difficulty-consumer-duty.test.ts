import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/financial-difficulty-consumer-duty.yaml');
const GOOD_NOTES =
  'Hours cut to 22 after back injury, cannot afford £96 min due 5 Dec. Budget: about £40 spare, some months nil. ' +
  '30-day breathing space from today, interest and charges frozen. Signposted StepChange, National Debtline, Citizens Advice, MoneyHelper (texted). ' +
  'With his consent noted back injury and hours only (not medication). Call back 30 Dec to agree affordable plan. Ref FD-66120.';
const WRAP: WalkStep = { wrap: { disposition: 'fd-breathing-space', notes: GOOD_NOTES } };

function mark(scorecard: Scorecard, id: string): string | undefined {
  return scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;
}

const toAccount: WalkStep[] = ["you're speaking to jo", "thank you for ringing us before it's due", { idv: 'pass' }];
const toBudget: WalkStep[] = [
  ...toAccount,
  "i can see you've never missed a payment",
  "please don't apologise",
  { kb: 'northstar-financial-difficulty' },
  "roughly what's coming in each month",
];
const fromConsent: WalkStep[] = ['would you like me to note any of that', "with dean's agreement", 'nothing due on the 5th'];

describe('financial-difficulty-consumer-duty walkthroughs', () => {
  it('best path: hears the signs, budget first, breathing space and interest freeze, free debt advice, records only what he agrees to', () => {
    const { scorecard } = walk(def, [...toBudget, "the £96 isn't affordable right now", "ours is northstar's own 30 days", ...fromConsent, WRAP]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(mark(scorecard, 'signposted')).toBe('met');
    expect(mark(scorecard, 'consent-recorded')).toBe('met');
    expect(def.scenario.targets.untimed).toBe(true);
  });

  it('noting his medication and mental health without asking is a critical miss (capped at 60), not a fatal breach', () => {
    const { scorecard, transcript } = walk(def, [
      ...toAccount,
      "i can see you've never missed a payment",
      "i've put a note on your account about your back and your nerves",
      'i should have asked you first',
      { kb: 'northstar-financial-difficulty' },
      "roughly what's coming in each month",
      "the £96 isn't affordable right now",
      "ours is northstar's own 30 days",
      ...fromConsent,
      WRAP,
    ]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['consent-recorded']);
    expect(scorecard.qa.raw).toBeGreaterThan(60);
    expect(scorecard.qa.score).toBe(60);
    const feedback = transcript.find((t) => t.text.includes('your back and your nerves'))?.trap ?? '';
    expect(feedback).toMatch(/special category/i);
    expect(feedback).toMatch(/not a fatal/i);
  });

  it('recording the tablets after he asked to leave them off is recording without consent (critical)', () => {
    const { scorecard } = walk(def, [
      ...toBudget,
      "the £96 isn't affordable right now",
      "ours is northstar's own 30 days",
      'would you like me to note any of that',
      'anxiety, on medication',
      'nothing due on the 5th',
      WRAP,
    ]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['consent-recorded']);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('pushing a £60 plan on a £40 surplus misses the critical affordability item, even after backing down', () => {
    const { scorecard } = walk(def, [
      ...toBudget,
      'if we set the plan at £60',
      "i shouldn't have said that",
      "ours is northstar's own 30 days",
      ...fromConsent,
      WRAP,
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['affordable-plan']);
    expect(mark(scorecard, 'forbearance')).toBe('partial');
    expect(scorecard.qa.score).toBe(60);
  });

  it('setting up the unaffordable plan he said yes to leaves the call unresolved, with no FCR', () => {
    const { scorecard } = walk(def, [
      ...toBudget,
      'if we set the plan at £60',
      "that's set up for £60 a month",
      { wrap: { disposition: 'payment-arrangement', notes: 'Hours cut. Plan £60/month from 5 Dec.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('affordable-plan');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
  });

  it('a £40 plan that takes every penny he has left is a partial, not a critical miss', () => {
    const { scorecard } = walk(def, [...toBudget, 'set up a £40 plan today', "ours is northstar's own 30 days", ...fromConsent, WRAP]);
    expect(scorecard.qa.critical).toEqual([]);
    expect(mark(scorecard, 'affordable-plan')).toBe('partial');
    expect(scorecard.qa.score).toBeLessThan(100);
    expect(scorecard.qa.score).toBeGreaterThan(80);
  });

  it('reading out the balance before security is a fatal breach', () => {
    const { scorecard } = walk(def, [
      "you're speaking to jo",
      "i've got you up from your number",
      { idv: 'pass' },
      "i can see you've never missed a payment",
      "please don't apologise",
      { kb: 'northstar-financial-difficulty' },
      "roughly what's coming in each month",
      "the £96 isn't affordable right now",
      "ours is northstar's own 30 days",
      ...fromConsent,
      WRAP,
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.fcr.value).toBe('no');
  });

  it('pointing him to fee-charging debt firms instead of free advice misses the signposting', () => {
    const { scorecard } = walk(def, [...toBudget, "the £96 isn't affordable right now", 'telly adverts', ...fromConsent, WRAP]);
    expect(mark(scorecard, 'signposted')).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(95);
  });

  it('promising the legal Breathing Space ourselves is wrong on both the signposting and the support', () => {
    const { scorecard } = walk(def, [...toBudget, "the £96 isn't affordable right now", "i'll put you into the government breathing space", ...fromConsent, WRAP]);
    expect(mark(scorecard, 'signposted')).toBe('missed');
    expect(mark(scorecard, 'forbearance')).toBe('missed');
  });

  it('answering from the withdrawn 2022 collections guide sends him away to miss a payment first', () => {
    const { scorecard } = walk(def, [
      ...toAccount,
      "i can see you've never missed a payment",
      "please don't apologise",
      { kb: 'northstar-missed-payments-2022' },
      'pay the minimum on the 5th',
      { wrap: { disposition: 'general-enquiry', notes: 'Hours cut, cannot pay min. Advised to pay min.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('affordable-plan');
  });

  it('suggesting he borrow, then a balance transfer, makes him hang up', () => {
    const { scorecard } = walk(def, [
      "you're speaking to jo",
      'anyone who could lend you',
      '0% balance transfer',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up. Hours cut, cannot pay minimum.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('affordable-plan');
  });

  it('a warm transfer to the specialist team is kind but not first-contact resolution; collections is the wrong team', () => {
    const disclosed: WalkStep[] = [...toAccount, "i can see you've never missed a payment", 'specialist team who support customers'];
    const right = walk(def, [...disclosed, { transfer: 'customer-support' }, { wrap: { disposition: 'transferred-support', notes: 'Hours cut, cannot pay min. Warm transfer to customer support (Priya).' } }]);
    expect(right.scorecard.outcome).toBe('transferred');
    expect(right.scorecard.fcr.value).toBe('no');
    expect(mark(right.scorecard, 'auto-transfer-handover')).toBe('met');
    expect(right.scorecard.qa.score).toBeLessThan(80);
    const wrong = walk(def, [...disclosed, { transfer: 'collections', handover: 'a bit behind' }, { wrap: { disposition: 'transferred-other', notes: 'Hours cut. Transferred.' } }]);
    expect(mark(wrong.scorecard, 'auto-transfer-team')).toBe('missed');
    expect(wrong.scorecard.endingSummary).toMatch(/collections/);
  });
});
