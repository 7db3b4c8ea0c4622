import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/subject-access-request.yaml');
const TARGET = 540;
const GOOD_NOTES =
  'Subject access request taken by phone, ID&V passed. Logged on SAR form, ref DSAR-50318, routed to Data Protection. ' +
  'Wants everything, esp. notes and Jan call recording. Free, 1 calendar month from today. Secure link by email. Told complaints route: us first, then ICO.';
const WRAP: WalkStep = { wrap: { disposition: 'sar-logged', notes: GOOD_NOTES } };

function mark(scorecard: Scorecard, id: string): string | undefined {
  return scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;
}

const afterIdv: WalkStep[] = [
  'no form needed; i can log it',
  'opens the knowledge base',
  { kb: 'subject-access-requests' },
  'searches every system',
  "no, it's free",
  'one calendar month from today',
  'secure download link',
  'logs the request on the subject access form',
];
const recapRight = "tell us and we'll log a data-protection complaint";

describe('subject-access-request walkthroughs', () => {
  it('best path: recognises the SAR, checks ID with the policy questions only, logs it with the right facts', () => {
    const { scorecard } = walk(def, ['good morning, glas', "it's not random", { idv: 'pass' }, ...afterIdv, recapRight, WRAP]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(mark(scorecard, 'auto-idv-proportionate')).toBe('met');
  });

  it('issue 10: since 19 June 2026 the complaints route is our own process first, then the ICO', () => {
    const { scorecard, transcript } = walk(def, [
      'good morning, glas',
      "it's not random",
      { idv: 'pass' },
      ...afterIdv,
      'complain straight to the information commissioner',
      WRAP,
    ]);
    expect(mark(scorecard, 'complaint-route')).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(100);
    expect(transcript.some((t) => (t.trap ?? '').includes('19 June 2026'))).toBe(true);
  });

  it('issue 10: "stopping the clock" on a clear request for everything is wrong', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      "it's not random",
      { idv: 'pass' },
      'could you narrow it down',
      'i put that badly',
      ...afterIdv.slice(1),
      recapRight,
      WRAP,
    ]);
    expect(mark(scorecard, 'timescale')).toBe('missed');
    expect(mark(scorecard, 'discovery-scope')).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
  });

  it('issue 10: "reasonable and proportionate" limits the search, not which data counts; a fee for "everything" is wrong', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      "it's not random",
      { idv: 'pass' },
      'no form needed; i can log it',
      'opens the knowledge base',
      { kb: 'subject-access-requests' },
      'written summary of the calls',
      'may decide it\'s excessive',
      "you're right, and i'm sorry",
      'one calendar month from today',
      'secure download link',
      'logs the request on the subject access form',
      recapRight,
      WRAP,
    ]);
    expect(mark(scorecard, 'scope-accurate')).toBe('partial');
    expect(mark(scorecard, 'no-fee')).toBe('missed');
    expect(scorecard.qa.score).toBeLessThanOrEqual(90);
  });

  it('quoting the copy-bill article: wrong article, a charge and ten working days', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      "it's not random",
      { idv: 'pass' },
      'no form needed; i can log it',
      'opens the knowledge base',
      { kb: 'glas-copy-bills-statements' },
      'searches every system',
      'five pounds each',
      "you're right, and i'm sorry",
      'ten working days',
      'secure download link',
      'logs the request on the subject access form',
      recapRight,
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(mark(scorecard, 'no-fee')).toBe('missed');
    expect(mark(scorecard, 'timescale')).toBe('missed');
    expect(scorecard.qa.score).toBeLessThanOrEqual(80);
  });

  it('reading her address out before security is fatal, even though the rest goes well', () => {
    const { scorecard } = walk(def, ['good morning, glas', 'is that still 9 maes-y-coed', "you're absolutely right", { idv: 'pass' }, ...afterIdv, recapRight, WRAP]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('passing her without asking the postcode is not a real pass: reading her email back is then fatal', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      "it's not random",
      { idv: 'pass', ask: ['fullName', 'dateOfBirth'] },
      ...afterIdv,
      recapRight,
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-idv-verdict')).toBe('missed');
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('asking for her mobile and email as well is over-verification on a request for her own data', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      "it's not random",
      { idv: 'pass', ask: ['fullName', 'dateOfBirth', 'postcode', 'mobile', 'email'] },
      ...afterIdv,
      recapRight,
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-idv-proportionate')).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('insisting the request must be in writing: she hangs up and the SAR is never recognised', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      'go to our data protection team in writing',
      'it does have to be in writing',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer asked for her data. Told to write in. Hung up.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['sar-recognised']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('misreading "eleventh of April, ninety-one" and failing a genuine caller leaves her request unlogged', () => {
    const { scorecard, transcript } = walk(def, [
      'good morning, glas',
      "it's not random",
      { idv: 'fail', misread: ['dateOfBirth'] },
      "can't take the request without security",
      { wrap: { disposition: 'idv-failed', notes: 'Failed security. Advised to write in.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
    expect(mark(scorecard, 'auto-idv-verdict')).toBe('missed');
    expect(mark(scorecard, 'auto-idv-marks')).toBe('missed');
    expect(transcript.some((t) => (t.trap ?? '').includes('date of birth'))).toBe(true);
  });

  it('a warm transfer to the Data Protection office works but is not first-contact resolution', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      'let me put you through to them now',
      { transfer: 'data-protection' },
      { wrap: { disposition: 'transferred-data-protection', notes: 'Customer wants a copy of her data (SAR). Warm transfer to Rhian, Data Protection.' } },
    ]);
    expect(scorecard.outcome).toBe('transferred');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(mark(scorecard, 'auto-transfer-handover')).toBe('met');
  });

  it('a transfer to complaints with a "she wants to complain" handover goes to the wrong team with the wrong facts', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      'let me put you through to them now',
      { transfer: 'complaints', handover: 'wants to complain' },
      { wrap: { disposition: 'transferred-other', notes: 'SAR caller transferred.' } },
    ]);
    expect(scorecard.endingSummary).toMatch(/doesn't handle subject access|does not handle subject access|team that doesn't/);
    expect(mark(scorecard, 'auto-transfer-team')).toBe('missed');
    expect(mark(scorecard, 'auto-transfer-handover')).toBe('missed');
  });
});
