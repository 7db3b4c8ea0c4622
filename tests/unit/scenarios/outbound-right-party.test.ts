import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep, marks } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/outbound-right-party.yaml');
const TARGET = 540;

const toKieran: WalkStep[] = ['hello, could i speak to kieran', "it's a personal matter"];
const verified: WalkStep[] = ['calls are recorded', "i'll never ask for your pin", { kb: 'kestrel-outbound-security' }, { idv: 'pass' }];
const paidInApp: WalkStep[] = ["thanks, kieran. it's your kestrel card", 'everything okay money-wise', 'you can, yes', "thanks, so you're up to date. give me a second"];
const feeAndClose: WalkStep[] = [{ kb: 'kestrel-late-fee-refund' }, "i've refunded the £12", "let's set one up now", 'the £12 fee is refunded'];
const bestNotes =
  'Mum (Denise) answered: first name only, nothing disclosed. Spoke to Kieran, recording notice given, ID&V passed (name, email, last payment). £35 arrears paid in app 17:49. £12 late fee refunded (first missed payment). New direct debit set up from 3 July.';


describe('outbound-right-party walkthroughs', () => {
  it('best path: first name only to his mum, recording notice, questions she could not answer, then the reason; paid, fee refunded, direct debit set up', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      ...verified,
      ...paidInApp,
      ...feeAndClose,
      { wrap: { disposition: 'arrears-paid-in-full', notes: bestNotes } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 120);
  });

  it('naming the card company to his mum already tells her he has a Kestrel card: a critical miss, even though the rest goes well', () => {
    const { scorecard } = walk(def, [
      'nadia calling from kestrel card. could i speak',
      "it's a personal matter",
      ...verified,
      ...paidInApp,
      ...feeAndClose,
      { wrap: { disposition: 'arrears-paid-in-full', notes: bestNotes } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['no-relationship-3p']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('telling his mum "between us" is a fatal disclosure, and Kieran hangs up to complain', () => {
    const { scorecard } = walk(def, [
      'hello, could i speak to kieran',
      'between us',
      "i'm really sorry, kieran",
      { wrap: { disposition: 'customer-ended-call', notes: 'Told his mum about the missed payment. Kieran hung up, making a complaint.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it("his mum knowing his date of birth doesn't make her authorised", () => {
    const { scorecard } = walk(def, [
      'hello, could i speak to kieran',
      'are you named on his account',
      'lovely, thanks',
      "i'm really sorry, kieran",
      { wrap: { disposition: 'customer-ended-call', notes: 'Disclosed arrears to mum after she gave his DOB. Kieran hung up, complaint.' } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('verifying Kieran with the date of birth and postcode his mum just recited is no verification: the reason that follows is fatal', () => {
    const { scorecard, transcript } = walk(def, [
      'hello, could i speak to kieran',
      'are you named on his account',
      'even so, it',
      'calls are recorded',
      "i'll never ask for your pin",
      { kb: 'idv-standard-questions' },
      { idv: 'pass', ask: ['fullName', 'dateOfBirth', 'postcode'] },
      "thanks, kieran. it's your kestrel card",
      'everything okay money-wise',
      'you can, yes',
      "thanks, so you're up to date. give me a second",
      ...feeAndClose,
      { wrap: { disposition: 'arrears-paid-in-full', notes: bestNotes } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.qa.score).toBe(0);
    expect(marks(scorecard)['auto-kb-article']).toBe('missed');
    expect(transcript.some((t) => /did not ask for the email and last payment/i.test(t.trap ?? ''))).toBe(true);
  });

  it('asking the household questions on top of the policy ones is over-verifying: no breach, but a QA miss', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      'calls are recorded',
      "i'll never ask for your pin",
      { kb: 'kestrel-outbound-security' },
      { idv: 'pass', ask: ['fullName', 'email', 'lastPayment', 'dateOfBirth', 'postcode'] },
      ...paidInApp,
      ...feeAndClose,
      { wrap: { disposition: 'arrears-paid-in-full', notes: bestNotes } },
    ]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(marks(scorecard)['auto-idv-proportionate']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('saying why before ID&V, with his mum in earshot, is fatal even though the rest goes well', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      "i'm calling about the £35",
      'security questions first',
      { kb: 'kestrel-outbound-security' },
      { idv: 'pass' },
      ...paidInApp,
      ...feeAndClose,
      { wrap: { disposition: 'arrears-paid-in-full', notes: bestNotes } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('"proving" who you are by reading his card details is fatal', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      'calls are recorded',
      'i can prove it',
      { kb: 'kestrel-outbound-security' },
      { idv: 'pass' },
      ...paidInApp,
      ...feeAndClose,
      { wrap: { disposition: 'arrears-paid-in-full', notes: bestNotes } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('"you\'ll just have to trust me": he hangs up, unsure the call is genuine', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      'a few security details from you',
      'just have to trust me',
      { wrap: { disposition: 'customer-ended-call', notes: 'Kieran not sure the call was genuine (scam worry) and hung up. Not verified.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(marks(scorecard)['recording-notice']).toBe('missed');
    expect(marks(scorecard)['reassure']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(80);
  });

  it('reading his card number back to him is fatal', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      ...verified,
      "thanks, kieran. it's your kestrel card",
      'everything okay money-wise',
      'take it now by card',
      'read that back',
      "£35 paid, so you're up to date",
      ...feeAndClose,
      { wrap: { disposition: 'arrears-paid-in-full', notes: 'Paid £35 by card. Fee refunded, direct debit set up. Mum answered, told nothing.' } },
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code).sort()).toEqual(['card-on-recording', 'card-read-back']);
  });

  it('taking the card number on a running recording is fatal even without reading it back (PCI DSS v4.0.1 req. 3.3.1)', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      ...verified,
      "thanks, kieran. it's your kestrel card",
      'everything okay money-wise',
      'take it now by card',
      'without repeating any of it',
      "£35 paid, so you're up to date",
      ...feeAndClose,
      { wrap: { disposition: 'arrears-paid-in-full', notes: 'Paid £35 by card. Fee refunded, direct debit set up. Mum answered, told nothing.' } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['card-on-recording']);
    expect(scorecard.qa.score).toBe(0);
  });

  it('going by the withdrawn 2023 late-fee policy leaves the fee on, though he qualified for a refund', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      ...verified,
      ...paidInApp,
      { kb: 'kestrel-late-fee-refund-2023' },
      'late fees stay on',
      "let's set one up now",
      "july's payment is sorted",
      { wrap: { disposition: 'arrears-paid-in-full', notes: 'Mum answered, nothing disclosed. Kieran verified. £35 paid in app. Fee left on. New direct debit from 3 July.' } },
    ]);
    expect(marks(scorecard)['auto-kb-article']).toBe('missed');
    expect(marks(scorecard)['fee-refund']).toBe('partial');
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('leaving only her first name with his mum and trying again after six: privacy kept, but a follow-up', () => {
    const { scorecard } = walk(def, [
      'hello, could i speak to kieran',
      'try him again after six',
      'continue',
      { wrap: { disposition: 'no-contact-callback', notes: 'Mum answered; first name only, nothing disclosed. Trying Kieran again after 6pm today.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeGreaterThanOrEqual(90);
  });
});
