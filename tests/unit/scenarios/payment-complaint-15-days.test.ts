import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/finance-complaint-8-weeks.yaml');
const TARGET = 480;
const GOOD_NOTES =
  'Payment £1,850 to Calthorpe held 10-13 Mar, SMS went to old mobile (branch change Jan not actioned), not told on 11 Mar call. £75 late fee. Mobile updated to 07700 900641. Complaint CMP-3318472 logged; 8 weeks final response and FOS explained.';

const greet = 'good afternoon, kingfisher';
const toNotes = [greet, "i'm sorry to hear that, mr okafor", { idv: 'pass' } as const, 'before i start digging'];
const fixNumber = ["let's fix that number", '[updates the number]', "that's it, all updated"];

describe('finance-complaint-8-weeks walkthroughs', () => {
  it('best path: hears it all, finds the failures, logs the complaint he says he is not making, explains 8 weeks and the ombudsman', () => {
    const { scorecard } = walk(def, [
      ...toNotes,
      'that sounds really stressful',
      'continue',
      'i can see what went wrong',
      "it isn't about being that sort of person",
      ...fixNumber,
      "i can't promise that on this call",
      'your complaint reference is cmp-3318472. you',
      'to recap, then',
      { wrap: { disposition: 'complaint-logged', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 60);
  });

  it('taking him at his word ("not a complaint") leaves a happy customer and two critical fails', () => {
    const { scorecard } = walk(def, [
      ...toNotes,
      'that sounds really stressful',
      'continue',
      'i can see what went wrong',
      "i'll just pop a note on your account",
      ...fixNumber,
      'you\'d need to write in to us',
      'nothing else for you to do',
      { wrap: { disposition: 'payment-query', notes: 'Payment £1,850 held 10-13 Mar. Mobile updated. Customer advised to write in re £75 fee.' } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.critical.map((c) => c.id).sort()).toEqual(['complaint-logged', 'fos-rights']);
    expect(scorecard.qa.score).toBe(60);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.csat.stars).toBeGreaterThanOrEqual(4);
  });

  it('promising the £75 and compensation costs the resolution marks', () => {
    const { scorecard } = walk(def, [
      ...toNotes,
      'that sounds really stressful',
      'continue',
      'i can see what went wrong',
      "it isn't about being that sort of person",
      ...fixNumber,
      "i'll make sure you get that back",
      'your complaint reference is cmp-3318472. you',
      'to recap, then',
      { wrap: { disposition: 'complaint-logged', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    const resolution = scorecard.qa.sections.find((s) => s.id === 'resolution');
    expect(resolution?.items.find((i) => i.id === 'no-promises')?.mark).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(90);
  });

  it('confirming the payment and the hold before ID&V is a fatal breach', () => {
    const { scorecard } = walk(def, [
      greet,
      'yes, i can see the £1,850',
      { idv: 'pass' },
      'before i start digging',
      'that sounds really stressful',
      'continue',
      'i can see what went wrong',
      "it isn't about being that sort of person",
      ...fixNumber,
      "i can't promise that on this call",
      'your complaint reference is cmp-3318472. you',
      'to recap, then',
      { wrap: { disposition: 'complaint-logged', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.fcr.value).toBe('no');
  });

  it('defending the fraud checks ends in a manager request; no team leader free, so a named, timed call back', () => {
    const { scorecard } = walk(def, [
      ...toNotes.slice(0, 3),
      'these checks are there to protect you',
      'the checks are a regulatory requirement',
      'let me see if my team leader is free',
      'continue',
      'can i book a call back from her',
      'continue',
      { wrap: { disposition: 'escalated-team-leader', notes: 'Complaint re held payment £1,850 and £75 late fee. Asked for manager; TL Priya Sandhu to call back by 4pm today.' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical).toEqual([]);
    expect(scorecard.qa.band).toBe('red');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
  });

  it('"calm down", then refusing a manager, and he hangs up', () => {
    const { scorecard } = walk(def, [
      ...toNotes,
      'please try to stay calm',
      "i just mean there's no need to get upset",
      'my manager will only tell you the same',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up. Held payment complaint.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('manager-request');
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('complaint-logged');
  });
});
