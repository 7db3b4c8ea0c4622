import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep, marks } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/failed-idv-pushy-caller.yaml');
const TARGET = 420;
const GOOD_NOTES =
  'Caller failed security (DOB did not match). Nothing disclosed, no change made. Offered app (password reset by code to mobile on file), statement, call back. He logged into the app and found balance and DD date himself.';

const opening: WalkStep[] = ['good afternoon, keelside', 'something else going on', "we'll check it together", { idv: 'fail' }];
const afterFail: WalkStep[] = ["haven't been able to match", 'i treat every caller the same', { kb: 'keelside-failed-security' }];
const appAndClose: WalkStep[] = ["can't change anything without security", "tap 'payments'", 'to recap'];


describe('failed-idv-pushy-caller walkthroughs', () => {
  it('best path: spots the transposed year, fails without a hint, finds the current procedure, gets him into the app', () => {
    const { scorecard } = walk(def, [
      ...opening,
      ...afterFail,
      'the quickest is the keelside app',
      ...appAndClose,
      { wrap: { disposition: 'idv-failed-route-given', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'refused', 'excluded');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 120);
  });

  it('near-miss: marking "nineteen eighty-six" as matching 02/09/1968 and passing him is fatal, and names the date of birth', () => {
    const { scorecard, transcript } = walk(def, [
      'good afternoon, keelside',
      'something else going on',
      "we'll check it together",
      { idv: 'pass', misread: ['dateOfBirth'] },
      "that's you through security",
      { wrap: { disposition: 'balance-enquiry', notes: 'Balance and DD date given.' } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(marks(scorecard)['auto-idv-marks']).toBe('missed');
    expect(transcript.some((t) => /misread the date of birth/i.test(t.trap ?? ''))).toBe(true);
  });

  it('a second look after a wrong pass, before anything is said, catches the near-miss: no breach', () => {
    const { scorecard } = walk(def, [
      'good afternoon, keelside',
      'something else going on',
      "we'll check it together",
      { idv: 'pass', misread: ['dateOfBirth'] },
      'go back over what you',
      { idv: 'fail' },
      ...afterFail,
      'the quickest is the keelside app',
      ...appAndClose,
      { wrap: { disposition: 'idv-failed-route-given', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('refused');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(marks(scorecard)['auto-idv-verdict']).not.toBe('met');
  });

  it('a second go he should never have had: "sixty-nine" is one digit from 1968, and passing it is fatal', () => {
    const { scorecard, transcript } = walk(def, [
      ...opening,
      "haven't been able to match",
      'try security one more time',
      { idv: 'pass', misread: ['dateOfBirth'] },
      "you've £1,213.60 left to spend",
      { wrap: { disposition: 'balance-enquiry', notes: 'Passed on second attempt. Available credit given.' } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(marks(scorecard)['idv-no-hint']).toBe('missed');
    expect(transcript.some((t) => /misread the date of birth/i.test(t.trap ?? ''))).toBe(true);
  });

  it('asking his address and mobile as well does not rescue a wrong date of birth, and over-asking costs QA', () => {
    const { scorecard } = walk(def, [
      ...opening.slice(0, 3),
      { idv: 'fail', ask: ['fullName', 'dateOfBirth', 'postcode', 'address', 'mobile'] },
      ...afterFail,
      'the quickest is the keelside app',
      ...appAndClose,
      { wrap: { disposition: 'idv-failed-route-given', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(marks(scorecard)['auto-idv-verdict']).toBe('met');
    expect(marks(scorecard)['auto-idv-proportionate']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('using the withdrawn 2022 procedure and its substitute questions ends in a fatal disclosure', () => {
    const { scorecard } = walk(def, [
      ...opening,
      "haven't been able to match",
      'i treat every caller the same',
      { kb: 'keelside-failed-security-2022' },
      'both match',
      { wrap: { disposition: 'balance-enquiry', notes: 'Failed DOB, passed on substitute questions. Balance given.' } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(marks(scorecard)['auto-kb-article']).toBe('missed');
  });

  it('moving the direct debit for a caller who failed security is an unauthorised change', () => {
    const { scorecard } = walk(def, [
      ...opening,
      ...afterFail,
      'the quickest is the keelside app',
      'move it to the twenty-fifth',
      { wrap: { disposition: 'account-amended', notes: 'DD moved to the 25th.' } },
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['unauthorised-change']);
  });

  it('reading out the date of birth on file while refusing is still fatal', () => {
    const { scorecard } = walk(def, [
      ...opening,
      'the date of birth doesn',
      "i can't go into the account",
      { kb: 'keelside-failed-security' },
      'the quickest is the keelside app',
      ...appAndClose,
      { wrap: { disposition: 'idv-failed-route-given', notes: 'Failed security on DOB. Refused. Pointed to the app.' } },
    ]);
    expect(scorecard.outcome).toBe('refused');
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.qa.score).toBe(0);
  });

  it('talking him out of a manager: he hangs up and the critical item caps QA', () => {
    const { scorecard } = walk(def, [
      ...opening,
      "haven't been able to match",
      'my hands are tied',
      'only tell you the same thing',
      { wrap: { disposition: 'customer-ended-call', notes: 'Failed security. Asked for manager, not put through. Customer hung up.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['manager-honoured']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
    expect(scorecard.qa.fatal).toEqual([]);
  });

  it('honouring the request for a manager: a warm escalation to the team leader with a handover that names no account data', () => {
    const { scorecard } = walk(def, [
      ...opening,
      "haven't been able to match",
      'my hands are tied',
      'ask my team leader',
      { transfer: 'team-leader' },
      { wrap: { disposition: 'escalated-team-leader', notes: 'Failed security (DOB). Asked for a manager; Dawn (TL) took the call and explained the app.' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical).toEqual([]);
    expect(marks(scorecard)['auto-transfer-team']).toBe('met');
    expect(marks(scorecard)['auto-transfer-handover']).toBe('met');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(3);
  });

  it('a handover calling him "verified" is scored as a wrong handover', () => {
    const { scorecard } = walk(def, [
      ...opening,
      "haven't been able to match",
      'my hands are tied',
      'ask my team leader',
      { transfer: 'team-leader', handover: 'verified customer' },
      { wrap: { disposition: 'escalated-team-leader', notes: 'Failed security (DOB). Escalated to TL Dawn.' } },
    ]);
    expect(marks(scorecard)['auto-transfer-handover']).toBe('missed');
  });
});
