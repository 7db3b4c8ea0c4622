import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/broadband-fault-engineer.yaml');
const TARGET = 600;

const toLineTest = [
  'good morning, ridgeline',
  'ring a third time',
  { idv: 'pass' } as const,
  'there is, and',
  'continue',
  "i won't ask you",
  "that's really useful",
  'perfect, that rules',
  'check back',
  'check back',
  'resume',
  'continue',
  'thank you for holding',
  'the first appointment',
  "you've every right",
  'continue',
];
const bestNotes =
  'Evening dropouts, 3rd call. Line test: 47 drops in 14 days, network fault. Engineer booked Tue 9 June AM, free. £34 credit (£19 + £15 goodwill). Complaint CMP-77120 updated. ADR rights given: from 7 July.';

describe('broadband-fault-engineer walkthroughs', () => {
  it('best path: knowledge-base checks, line test on a polite hold, engineer booked, credit, ADR rights at six weeks', () => {
    const { scorecard } = walk(def, [
      ...toLineTest,
      'i can put £34',
      'then ring us',
      'so: the engineer',
      { wrap: { disposition: 'fault-engineer-booked', notes: bestNotes } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.aht.hold).toBe(120);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('the old eight-week rule only part-meets the ADR item', () => {
    const { scorecard } = walk(def, [
      ...toLineTest,
      'i can put £34',
      'eight weeks',
      'so: the engineer',
      { wrap: { disposition: 'fault-engineer-booked', notes: bestNotes } },
    ]);
    const adr = scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === 'adr-rights');
    expect(adr?.mark).toBe('partial');
    expect(scorecard.qa.critical).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('saying nothing about ADR to a customer at the end of his tether is a critical miss', () => {
    const { scorecard } = walk(def, [
      ...toLineTest,
      'i can put £34',
      "don't you worry",
      'so: the engineer',
      { wrap: { disposition: 'fault-engineer-booked', notes: bestNotes } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['adr-rights']);
    expect(scorecard.qa.score).toBe(60);
  });

  it('deadlock handled right: no credit, but a deadlock letter and the free ADR scheme from 7 July', () => {
    const { scorecard } = walk(def, [
      ...toLineTest,
      "don't give money back",
      "i understand. i'll note",
      { wrap: { disposition: 'complaint-deadlock', notes: 'Customer does not accept position: deadlock letter requested within 5 working days. ADR from 7 July. Complaint CMP-77120. Engineer Tue 9 June.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical).toEqual([]);
    const goodwill = scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === 'goodwill-right');
    expect(goodwill?.mark).toBe('missed');
  });

  it('"nothing more I can do" at deadlock: unresolved, both compliance criticals missed', () => {
    const { scorecard } = walk(def, [
      'good morning, ridgeline',
      'ring a third time',
      { idv: 'pass' },
      'there is, and',
      'continue',
      "i won't ask you",
      "that's really useful",
      'perfect, that rules',
      'check back',
      'check back',
      'resume',
      'continue',
      'thank you for holding',
      "i'll raise it with the engineers",
      "can't book it from here",
      'nothing more i can do',
      { wrap: { disposition: 'fault-advice-given', notes: 'Complaint CMP-77120. Evening dropouts, network fault found.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['complaint-updated', 'adr-rights']);
    expect(scorecard.qa.score).toBe(60);
  });

  it('making help depend on another restart: he hangs up', () => {
    const { scorecard } = walk(def, [
      'ridgeline faults',
      'turning the router off',
      'not able to take it any further',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up. Evening dropouts; asked to restart again.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['complaint-updated', 'adr-rights']);
  });

  it('skipping the checks and holding without asking or checking back: hold etiquette fails and the hold costs a star', () => {
    const { scorecard } = walk(def, [
      'good morning, ridgeline',
      'ring a third time',
      { idv: 'pass' },
      'there is, and',
      'continue',
      "let's not put you",
      '[puts him on hold',
      'resume',
      'continue',
      "right, there's a fault",
      'the first appointment',
      "you've every right",
      'continue',
      'i can put £34',
      'then ring us',
      'so: the engineer',
      { wrap: { disposition: 'fault-engineer-booked', notes: bestNotes } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    const marks = Object.fromEntries(scorecard.qa.sections.flatMap((s) => s.items).map((i) => [i.id, i.mark]));
    expect(marks['hold-permission']).toBe('missed');
    expect(marks['auto-hold-check-back']).toBe('missed');
    expect(marks['kb-steps']).toBe('missed');
    expect(scorecard.csat.stars).toBeLessThan(5);
    expect(scorecard.csat.why).toMatch(/hold/);
    expect(scorecard.qa.score).toBeLessThan(80);
  });

  it('a long-winded restart detour runs over the target', () => {
    const { scorecard } = walk(def, [
      'good morning, ridgeline',
      'turning the router off',
      'could you turn it off at the wall',
      "i'm sorry, you did tell me",
      { idv: 'pass' },
      'there is, and',
      'continue',
      "i won't ask you",
      "that's really useful",
      'perfect, that rules',
      'check back',
      'check back',
      'resume',
      'continue',
      'thank you for holding',
      'the first appointment',
      "you've every right",
      'continue',
      'i can put £34',
      'then ring us',
      'so: the engineer',
      { wrap: { disposition: 'fault-engineer-booked', notes: bestNotes } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.aht.total).toBeGreaterThan(TARGET);
  });
});
