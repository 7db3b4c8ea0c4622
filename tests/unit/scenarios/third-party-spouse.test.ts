import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/third-party-spouse.yaml');
const TARGET = 360;
const GOOD_NOTES =
  'Husband Gary Mottram called re wife Beverley\'s bill. No authorised contacts: refused, nothing disclosed. Explained verbal authority with her present or authorised contact in app/writing. Will ring back together tonight.';

const toAccount = ['good afternoon, vireo', "oh, that's a shock for her", "can i take beverley's mobile number"];
const theRest = ["i can't make changes either", 'you can, yes: anyone can pay', 'that sounds sensible'];

describe('third-party-spouse walkthroughs', () => {
  it('best path: finds out who is calling, checks authority, refuses warmly, explains both routes, helps in general', () => {
    const { scorecard } = walk(def, [
      ...toAccount,
      "i've found it, but you're not listed",
      "i know, and i can hear you're only trying to help",
      "i can't say anything about beverley's bill",
      ...theRest,
      { wrap: { disposition: 'third-party-refused', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'refused', 'excluded');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 60);
  });

  it('"just the basics" for her husband is a fatal third-party disclosure', () => {
    const { scorecard } = walk(def, [
      ...toAccount,
      'i can give you the basics',
      '[moves on]',
      ...theRest,
      { wrap: { disposition: 'third-party-refused', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('refused');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
  });

  it('a hint ("between you and me, Tenerife would explain it") is still a disclosure', () => {
    const { scorecard } = walk(def, [
      ...toAccount,
      "i've found it, but you're not listed",
      "i know, and i can hear you're only trying to help",
      'between you and me',
      ...theRest,
      { wrap: { disposition: 'third-party-refused', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
    expect(scorecard.qa.score).toBe(0);
  });

  it('adding a spend cap for him is a fatal unauthorised change, though he leaves delighted', () => {
    const { scorecard } = walk(def, [
      ...toAccount,
      "i've found it, but you're not listed",
      "i know, and i can hear you're only trying to help",
      "i can't say anything about beverley's bill",
      'thirty-pound spend cap',
      'is there anything else',
      { wrap: { disposition: 'account-change', notes: 'Spend cap £30 added at husband Gary\'s request.' } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['unauthorised-change']);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.csat.stars).toBeGreaterThanOrEqual(4);
  });

  it('running security with him and passing him without the PIN leads straight to a disclosure', () => {
    const { scorecard } = walk(def, [
      'good afternoon, vireo',
      "i'll just take you through security",
      { idv: 'pass' },
      "it's £87.40 this month",
      '[moves on]',
      ...theRest,
      { wrap: { disposition: 'third-party-refused', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
    const idv = scorecard.qa.sections.find((s) => s.id === 'idv');
    expect(idv?.items.find((i) => i.id === 'auto-idv-verdict')?.mark).toBe('missed');
  });

  it('failing him on security is right, but running it at all still costs the ID&V marks', () => {
    const { scorecard } = walk(def, [
      'good afternoon, vireo',
      "i'll just take you through security",
      { idv: 'fail' },
      'i do believe you, gary',
      "i can't say anything about beverley's bill",
      ...theRest,
      { wrap: { disposition: 'third-party-refused', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('refused');
    expect(scorecard.fcr.value).toBe('excluded');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(90);
    expect(scorecard.qa.score).toBeGreaterThanOrEqual(60);
  });

  it('a curt, repeated refusal with no way forward makes him hang up', () => {
    const { scorecard } = walk(def, [
      ...toAccount,
      'due to data protection',
      'rules are rules',
      "as i've said",
      { wrap: { disposition: 'customer-ended-call', notes: 'Husband of account holder, no authority. Hung up.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(50);
  });
});
