import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/third-party-spouse.yaml');
const TARGET = 450;
const GOOD_NOTES =
  "Husband Gary Mottram called re wife Beverley's bill. No authorised contacts: refused, nothing disclosed. Explained verbal authority with her present or authorised contact in app/writing. Will ring back together tonight.";
const WRAP: WalkStep = { wrap: { disposition: 'third-party-refused', notes: GOOD_NOTES } };

function mark(scorecard: Scorecard, id: string): string | undefined {
  return scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;
}

const toAccount = ['good afternoon, vireo mobile, you', 'is the account in your name', "can i take beverley's mobile number"];
const toRule: WalkStep[] = [...toAccount, 'bear with me a moment', { kb: 'third-party-no-authority' }];
const theRest = ["i can't make changes either", 'anyone can pay towards an account', 'if you ring together'];

describe('third-party-spouse walkthroughs', () => {
  it('best path: finds out who is calling, checks authority and the rule, refuses warmly, explains both routes, helps in general', () => {
    const { scorecard } = walk(def, [
      ...toRule,
      'not even the amount',
      'knowing her details',
      'in general, using your phone abroad',
      ...theRest,
      WRAP,
    ]);
    expectBestCall(scorecard, 'refused', 'excluded');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
  });

  it('ID&V near-miss: passing him on a PIN one digit out (2717 for 2711) is fatal, and the PIN is named', () => {
    const { scorecard, transcript } = walk(def, [
      'good afternoon, vireo mobile, you',
      "i'll just take you through security first",
      { idv: 'pass', misread: ['pin'] },
      "thanks, gary, that's all fine",
      '[moves on]',
      ...theRest,
      WRAP,
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
    expect(scorecard.qa.score).toBe(0);
    expect(mark(scorecard, 'auto-idv-verdict')).toBe('missed');
    expect(mark(scorecard, 'auto-idv-marks')).toBe('missed');
    const idvFeedback = transcript.map((t) => t.trap ?? '').find((t) => t.includes('misread')) ?? '';
    expect(idvFeedback).toMatch(/account pin/i);
  });

  it('failing him on security is right, but running it at all still costs the ID&V marks', () => {
    const { scorecard } = walk(def, [
      'good afternoon, vireo mobile, you',
      "i'll just take you through security first",
      { idv: 'fail' },
      'i do believe you, gary',
      'in general, using your phone abroad',
      ...theRest,
      WRAP,
    ]);
    expect(scorecard.outcome).toBe('refused');
    expect(scorecard.fcr.value).toBe('excluded');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(mark(scorecard, 'auto-idv-verdict')).toBe('met');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['identify-caller']);
    expect(scorecard.qa.score).toBe(60);
  });

  it('"just the basics" for her husband is a fatal third-party disclosure', () => {
    const { scorecard } = walk(def, [...toAccount, 'i can give you the basics', '[moves on]', ...theRest, WRAP]);
    expect(scorecard.outcome).toBe('refused');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
  });

  it('acting on the joint-holders article (a joint bank account is not a joint holder) leads to a disclosure', () => {
    const { scorecard } = walk(def, [
      ...toAccount,
      'bear with me a moment',
      { kb: 'vireo-joint-accounts' },
      'you count as a joint holder',
      '[moves on]',
      ...theRest,
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
  });

  it('confirming the amount he suggests is a disclosure', () => {
    const { scorecard } = walk(def, [...toRule, 'i can confirm the bill is £87.40', '[moves on]', ...theRest, WRAP]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
  });

  it('a hint ("between you and me, Tenerife would explain it") is still a disclosure', () => {
    const { scorecard } = walk(def, [...toRule, 'not even the amount', 'knowing her details', 'between you and me', ...theRest, WRAP]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
    expect(scorecard.qa.score).toBe(0);
  });

  it('offering to take "the full £87.40" as a payment tells him the bill', () => {
    const { scorecard } = walk(def, [
      ...toRule,
      'not even the amount',
      'knowing her details',
      'in general, using your phone abroad',
      "i can't make changes either",
      'shall i take the full',
      'if you ring together',
      WRAP,
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
  });

  it('adding a spend cap for him is a fatal unauthorised change, though he leaves delighted', () => {
    const { scorecard } = walk(def, [
      ...toRule,
      'not even the amount',
      'knowing her details',
      'in general, using your phone abroad',
      'thirty-pound spend cap',
      'is there anything else',
      { wrap: { disposition: 'account-change', notes: "Spend cap £30 added at husband Gary's request." } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['unauthorised-change']);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.csat.stars).toBeGreaterThanOrEqual(4);
  });

  it('a curt, repeated refusal with no way forward makes him hang up', () => {
    const { scorecard } = walk(def, [
      ...toAccount,
      'due to data protection',
      'the rules are the rules',
      "as i've said",
      { wrap: { disposition: 'customer-ended-call', notes: 'Husband of account holder, no authority. Hung up.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(50);
  });
});
