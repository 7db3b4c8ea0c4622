import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/vulnerable-bereavement.yaml');
const GOOD_NOTES =
  'Wife Jean called: Derek died last month. Account moving to Jean from date of death, letters stopped, final bill to estate. ' +
  'With her consent: bereaved, hard of hearing, large print, income uncertain; added to PSR. Nominee form for son Mark posted. ' +
  'Signposted Cruse and free debt advice. Ref TE-778310.';
const WRAP: WalkStep = { wrap: { disposition: 'bereavement-notified', notes: GOOD_NOTES } };

function mark(scorecard: Scorecard, id: string): string | undefined {
  return scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;
}

const toDetails = ['good afternoon, tamar energy, you', 'so sorry to hear about derek'];
const toMoney = ['nothing to be sorry for', 'speaks more slowly and clearly] of course', { kb: 'tamar-bereavement-procedure' }, 'no credit check, no charge'];
const fromConsent = ['may i note that', "with jean's agreement", 'add mark as someone', 'bereavement charity, like cruse', "so, to recap: nobody's"];

describe('vulnerable-bereavement walkthroughs', () => {
  it('best path: condolences, responds to each disclosure, checks the procedure, keeps figures for the estate, consent before noting', () => {
    const { scorecard } = walk(def, [...toDetails, ...toMoney, 'settled through his estate', ...fromConsent, WRAP]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(mark(scorecard, 'auto-kb-article')).toBe('met');
  });

  it('issue 10: confirming the widow\'s own postcode is not a data breach (the fault is the pace)', () => {
    const { scorecard } = walk(def, [
      'good afternoon, tamar energy, you',
      'so that i can find the letter',
      'is the postcode there tr14 7px',
      ...toMoney,
      'settled through his estate',
      ...fromConsent,
      WRAP,
    ]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical).toEqual([]);
    expect(mark(scorecard, 'no-rush')).toBe('missed');
    expect(mark(scorecard, 'estate-routing')).toBe('met');
    expect(scorecard.qa.score).toBeGreaterThan(60);
    expect(scorecard.qa.score).toBeLessThan(100);
  });

  it('issue 10: telling her Derek\'s balance breaks the estate policy (critical), not data-protection law (no fatal)', () => {
    const { scorecard, transcript } = walk(def, [...toDetails, ...toMoney, 'let me have a look for you', ...fromConsent, WRAP]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['estate-routing']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
    const feedback = transcript.find((t) => t.text.includes('£64.20'))?.trap ?? '';
    expect(feedback).toMatch(/not a data breach/i);
    expect(feedback).toMatch(/executor or administrator/i);
  });

  it('moving Derek\'s debt onto her new account is a critical policy miss, and the wrong process', () => {
    const { scorecard } = walk(def, [
      ...toDetails,
      'nothing to be sorry for',
      'speaks more slowly and clearly] of course',
      { kb: 'tamar-bereavement-procedure' },
      "move what's owing on it",
      'i put that badly',
      ...fromConsent,
      WRAP,
    ]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['estate-routing']);
    expect(mark(scorecard, 'process-correct')).toBe('missed');
  });

  it('using the moving-home article gives her the wrong process: credit check and a reading today', () => {
    const { scorecard } = walk(def, [
      ...toDetails,
      'nothing to be sorry for',
      'speaks more slowly and clearly] of course',
      { kb: 'tamar-change-of-occupier' },
      'meter reading today',
      'i gave you the wrong process',
      'settled through his estate',
      ...fromConsent,
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(mark(scorecard, 'process-correct')).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(90);
  });

  it('ploughing on with the script and sending her away: vulnerability ignored (critical)', () => {
    const { scorecard } = walk(def, [
      'good afternoon, tamar energy, you',
      'so that i can find the letter',
      'is the postcode there tr14 7px',
      "close derek's account today",
      'if you ring us back once',
      { wrap: { disposition: 'bereavement-noted', notes: 'Wife called re returned DD, account holder deceased. Needs bank details, will ring back.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['vuln-ack']);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('flagging her as needing "extra care" without asking costs the consent item', () => {
    const { scorecard } = walk(def, [...toDetails, ...toMoney, 'settled through his estate', 'adds a vulnerability marker', 'that came out wrong', ...fromConsent.slice(1), WRAP]);
    expect(mark(scorecard, 'consent-asked')).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(95);
  });

  it('"whoever is dealing with his estate" and a demand for paperwork: she hangs up in tears', () => {
    const { scorecard } = walk(def, [
      'good afternoon, tamar energy, you',
      'whoever is dealing with his estate',
      'death certificate first',
      { wrap: { disposition: 'customer-ended-call', notes: 'Caller said account holder has died. Advised to send death certificate.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['vuln-ack']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('a warm transfer to the bereavement team with a full handover is kind but not first-contact resolution', () => {
    const { scorecard } = walk(def, [
      ...toDetails,
      'shall i put you through',
      { transfer: 'bereavement' },
      { wrap: { disposition: 'transferred-bereavement', notes: 'Derek Pascoe died last month; widow Jean called. Warm transfer to bereavement team (Tamsin).' } },
    ]);
    expect(scorecard.outcome).toBe('transferred');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(mark(scorecard, 'auto-transfer-team')).toBe('met');
    expect(mark(scorecard, 'auto-transfer-handover')).toBe('met');
    expect(scorecard.qa.score).toBeLessThan(80);
  });

  it('transferring her to collections sends a widow back to the arrears letter', () => {
    const { scorecard } = walk(def, [
      ...toDetails,
      'shall i put you through',
      { transfer: 'collections', handover: 'bereavement side of things' },
      { wrap: { disposition: 'transferred-other', notes: 'Derek Pascoe died; widow transferred.' } },
    ]);
    expect(scorecard.endingSummary).toMatch(/wrong team/);
    expect(mark(scorecard, 'auto-transfer-team')).toBe('missed');
    expect(mark(scorecard, 'auto-transfer-handover')).toBe('missed');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
  });

  it('a callback from the bereavement team is kind but leaves a follow-up', () => {
    const { scorecard } = walk(def, [
      ...toDetails,
      'specialist bereavement team',
      'continue',
      { wrap: { disposition: 'bereavement-callback', notes: 'Derek Pascoe died last month; wife Jean called. Bereavement team to call back tomorrow am.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(80);
  });
});
