import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/outbound-right-party.yaml');
const TARGET = 420;

const toKieran = ["hello, it's nadia", 'i can only talk about it with kieran himself'];
const verified = ['calls are recorded', 'good on you', { idv: 'pass' } as const, 'continue'];
const bestNotes =
  'Mum (Denise) answered: nothing disclosed. Spoke to Kieran, recording notice given, ID&V passed. £35 arrears paid in app 17:49. £12 late fee refunded (first missed payment). New direct debit set up from 3 July.';

describe('outbound-right-party walkthroughs', () => {
  it('best path: right party first, recording notice, ID&V, then the reason; paid, fee refunded, direct debit set up', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      ...verified,
      'thanks, kieran',
      'that explains it',
      'you can, yes',
      'it has, £35 received',
      "let's set up",
      'the £12 fee is refunded',
      { wrap: { disposition: 'arrears-paid-in-full', notes: bestNotes } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('telling his mum "between us" is a fatal disclosure, and Kieran hangs up to complain', () => {
    const { scorecard } = walk(def, [
      "hello, it's nadia",
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
      "hello, it's nadia",
      'are you on his account',
      'lovely, thanks',
      "i'm really sorry, kieran",
      { wrap: { disposition: 'customer-ended-call', notes: 'Disclosed arrears to mum after she gave his DOB. Kieran hung up, complaint.' } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('saying why before ID&V, with his mum in earshot, is fatal even though the rest goes well', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      "i'm calling about the £35",
      'sorry about that',
      { idv: 'pass' },
      'continue',
      'thanks, kieran',
      'that explains it',
      'you can, yes',
      'it has, £35 received',
      "let's set up",
      'the £12 fee is refunded',
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
      { idv: 'pass' },
      'continue',
      'thanks, kieran',
      'that explains it',
      'you can, yes',
      'it has, £35 received',
      "let's set up",
      'the £12 fee is refunded',
      { wrap: { disposition: 'arrears-paid-in-full', notes: bestNotes } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('"you\'ll just have to trust me": he hangs up, unsure the call is genuine', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      'can i take your full name',
      'just have to trust me',
      { wrap: { disposition: 'customer-ended-call', notes: 'Kieran not sure the call was genuine (scam worry) and hung up. Not verified.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    const marks = Object.fromEntries(scorecard.qa.sections.flatMap((s) => s.items).map((i) => [i.id, i.mark]));
    expect(marks['recording-notice']).toBe('missed');
    expect(marks['reassure']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(80);
  });

  it('reading his card number back to him is fatal', () => {
    const { scorecard } = walk(def, [
      ...toKieran,
      ...verified,
      'thanks, kieran',
      'that explains it',
      'take it now by card',
      'read that back',
      'it has, £35 paid',
      "let's set up",
      'the £12 fee is refunded',
      { wrap: { disposition: 'arrears-paid-in-full', notes: 'Paid £35 by card. Fee refunded, direct debit set up. Mum answered, told nothing.' } },
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['card-read-back']);
  });

  it('leaving it with his mum and trying again after six: privacy kept, but a follow-up', () => {
    const { scorecard } = walk(def, [
      "hello, it's nadia",
      'after six',
      'continue',
      { wrap: { disposition: 'no-contact-callback', notes: 'Mum answered; nothing disclosed. Trying Kieran again after 6pm today.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeGreaterThanOrEqual(90);
  });
});
