import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/failed-idv-pushy-caller.yaml');
const TARGET = 360;

const opening = ['good afternoon, keelside', 'just the balance you', 'that makes sense', { idv: 'fail' } as const];

describe('failed-idv-pushy-caller walkthroughs', () => {
  it('best path: fails ID&V without a hint, holds the line, gets him into the app', () => {
    const { scorecard } = walk(def, [
      ...opening,
      "haven't been able to match",
      'i hear you',
      'the quickest is the keelside app',
      "can't change anything",
      "tap 'payments'",
      'just to recap',
      { wrap: { disposition: 'idv-failed-route-given', notes: 'Caller failed security (DOB did not match). Refused balance and DD change. Talked him through app password reset; he logged in and found the balance himself.' } },
    ]);
    expectBestCall(scorecard, 'refused', 'excluded');
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('passing him on the wrong date of birth and giving the balance is fatal', () => {
    const { scorecard } = walk(def, [
      'good afternoon, keelside',
      'run through security',
      { idv: 'pass' },
      "you're on £1,286.40",
      { wrap: { disposition: 'balance-enquiry', notes: 'Balance given.' } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('moving the direct debit for a caller who failed security is an unauthorised change', () => {
    const { scorecard } = walk(def, [
      ...opening,
      "haven't been able to match",
      'i hear you',
      'the quickest is the keelside app',
      'move it to the twenty-fifth',
      { wrap: { disposition: 'account-amended', notes: 'DD moved to the 25th.' } },
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['unauthorised-change']);
  });

  it('pointing him at the wrong answer then reading out his date of birth is fatal', () => {
    const { scorecard } = walk(def, [
      ...opening,
      "you said 1986, but it's 1968",
      'i can\'t go into the account',
      'the quickest is the keelside app',
      "can't change anything",
      "tap 'payments'",
      'just to recap',
      { wrap: { disposition: 'idv-failed-route-given', notes: 'Failed security on DOB. Refused. Pointed to the app.' } },
    ]);
    expect(scorecard.outcome).toBe('refused');
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.qa.score).toBe(0);
  });

  it('refusing his request for a manager: he hangs up and the critical item caps QA', () => {
    const { scorecard } = walk(def, [
      ...opening,
      "haven't been able to match",
      "there's nothing i can do",
      'only tell you the same thing',
      { wrap: { disposition: 'customer-ended-call', notes: 'Failed security. Asked for manager, refused. Customer hung up.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['manager-honoured']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
    expect(scorecard.qa.fatal).toEqual([]);
  });

  it('honouring the request for a manager ends escalated, with no breach', () => {
    const { scorecard } = walk(def, [
      ...opening,
      "haven't been able to match",
      "there's nothing i can do",
      'ask my team leader',
      'continue',
      { wrap: { disposition: 'escalated-team-leader', notes: 'Failed security (DOB). Asked for a manager; Dawn (TL) took the call and explained the app.' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical).toEqual([]);
    expect(scorecard.csat.stars).toBeLessThanOrEqual(3);
  });
});
