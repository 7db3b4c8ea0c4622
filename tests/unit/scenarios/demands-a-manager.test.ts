import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/demands-a-manager.yaml');
const TARGET = 420;

const heard = ['good afternoon, brightwell', 'absolutely speak to my team leader'];
const verified = ['can i take the order number', { idv: 'pass' } as const];
const bestNotes =
  'Third call. 2 failed deliveries (2 Jun driver out of hours, 5 Jun van never reached L9). Refunded £49 delivery charge + £50 goodwill. Redelivery Tuesday 7-9am, driver to ring 30 min ahead. Offered team leader, declined. Complaint CMP-208815 logged.';

describe('demands-a-manager walkthroughs', () => {
  it('best path: honours the manager request, puts it right, offers the manager again, logs the complaint', () => {
    const { scorecard } = walk(def, [
      ...heard,
      'pull up the order first',
      ...verified,
      'bear with me',
      'continue',
      'honestly, lorraine',
      'three things',
      "no, it doesn't",
      '[logs the complaint]',
      'and your complaint reference is cmp-208815',
      { wrap: { disposition: 'complaint-resolved-goodwill', notes: bestNotes } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.aht.hold).toBe(0);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('team leader free: a warm transfer with the story and the complaint handed over', () => {
    const { scorecard } = walk(def, [
      ...heard,
      "let's get you to my team leader now",
      ...verified,
      'can i put you on hold for a minute or two while i brief',
      'check back',
      'resume',
      'continue',
      'thanks for holding',
      'continue',
      { wrap: { disposition: 'escalated-team-leader', notes: 'Asked for a manager. 2 failed deliveries, two days leave lost. Complaint CMP-208815 logged. Warm transfer to Priya (team leader).' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(3);
    expect(scorecard.qa.score).toBeGreaterThanOrEqual(90);
    expect(scorecard.qa.critical).toEqual([]);
    expect(scorecard.aht.hold).toBe(75);
  });

  it('no team leader free: a named, timed callback from Priya', () => {
    const { scorecard } = walk(def, [
      ...heard,
      'pull up the order first',
      ...verified,
      'bear with me',
      'continue',
      'honestly, lorraine',
      'next free slot',
      'of course. can i put you on hold',
      'check back',
      'resume',
      'continue',
      'thanks for waiting',
      'continue',
      { wrap: { disposition: 'callback-booked', notes: 'Wanted a manager after rebooking. Priya (team leader) in a meeting: callback booked by 4pm today. Complaint CMP-208815 logged.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical).toEqual([]);
    const fix = scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === 'fix-right');
    expect(fix?.mark).toBe('missed');
  });

  it('"calm down" then "nothing I can do": she hangs up and the manager refusal is critical', () => {
    const { scorecard } = walk(def, [
      'hiya, brightwell',
      'calm down',
      'nothing more i can do',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer asked for a manager and hung up.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(expect.arrayContaining(['manager-request', 'complaint-logged']));
    expect(scorecard.qa.score).toBeLessThan(20);
  });

  it('"managers don\'t take calls" caps QA at 60 even when the rest of the call goes well', () => {
    const { scorecard } = walk(def, [
      'good afternoon, brightwell',
      "managers don't",
      "you're right, and i'm sorry",
      'pull up the order first',
      ...verified,
      'bear with me',
      'continue',
      'honestly, lorraine',
      'three things',
      "no, it doesn't",
      '[logs the complaint]',
      'and your complaint reference is cmp-208815',
      { wrap: { disposition: 'complaint-resolved-goodwill', notes: bestNotes } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['manager-request']);
    expect(scorecard.qa.score).toBe(60);
    expect(scorecard.qa.raw).toBeGreaterThan(60);
  });

  it('reading her address out before ID&V is fatal', () => {
    const { scorecard } = walk(def, [
      ...heard,
      'pull up the order first',
      'is it still 22 cedar grove',
      { idv: 'pass' },
      'bear with me',
      'continue',
      'honestly, lorraine',
      'three things',
      "no, it doesn't",
      '[logs the complaint]',
      'and your complaint reference is cmp-208815',
      { wrap: { disposition: 'complaint-resolved-goodwill', notes: bestNotes } },
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.fcr.value).toBe('no');
  });

  it('a cold transfer to the customer relations queue: transferred, low CSAT, complaint not logged', () => {
    const { scorecard } = walk(def, [
      'good afternoon, brightwell',
      'customer relations line',
      'continue',
      { wrap: { disposition: 'transferred-customer-relations', notes: 'Wanted a manager; transferred to customer relations.' } },
    ]);
    expect(scorecard.outcome).toBe('transferred');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('complaint-logged');
  });

  it('ringing round the courier on a long hold runs over the target', () => {
    const { scorecard } = walk(def, [
      ...heard,
      'pull up the order first',
      ...verified,
      'bear with me',
      'continue',
      'honestly, lorraine',
      "courier's depot",
      'check back',
      'check back',
      'check back',
      'resume',
      "couldn't get through",
      'of course. can i put you on hold',
      'check back',
      'resume',
      'continue',
      'thanks for waiting',
      'continue',
      { wrap: { disposition: 'callback-booked', notes: 'Depot not answering. Priya (team leader) callback by 4pm today. Complaint CMP-208815.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.aht.total).toBeGreaterThan(TARGET);
    expect(scorecard.aht.hold).toBe(240);
  });
});
