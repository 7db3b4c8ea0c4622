import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/mis-sold-insurance-8-weeks.yaml');
const TARGET = 540;
const GOOD_NOTES =
  'Complaint CMP-7720154 logged: GAP Protect £399 added at Penarth Road Motors 12 Jun, customer told it was compulsory. Explained she can cancel now (unused part refunded) and the complaint carries on. Final response within 8 weeks, by 11 January; FOS free, 6 months.';

const mark = (card: Scorecard, id: string) => card.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;

const greet = "severn motor finance, you're speaking to alex";
// She first gives her old postcode (CF5 1QE; she moved in October): failing her is right.
const verified: WalkStep[] = [greet, "that's not a nice thing to find out", { idv: 'fail' }, 'has anything changed recently', { idv: 'pass' }];
const logged: WalkStep[] = [...verified, 'when you signed', "i'm logging this as a complaint", "that's up to you"];
const wrapLogged: WalkStep = { wrap: { disposition: 'complaint-logged', notes: GOOD_NOTES } };

describe('mis-sold-insurance-8-weeks walkthroughs', () => {
  it('best path: hears how it was sold, logs the complaint, explains 8 weeks, the ombudsman and six months', () => {
    const { scorecard, transcript } = walk(def, [
      ...logged,
      { kb: 'complaints-8-weeks-final-response' },
      'within eight weeks, by the 11th',
      'how the gap cover was sold is logged',
      wrapLogged,
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(transcript.some((t) => t.speaker === 'agent' && t.text.includes('eight weeks'))).toBe(true);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 120);
  });

  it('the payment-complaint rule (15 business days) for a sale complaint is a critical miss', () => {
    const { scorecard } = walk(def, [
      ...logged,
      { kb: 'payment-services-complaints' },
      'within 15 business days, so by the 7th of december',
      'how the gap cover was sold is logged',
      wrapLogged,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['disp-8-weeks']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('promising the £399 back decides the complaint on the phone: the no-verdict item is missed', () => {
    const { scorecard } = walk(def, [
      ...verified,
      'when you signed',
      'make sure you get the full £399 back',
      "that's up to you",
      { kb: 'complaints-8-weeks-final-response' },
      'within eight weeks, by the 11th',
      'how the gap cover was sold is logged',
      wrapLogged,
    ]);
    expect(mark(scorecard, 'no-verdict')).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('cancelling the cover without logging the complaint: unresolved, no FCR, critical miss', () => {
    const { scorecard } = walk(def, [
      ...verified,
      'so you\'d like the gap policy cancelled',
      "the part you've already had isn't refundable",
      { wrap: { disposition: 'cancellation', notes: 'GAP £399 cancelled at customer request.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('complaint-logged');
  });

  it('passing her old postcode is fatal once the agreement is read out, and names the misread field', () => {
    const { scorecard, transcript } = walk(def, [
      greet,
      "that's not a nice thing to find out",
      { idv: 'pass', misread: ['postcode'] },
      "i've got your agreement open",
      'take you through security again',
      { idv: 'pass' },
      'when you signed',
      "i'm logging this as a complaint",
      "that's up to you",
      { kb: 'complaints-8-weeks-final-response' },
      'within eight weeks, by the 11th',
      'how the gap cover was sold is logged',
      wrapLogged,
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.qa.score).toBe(0);
    expect(transcript.some((t) => t.trap?.includes('postcode') === true)).toBe(true);
  });

  it('sending her back to the dealer twice: she gives up with no complaint logged', () => {
    const { scorecard } = walk(def, [
      greet,
      "it's really them you'd need to speak to",
      "it's their complaints process you'd need",
      { wrap: { disposition: 'referred-dealer', notes: 'Customer unhappy with GAP sale; referred to dealer.' } },
    ]);
    expect(['hung-up', 'unresolved']).toContain(scorecard.outcome);
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('complaint-logged');
  });
});
