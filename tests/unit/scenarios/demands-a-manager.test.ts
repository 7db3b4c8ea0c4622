import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/demands-a-manager.yaml');
const TARGET = 540;

const mark = (card: Scorecard, id: string) => card.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;

const greet = "brightwell home, you're speaking to alex";
const heard: WalkStep[] = [greet, 'yes, you can speak to my team leader'];
// She first gives her email as .com instead of .co.uk: failing her is right.
const verified: WalkStep[] = ["i'll just ask you a few security questions", { idv: 'fail' }, 'read me your email address off the confirmation', { idv: 'pass' }];
const fixed: WalkStep[] = [
  'bear with me while i open the order',
  { kb: 'brightwell-failed-delivery' },
  "honestly, lorraine, it's on us",
  "here's what i can do now",
];
const bestNotes =
  'Third call. 2 failed deliveries (2 Jun driver out of hours, 5 Jun van never reached L9). Refunded £49 delivery charge + £50 goodwill. Redelivery Tuesday 7-9am, driver to ring 30 min ahead. Offered team leader, declined. Complaint CMP-208815 logged.';
const escalationNotes = 'Asked for a manager. 2 failed deliveries, two days leave lost. Complaint CMP-208815 logged. Warm transfer to Priya (team leader).';

/** Straight to the team leader: verified, a brief on hold with a check-back, then the transfer itself. */
const toBriefedTransfer: WalkStep[] = [
  ...heard,
  "let's get you to my team leader now",
  ...verified,
  'can i put you on hold for a minute or two while i brief',
  'check back',
  'resume',
  "i'll brief her before i put you through",
];

/** The briefed transfer to the team leader made as given, wrapped up as an escalation. */
const toTeamLeader = (transfer: WalkStep) =>
  walk(def, [...toBriefedTransfer, transfer, { wrap: { disposition: 'escalated-team-leader', notes: escalationNotes } }]).scorecard;

describe('demands-a-manager walkthroughs', () => {
  it('best path: honours the manager request, spots the email near miss, puts it right, offers the manager again, logs the complaint', () => {
    const { scorecard } = walk(def, [
      ...heard,
      "i've not forgotten the team leader",
      ...verified,
      ...fixed,
      "no, it doesn't, and i won't pretend",
      '[logs the complaint] absolutely',
      'reference cmp-208815',
      { wrap: { disposition: 'complaint-resolved-goodwill', notes: bestNotes } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.hold).toBe(0);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 120);
  });

  it('team leader free: a warm escalation to the team leader with the right handover', () => {
    const scorecard = toTeamLeader({ transfer: 'team-leader' });
    expect(scorecard.outcome).toBe('escalated');
    expect(scorecard.qa.critical).toEqual([]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(mark(scorecard, 'auto-transfer-team')).toBe('met');
    expect(mark(scorecard, 'auto-transfer-handover')).toBe('met');
    expect(scorecard.qa.score).toBeGreaterThanOrEqual(90);
  });

  it('a vague handover to the team leader is scored as such', () => {
    const scorecard = toTeamLeader({ transfer: 'team-leader', handover: 'lady about the sofa' });
    expect(mark(scorecard, 'auto-transfer-handover')).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('a cold transfer to the team leader where a warm one was due is scored as such', () => {
    const scorecard = toTeamLeader({ transfer: 'team-leader', mode: 'cold' });
    expect(scorecard.outcome).toBe('escalated');
    expect(mark(scorecard, 'auto-transfer-warm')).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('sending her to customer relations instead of a manager: the wrong team, transferred, no FCR', () => {
    const { scorecard } = walk(def, [
      ...toBriefedTransfer,
      { transfer: 'customer-relations' },
      { wrap: { disposition: 'transferred-customer-relations', notes: 'Wanted a manager; transferred to customer relations.' } },
    ]);
    expect(scorecard.outcome).toBe('transferred');
    expect(scorecard.fcr.value).toBe('no');
    expect(mark(scorecard, 'auto-transfer-team')).toBe('missed');
  });

  it('no team leader free: a named, timed callback from Priya', () => {
    const { scorecard } = walk(def, [
      ...heard,
      "i've not forgotten the team leader",
      ...verified,
      'bear with me while i open the order',
      { kb: 'brightwell-failed-delivery' },
      "honestly, lorraine, it's on us",
      'next free slot is thursday',
      'of course. can i put you on hold',
      'resume',
      { transfer: 'team-leader' },
      'i\'ll book priya to ring you by four',
      'continue',
      { wrap: { disposition: 'callback-booked', notes: 'Wanted a manager after rebooking. Priya (team leader) in a meeting: callback booked by 4pm today. Complaint CMP-208815 logged.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical).toEqual([]);
    expect(mark(scorecard, 'fix-right')).toBe('missed');
  });

  it('"calm down" then "nothing more": she hangs up and the manager refusal is critical', () => {
    const { scorecard } = walk(def, [
      greet,
      'calm down for a second',
      "there's nothing more a manager can do",
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
      greet,
      "managers don't usually take calls",
      "you're right, and i'm sorry, that came out wrong",
      "i've not forgotten the team leader",
      ...verified,
      ...fixed,
      "no, it doesn't, and i won't pretend",
      '[logs the complaint] absolutely',
      'reference cmp-208815',
      { wrap: { disposition: 'complaint-resolved-goodwill', notes: bestNotes } },
    ]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['manager-request']);
    expect(scorecard.qa.score).toBe(60);
    expect(scorecard.qa.raw).toBeGreaterThan(60);
  });

  it('passing the .com email is fatal once she is told the right one, and names the misread field', () => {
    const { scorecard, transcript } = walk(def, [
      ...heard,
      "i've not forgotten the team leader",
      "i'll just ask you a few security questions",
      { idv: 'pass', misread: ['email'] },
      "it's on here as dot co dot uk anyway",
      { idv: 'pass' },
      ...fixed,
      "no, it doesn't, and i won't pretend",
      '[logs the complaint] absolutely',
      'reference cmp-208815',
      { wrap: { disposition: 'complaint-resolved-goodwill', notes: bestNotes } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.qa.score).toBe(0);
    expect(transcript.some((t) => t.trap?.includes('email') === true && t.trap.includes('misread'))).toBe(true);
  });

  it('asking more security questions than the policy needs costs the proportionate item on her third call', () => {
    const { scorecard } = walk(def, [
      ...heard,
      "i've not forgotten the team leader",
      "i'll just ask you a few security questions",
      { idv: 'fail' },
      'read me your email address off the confirmation',
      { idv: 'pass', ask: ['orderNumber', 'postcode', 'email', 'phone', 'address'] },
      ...fixed,
      "no, it doesn't, and i won't pretend",
      '[logs the complaint] absolutely',
      'reference cmp-208815',
      { wrap: { disposition: 'complaint-resolved-goodwill', notes: bestNotes } },
    ]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(mark(scorecard, 'auto-idv-proportionate')).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('reading her address out before ID&V is fatal', () => {
    const { scorecard } = walk(def, [
      ...heard,
      "i've not forgotten the team leader",
      "is it still 22 cedar grove",
      { idv: 'fail' },
      'read me your email address off the confirmation',
      { idv: 'pass' },
      ...fixed,
      "no, it doesn't, and i won't pretend",
      '[logs the complaint] absolutely',
      'reference cmp-208815',
      { wrap: { disposition: 'complaint-resolved-goodwill', notes: bestNotes } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.fcr.value).toBe('no');
  });
});
