import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/subject-access-request.yaml');
const TARGET = 420;
const GOOD_NOTES =
  'Subject access request taken by phone, ID&V passed. Logged on SAR form, ref DSAR-50318, routed to Data Protection. ' +
  'Wants everything, esp. notes and Jan call recording. Free, 1 calendar month. Secure link by email.';

const afterIdv = [
  'no form needed',
  'opens the subject access guide',
  'continue',
  'good news',
  "no, it's free",
  'one calendar month from today',
  'secure download link',
  'logs the request',
  'to recap',
];

describe('subject-access-request walkthroughs', () => {
  it('best path: recognises the SAR, checks ID, logs it with the right facts', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      "it's not random",
      { idv: 'pass' },
      ...afterIdv,
      { wrap: { disposition: 'sar-logged', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('reading her address out before security is fatal, even though the rest goes well', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      'is that still 9 maes-y-coed',
      "you're absolutely right",
      { idv: 'pass' },
      ...afterIdv,
      { wrap: { disposition: 'sar-logged', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('insisting the request must be in writing: she hangs up and the SAR is never recognised', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      'put that in writing',
      'has to be in writing',
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer asked for her data. Told to write in. Hung up.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['sar-recognised']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('charging the old £10 fee and the 40-day rule cost the compliance marks', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      "it's not random",
      { idv: 'pass' },
      'no form needed',
      "recordings aren't included",
      'ten-pound admin fee',
      "you're right, and i'm sorry",
      "it's forty days",
      'secure download link',
      'logs the request',
      'to recap',
      { wrap: { disposition: 'sar-logged', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(80);
    const marks = Object.fromEntries(scorecard.qa.sections.flatMap((s) => s.items.map((i) => [i.id, i.mark])));
    expect(marks['no-fee']).toBe('missed');
    expect(marks['timescale']).toBe('missed');
    expect(marks['scope-accurate']).toBe('missed');
  });

  it('failing a genuine caller leaves her request unlogged', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      "it's not random",
      { idv: 'fail' },
      "can't take the request",
      { wrap: { disposition: 'idv-failed', notes: 'Failed security. Advised to write in.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
    const idv = scorecard.qa.sections.find((s) => s.id === 'idv');
    expect(idv?.items.find((i) => i.id === 'auto-idv-verdict')?.mark).toBe('missed');
  });

  it('a warm transfer to Data Protection works but is not first-contact resolution', () => {
    const { scorecard } = walk(def, [
      'good morning, glas',
      'let me put you through',
      'continue',
      { wrap: { disposition: 'transferred-data-protection', notes: 'Customer wants a copy of her data (SAR). Warm transfer to Rhian, Data Protection.' } },
    ]);
    expect(scorecard.outcome).toBe('transferred');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.fatal).toEqual([]);
  });
});
