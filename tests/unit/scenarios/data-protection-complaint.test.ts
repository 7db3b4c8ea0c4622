import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/data-protection-complaint.yaml');
const GOOD_NOTES =
  'Final reminder with itemised bill sent 20 Nov to old billing address (APP-311 fault); ex-partner opened it. No safety concern. ' +
  'Billing address updated to 14 Ardgreenan Mews. Data-protection complaint logged DPC-40917. Breach reported to data protection office today. Told ICO if unhappy after our answer.';
const WRAP: WalkStep = { wrap: { disposition: 'dp-complaint', notes: GOOD_NOTES } };

function mark(scorecard: Scorecard, id: string): string | undefined {
  return scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;
}

const greet = "you're through to sam";
const toDetails: WalkStep[] = [greet, "that's a horrible thing to find out", { idv: 'pass' }, 'you changed your address on 2 september', 'can i ask a couple of things'];
const toLogging: WalkStep[] = [...toDetails, 'thank you, that helps. first', { kb: 'data-protection-complaints' }];
const breachAndClose: WalkStep[] = [
  'him opening it is a data breach',
  { kb: 'lough-personal-data-breach' },
  "i'm reporting it to our data protection office now",
  'then you can complain to the information commissioner',
  'has the breach report today',
];

describe('data-protection-complaint walkthroughs', () => {
  it('best path: owns it, fixes the address, logs with our own data-protection process first, reports the breach today, ICO afterwards', () => {
    const { scorecard, transcript } = walk(def, [...toLogging, "i'm logging this now as a data-protection complaint", ...breachAndClose, WRAP]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.aht.total).toBeLessThanOrEqual(def.scenario.targets.ahtSeconds);
    // The firm's own process comes before the ICO is mentioned.
    const said = transcript.map((t) => t.text);
    const logged = said.findIndex((t) => t.includes('DPC-40917'));
    const ico = said.findIndex((t) => t.includes("Information Commissioner's Office"));
    expect(logged).toBeGreaterThan(-1);
    expect(ico).toBeGreaterThan(logged);
  });

  it('sending her straight to the ICO is wrong: nothing logged, nothing reported, a critical miss', () => {
    const { scorecard } = walk(def, [
      greet,
      "the people to speak to are the information commissioner's office",
      'the ico has more power over this',
      { wrap: { disposition: 'referred-ico', notes: 'Letter to old address. Referred to ICO.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(mark(scorecard, 'ico-after')).toBe('missed');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(expect.arrayContaining(['dp-complaint-logged', 'breach-reported']));
    expect(scorecard.qa.score).toBeLessThan(40);
  });

  it('pointing her to the ICO first still costs the ICO item even when the agent recovers and logs it', () => {
    const { scorecard } = walk(def, [
      greet,
      "the people to speak to are the information commissioner's office",
      "sorry, that came out wrong. we'll look into it",
      { idv: 'pass' },
      'you changed your address on 2 september',
      'can i ask a couple of things',
      'thank you, that helps. first',
      { kb: 'data-protection-complaints' },
      "i'm logging this now as a data-protection complaint",
      ...breachAndClose,
      WRAP,
    ]);
    expect(scorecard.qa.critical).toEqual([]);
    expect(mark(scorecard, 'ico-after')).toBe('missed');
    expect(mark(scorecard, 'complaint-recognised')).toBe('missed');
    expect(scorecard.qa.score).toBeLessThan(90);
  });

  it('a defensive denial ("the app only changes your home address") costs the own-it item', () => {
    const { scorecard } = walk(def, [
      greet,
      "that's a horrible thing to find out",
      { idv: 'pass' },
      'the app only changes your home address',
      "no, it isn't your fault at all",
      'can i ask a couple of things',
      'thank you, that helps. first',
      { kb: 'data-protection-complaints' },
      "i'm logging this now as a data-protection complaint",
      ...breachAndClose,
      WRAP,
    ]);
    expect(mark(scorecard, 'own-it')).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(95);
  });

  it('denying it before looking, then doubling down, makes her hang up', () => {
    const { scorecard } = walk(def, [
      greet,
      "didn't go through properly at your end",
      'we can only go on what',
      { wrap: { disposition: 'customer-ended-call', notes: 'Letter to old address. Customer hung up.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(mark(scorecard, 'own-it')).toBe('missed');
  });

  it('reading the old address back "to check" before security is a fatal breach', () => {
    const { scorecard } = walk(def, [
      greet,
      'was that to flat 2, 31 rugby terrace',
      { idv: 'pass' },
      'you changed your address on 2 september',
      'can i ask a couple of things',
      'thank you, that helps. first',
      { kb: 'data-protection-complaints' },
      "i'm logging this now as a data-protection complaint",
      ...breachAndClose,
      WRAP,
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });

  it('leaving the breach for the complaint investigation misses the 72-hour report (critical)', () => {
    const { scorecard } = walk(def, [
      ...toLogging,
      "i'm logging this now as a data-protection complaint",
      'pick it up when they investigate',
      'then you can complain to the information commissioner',
      'has the breach report today',
      WRAP,
    ]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['breach-reported']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('answering from the returned-post procedure treats a breach as an address change', () => {
    const { scorecard } = walk(def, [
      ...toLogging,
      "i'm logging this now as a data-protection complaint",
      'him opening it is a data breach',
      { kb: 'lough-returned-post' },
      'nothing more we need to do there',
      'then you can complain to the information commissioner',
      'has the breach report today',
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['breach-reported']);
  });

  it('logging it under the service complaints code gives her the wrong route (8 weeks, ombudsman)', () => {
    const { scorecard } = walk(def, [...toDetails, 'thank you, that helps. first', { kb: 'lough-complaints-code' }, 'complaint about the letter, reference cmp-40917', ...breachAndClose, WRAP]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(mark(scorecard, 'dp-complaint-logged')).toBe('partial');
    expect(mark(scorecard, 'ico-after')).toBe('missed');
    expect(scorecard.qa.critical).toEqual([]);
  });

  it('a warm transfer to the data protection office is the right team but not first-contact resolution; complaints is the wrong team', () => {
    const toTransfer: WalkStep[] = [...toDetails, 'put you through to our data protection office'];
    const right = walk(def, [...toTransfer, { transfer: 'data-protection' }, { wrap: { disposition: 'transferred-dpo', notes: 'Letter to old address opened by ex. Warm transfer to data protection (Orla).' } }]);
    expect(right.scorecard.outcome).toBe('transferred');
    expect(right.scorecard.fcr.value).toBe('no');
    expect(mark(right.scorecard, 'auto-transfer-handover')).toBe('met');
    expect(right.scorecard.qa.score).toBeLessThan(80);
    const wrong = walk(def, [...toTransfer, { transfer: 'complaints', handover: 'very upset' }, { wrap: { disposition: 'transferred-other', notes: 'Letter to old address. Transferred.' } }]);
    expect(mark(wrong.scorecard, 'auto-transfer-team')).toBe('missed');
    expect(mark(wrong.scorecard, 'auto-transfer-handover')).toBe('missed');
    expect(wrong.scorecard.csat.stars).toBeLessThanOrEqual(2);
  });
});
