import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep, marks } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/broadband-fault-engineer.yaml');
const TARGET = 750;

/** He gives his year of birth as 1945 instead of 1954: the right verdict is fail, then a fair second go. */
const toVerified: WalkStep[] = [
  'good morning, ridgeline',
  'ring a third time',
  { idv: 'fail' },
  'i may have misheard the year',
  { idv: 'pass' },
];
/** From the verified customer to the line test's result, by the first-line checks and a polite hold. */
const toTestResult: WalkStep[] = [
  "there is, and i'm sorry",
  { kb: 'ridgeline-dropouts-first-line' },
  "i won't ask you",
  "that's really useful",
  'i\'d like to run a line test',
  'check back',
  'check back',
  'resume',
  'the test has found it',
];
const booking: WalkStep[] = ['the first appointment is tuesday', "you've every right not to be"];
const toLineTest: WalkStep[] = [...toVerified, ...toTestResult, ...booking];
const bestNotes =
  'Evening dropouts, 3rd call. Line test: 47 drops in 14 days, network fault. Engineer booked Tue 9 June AM, free. £34 credit (£19 + £15 goodwill). Complaint CMP-77120 updated. ADR rights given: from 7 July.';
/** The right credit, ADR from the right date, a summary and the right wrap-up. */
const bestClose: WalkStep[] = [
  { kb: 'ridgeline-fault-credits-adr' },
  'i can put £34',
  'by 7 july, six weeks',
  'so: the engineer',
  { wrap: { disposition: 'fault-engineer-booked', notes: bestNotes } },
];


describe('broadband-fault-engineer walkthroughs', () => {
  it('best path: fair retry at ID&V, knowledge-base checks, line test on a polite hold, engineer booked, credit, ADR at six weeks', () => {
    const { scorecard } = walk(def, [
      ...toLineTest,
      ...bestClose,
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.hold).toBe(120);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 120);
  });

  it('passing him on the wrong year of birth is a near-miss: fatal, with the misread field named', () => {
    const { scorecard, transcript } = walk(def, [
      'good morning, ridgeline',
      'ring a third time',
      { idv: 'pass', misread: ['dateOfBirth'] },
      ...toTestResult,
      ...booking,
      ...bestClose,
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(transcript.find((turn) => turn.trap?.includes('misread'))?.trap).toMatch(/misread the date of birth/i);
  });

  it('the old 2025 script teaches eight weeks: the look-up is scored wrong and the ADR item only part-met', () => {
    const { scorecard } = walk(def, [
      ...toLineTest,
      { kb: 'ridgeline-complaints-script-2025' },
      'i can put £34',
      'eight weeks since you first complained',
      'so: the engineer',
      { wrap: { disposition: 'fault-engineer-booked', notes: bestNotes } },
    ]);
    const m = marks(scorecard);
    expect(m['auto-kb-article']).toBe('missed');
    expect(m['adr-rights']).toBe('partial');
    expect(scorecard.qa.critical).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('automatic compensation is for a total loss of service: offering it for evening dropouts breaks the credit policy', () => {
    const { scorecard } = walk(def, [
      ...toLineTest,
      { kb: 'ofcom-automatic-compensation' },
      'automatic compensation is £10.34',
      'by 7 july, six weeks',
      'about £165',
      { wrap: { disposition: 'fault-engineer-booked', notes: bestNotes } },
    ]);
    const m = marks(scorecard);
    expect(m['auto-kb-article']).toBe('missed');
    expect(m['goodwill-right']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(95);
  });

  it('saying nothing about ADR to a customer at the end of his tether is a critical miss', () => {
    const { scorecard } = walk(def, [
      ...toLineTest,
      { kb: 'ridgeline-fault-credits-adr' },
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
      { kb: 'ridgeline-fault-credits-adr' },
      "don't give money back",
      "i understand. i'll note",
      { wrap: { disposition: 'complaint-deadlock', notes: 'Customer does not accept position: deadlock letter requested within 5 working days. ADR from 7 July. Complaint CMP-77120. Engineer Tue 9 June.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical).toEqual([]);
    expect(marks(scorecard)['goodwill-right']).toBe('missed');
  });

  it('"nothing more I can do" at deadlock: unresolved, both compliance criticals missed', () => {
    const { scorecard } = walk(def, [
      ...toVerified,
      ...toTestResult,
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
      'good morning, you\'re through to the faults line',
      'switching the router off',
      'not able to take the fault any further',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up. Evening dropouts; asked to restart again.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['complaint-updated', 'adr-rights']);
  });

  it('the no-service checklist and a hold without asking or checking back: hold etiquette fails and the hold costs a star', () => {
    const { scorecard } = walk(def, [
      ...toVerified,
      "there is, and i'm sorry",
      { kb: 'ridgeline-no-service-checks' },
      'could you try it once more',
      "that's really useful",
      'pop you on hold now',
      'resume',
      'the test has found it',
      ...booking,
      ...bestClose,
    ]);
    expect(scorecard.outcome).toBe('resolved');
    const m = marks(scorecard);
    expect(m['hold-permission']).toBe('missed');
    expect(m['auto-hold-check-back']).toBe('missed');
    expect(m['listen']).toBe('missed');
    expect(m['auto-kb-article']).toBe('missed');
    expect(scorecard.csat.stars).toBeLessThan(5);
    expect(scorecard.qa.band).not.toBe('green');
  });

  it('a long-winded restart detour runs over the target', () => {
    const { scorecard } = walk(def, [
      'good morning, ridgeline',
      'switching the router off',
      'could you turn it off at the wall',
      "i'm sorry, you did tell me",
      { idv: 'fail' },
      'i may have misheard the year',
      { idv: 'pass' },
      ...toTestResult,
      ...booking,
      ...bestClose,
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.aht.total).toBeGreaterThan(TARGET);
  });
});
