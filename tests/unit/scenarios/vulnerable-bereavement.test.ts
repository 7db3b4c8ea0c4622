import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall } from '../../helpers/walkthrough.ts';

const def = loadScenarioFile('scenarios/vulnerable-bereavement.yaml');
const TARGET = 450;
const GOOD_NOTES =
  'Wife Jean called: Derek died last month. Account moving to Jean from date of death, letters stopped, final bill to estate. ' +
  'With her consent: bereaved, hard of hearing, large print, income uncertain; added to PSR. Nominee form for son Mark posted. ' +
  'Signposted Cruse and free debt advice. Ref TE-778310.';

const fromConsent = ['with jean\'s agreement', 'add mark as someone', 'one more thing', 'so, to recap'];

describe('vulnerable-bereavement walkthroughs', () => {
  it('best path: condolences, responds to each disclosure, consent before noting, signposts', () => {
    const { scorecard } = walk(def, [
      'good afternoon, tamar',
      'so sorry to hear about derek',
      'nothing to be sorry for',
      'speaks more slowly',
      'dealt with through his estate',
      'not a nuisance at all',
      ...fromConsent,
      { wrap: { disposition: 'bereavement-notified', notes: GOOD_NOTES } },
    ]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 90);
  });

  it('ploughing on with the script and sending her away: vulnerability ignored (critical)', () => {
    const { scorecard } = walk(def, [
      'good afternoon, tamar',
      'for security, can i take',
      'is the postcode tr14 7px',
      'close derek\'s account',
      'ring back when you\'ve found them',
      { wrap: { disposition: 'missed-payment', notes: 'Wife called re returned DD, account holder deceased. Needs bank details, will ring back.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['vuln-ack']);
    // Reading the postcode out to a caller with no authority is also fatal.
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
    expect(scorecard.qa.score).toBe(0);
  });

  it('telling her the balance of Derek\'s account is a third-party disclosure', () => {
    const { scorecard } = walk(def, [
      'good afternoon, tamar',
      'so sorry to hear about derek',
      'nothing to be sorry for',
      'speaks more slowly',
      'let me have a look',
      'not a nuisance at all',
      ...fromConsent,
      { wrap: { disposition: 'bereavement-notified', notes: GOOD_NOTES } },
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
    expect(scorecard.qa.score).toBe(0);
  });

  it('flagging her as vulnerable without asking costs the consent item', () => {
    const { scorecard } = walk(def, [
      'good afternoon, tamar',
      'so sorry to hear about derek',
      'nothing to be sorry for',
      'speaks more slowly',
      'dealt with through his estate',
      "i've flagged you as vulnerable",
      'that came out wrong',
      ...fromConsent,
      { wrap: { disposition: 'bereavement-notified', notes: GOOD_NOTES } },
    ]);
    const consent = scorecard.qa.sections.find((s) => s.id === 'compliance')?.items.find((i) => i.id === 'consent-asked');
    expect(consent?.mark).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(95);
  });

  it('"only the account holder" and a demand for paperwork: she hangs up in tears', () => {
    const { scorecard } = walk(def, [
      'good afternoon, tamar',
      'only discuss the account with the account holder',
      'death certificate',
      { wrap: { disposition: 'customer-ended-call', notes: 'Caller said account holder has died. Advised to send death certificate.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['vuln-ack']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('a callback from the bereavement team is kind but leaves a follow-up', () => {
    const { scorecard } = walk(def, [
      'good afternoon, tamar',
      'so sorry to hear about derek',
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
