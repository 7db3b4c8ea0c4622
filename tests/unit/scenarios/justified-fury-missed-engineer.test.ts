import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep, marks } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/justified-fury-missed-engineer.yaml');
const TARGET = 660;
const GOOD_NOTES =
  'FLT-552108: 2 missed visits (4 Nov no-show, 10 Nov false "no access" removed, doorbell video). Engineer Dean Roberts booked Sat 14 Nov 8-10, first job, confirmed by field manager. Auto comp £157.68 to date, £10.34 per day until fixed, + £100 goodwill (TL) = £257.68 credited. Complaint CMP-9920316. I will check at 10.';

/** She first gives the fault reference from her emails as the account number: the right verdict is fail, then a fair second go. */
const toRecord: WalkStep[] = [
  'good afternoon, halo broadband',
  '[stays quiet',
  "you've every right to be angry",
  'just three quick things',
  { idv: 'fail' },
  "it's not wrong, it's just not the account number",
  { idv: 'pass' },
];
const toRedress: WalkStep[] = [...toRecord, 'i can see both visits: a no-show', { kb: 'halo-repeat-missed-visits' }];
const hold: WalkStep[] = ['two things. i won', 'check back', 'check back', 'resume'];
const close: WalkStep[] = ['fair question', "i'm logging this as a formal complaint", 'so: dean roberts'];


describe('justified-fury-missed-engineer walkthroughs', () => {
  it('best path: lets her vent, fixes the record, named first-slot engineer, compensation that keeps accruing until the repair', () => {
    const { scorecard, transcript } = walk(def, [
      ...toRedress,
      ...hold,
      'plus £10.34 for every day until it',
      ...close,
      { wrap: { disposition: 'fault-engineer-booked', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(marks(scorecard)['comp-accrues']).toBe('met');
    expect(JSON.stringify(transcript)).toMatch(/£10\.34 for every day until it's fixed/);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 120);
  });

  it('telling her £157.68 is "in full" misses that late-repair compensation keeps accruing until the repair is done', () => {
    const { scorecard } = walk(def, [
      ...toRedress,
      ...hold,
      'your compensation paid in full',
      ...close,
      { wrap: { disposition: 'fault-engineer-booked', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(marks(scorecard)['comp-accrues']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('the late-installation article pays the wrong daily rate: the look-up and the compensation are both scored down', () => {
    const { scorecard } = walk(def, [
      ...toRecord,
      'i can see both visits: a no-show',
      { kb: 'halo-late-installation' },
      ...hold,
      'at £6.46 a day',
      ...close,
      { wrap: { disposition: 'fault-engineer-booked', notes: GOOD_NOTES } },
    ]);
    const m = marks(scorecard);
    expect(m['auto-kb-article']).toBe('missed');
    expect(m['compensation']).toBe('partial');
    expect(m['comp-accrues']).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(95);
  });

  it('passing her on the fault reference given as the account number is a near-miss: fatal, with the misread field named', () => {
    const { scorecard, transcript } = walk(def, [
      'good afternoon, halo broadband',
      '[stays quiet',
      "you've every right to be angry",
      'just three quick things',
      { idv: 'pass', misread: ['accountNumber'] },
      'i can see both visits: a no-show',
      { kb: 'halo-repeat-missed-visits' },
      ...hold,
      'plus £10.34 for every day until it',
      ...close,
      { wrap: { disposition: 'fault-engineer-booked', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(transcript.find((turn) => turn.trap?.includes('misread'))?.trap).toMatch(/misread the account number/i);
  });

  it('making a furious caller answer extra security questions is over-verification, scored as a fault on this call', () => {
    const extra = ['accountNumber', 'postcode', 'dateOfBirth', 'mobile', 'address'];
    const { scorecard } = walk(def, [
      'good afternoon, halo broadband',
      '[stays quiet',
      "you've every right to be angry",
      'just three quick things',
      { idv: 'fail', ask: extra },
      "it's not wrong, it's just not the account number",
      { idv: 'pass', ask: extra },
      'i can see both visits: a no-show',
      { kb: 'halo-repeat-missed-visits' },
      ...hold,
      'plus £10.34 for every day until it',
      ...close,
      { wrap: { disposition: 'fault-engineer-booked', notes: GOOD_NOTES } },
    ]);
    expect(marks(scorecard)['auto-idv-proportionate']).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('everything put right but the complaint not logged: critical fail, QA capped at 60', () => {
    const { scorecard } = walk(def, [
      ...toRedress,
      ...hold,
      'plus £10.34 for every day until it',
      'fair question',
      "i think that's everything sorted",
      { wrap: { disposition: 'fault-engineer-booked', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['complaint-logged']);
    expect(scorecard.qa.score).toBe(60);
  });

  it('"calm down" brings a request for a manager; a warm escalation with a true handover ends with the team leader', () => {
    const { scorecard } = walk(def, [
      'good afternoon, halo broadband',
      'if you can calm down for me',
      "you're right, i'm sorry, that was the wrong thing to say",
      { transfer: 'team-leader', mode: 'warm', handover: 'not verified yet' },
      { wrap: { disposition: 'escalated-team-leader', notes: 'Two missed engineer visits, second marked no access (disputed). Broadband down 11 days. Asked for manager; passed to team leader.' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
    expect(scorecard.qa.band).toBe('red');
    expect(marks(scorecard)['auto-transfer-handover']).toBe('met');
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('complaint-logged');
  });

  it('a handover that calls her verified and abusive is scored as a wrong handover', () => {
    const { scorecard } = walk(def, [
      'good afternoon, halo broadband',
      'if you can calm down for me',
      "you're right, i'm sorry, that was the wrong thing to say",
      { transfer: 'team-leader', mode: 'warm', handover: 'swearing at me' },
      { wrap: { disposition: 'escalated-team-leader', notes: 'Missed engineer visits. Asked for manager; passed to team leader.' } },
    ]);
    expect(marks(scorecard)['auto-transfer-handover']).toBe('missed');
  });

  it('interrupting, policing her language and refusing a manager: she hangs up', () => {
    const { scorecard } = walk(def, [
      'good afternoon, halo broadband',
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

  it('the next system slot and a "claim" leaves her waiting a third time', () => {
    const { scorecard } = walk(def, [
      ...toRedress,
      'flag it as urgent',
      "thursday's honestly the first one",
      { wrap: { disposition: 'fault-engineer-booked-std', notes: 'Engineer booked Thu 19 Nov 8-6.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['complaint-logged']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });
});
