import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/justified-fury-missed-engineer.yaml');
const TARGET = 600;
const GOOD_NOTES =
  'FLT-552108: 2 missed visits (5 Nov no-show, 11 Nov false "no access" removed, doorbell video). Engineer Dean Roberts booked Sat 8-10, first job, confirmed by field manager. Auto comp £157.68 + £100 goodwill (TL) = £257.68 credited. Complaint CMP-9920316. I will check at 10.';

const toRecord = ['good afternoon, halo', '[stays quiet', "you've every right to be angry", 'just three quick things', { idv: 'pass' } as const];
const afterHold = ['thanks for holding, kerry-ann. an engineer', 'fair question'];

describe('justified-fury-missed-engineer walkthroughs', () => {
  it('best path: lets her vent, owns it, fixes the record, gets a named first-slot engineer and real money, commits to a time', () => {
    const { scorecard } = walk(def, [
      ...toRecord,
      'i can see both visits',
      'continue',
      'two things. first',
      'check back',
      'check back',
      'resume',
      ...afterHold,
      'one more thing',
      'so, to recap',
      { wrap: { disposition: 'fault-engineer-booked', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('everything put right but the complaint not logged: critical fail, QA capped at 60', () => {
    const { scorecard } = walk(def, [
      ...toRecord,
      'i can see both visits',
      'continue',
      'two things. first',
      'check back',
      'check back',
      'resume',
      ...afterHold,
      'is there anything else i can help with',
      { wrap: { disposition: 'fault-engineer-booked', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['complaint-logged']);
    expect(scorecard.qa.score).toBe(60);
    expect(scorecard.csat.stars).toBe(5);
  });

  it('"calm down" brings a request for a manager; honouring it ends the call with the team leader', () => {
    const { scorecard } = walk(def, [
      'good afternoon, halo',
      'if you can calm down for me',
      "you're right, i'm sorry, that was the wrong thing to say",
      'continue',
      { wrap: { disposition: 'escalated-team-leader', notes: 'Two missed engineer visits, broadband down 11 days. Asked for manager; passed to team leader Maxine.' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.band).toBe('red');
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('complaint-logged');
  });

  it('interrupting, policing her language and refusing a manager: she hangs up', () => {
    const { scorecard } = walk(def, [
      'good afternoon, halo',
      'can i just take your account number',
      '[lets her finish]',
      'mind your language',
      'keep it civil',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up. Missed engineer visits.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(expect.arrayContaining(['manager-request', 'complaint-logged']));
  });

  it('siding with the "no access" record against her doorbell video: she hangs up', () => {
    const { scorecard } = walk(def, [
      ...toRecord,
      'our records show',
      'i can only go by what the system tells me',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up disputing no access.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
  });

  it('the next system slot and £10 leaves her waiting a third time', () => {
    const { scorecard } = walk(def, [
      ...toRecord,
      'i can see both visits',
      'continue',
      'thursday the 20th',
      "thursday's the first one the system",
      { wrap: { disposition: 'fault-engineer-booked-std', notes: 'Engineer booked Thu 20 Nov 8-6.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['complaint-logged']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });
});
