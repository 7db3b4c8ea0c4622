import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/lost-parcel-delivery.yaml');
const TARGET = 480;
const GOOD_NOTES =
  'Watch CO-7719305 marked delivered Fri, photo + GPS show wrong house (41 Kilmory Avenue). Goods our risk until received (CRA s.29). ' +
  'Gift-wrapped replacement sent next-day for Wednesday, signature needed. Courier claim opened by us. Ref DNR-52094.';
const WRAP: WalkStep = { wrap: { disposition: 'dnr-replacement', notes: GOOD_NOTES } };

function mark(scorecard: Scorecard, id: string): string | undefined {
  return scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;
}

const toPod: WalkStep[] = [
  'good afternoon, carrick online',
  "oh no, declan, and with niamh's birthday",
  { idv: 'pass' },
  "i've got the lumio watch here",
  "so it says 'porch'",
];
const toOptions: WalkStep[] = [...toPod, 'number 41, and the gps puts the driver on kilmory avenue', { kb: 'carrick-dnr-3' }];
const sendAndClose: WalkStep[] = [
  "it'll go next-day tracked for wednesday",
  'check back',
  'resume',
  "the replacement's on its way for wednesday, gift wrapped",
  'that\'s it. to recap',
];

describe('lost-parcel-delivery walkthroughs', () => {
  it('best path: checks the photo and GPS, owns it, offers a replacement or refund now, sends it safely and keeps the courier off his plate', () => {
    const { scorecard } = walk(def, [...toOptions, "until it's in your hands, it's ours", ...sendAndClose, WRAP]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(mark(scorecard, 'retailer-responsible')).toBe('met');
    expect(scorecard.aht.total).toBeLessThanOrEqual(TARGET);
    expect(scorecard.aht.total).toBeGreaterThan(TARGET - 120);
  });

  it('the law article (s.29) is a right answer too', () => {
    const { scorecard } = walk(def, [
      ...toPod,
      'number 41, and the gps puts the driver on kilmory avenue',
      { kb: 'cra-goods-risk-until-delivered' },
      "until it's in your hands, it's ours",
      ...sendAndClose,
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('met');
    expect(scorecard.qa.score).toBe(100);
  });

  it('sending him to the courier is a critical miss and leaves him with nothing', () => {
    const { scorecard } = walk(def, [
      'good afternoon, carrick online',
      "oh no, declan, and with niamh's birthday",
      { idv: 'pass' },
      "it's them you'd need to raise it with",
      "they're the ones holding the parcel",
      { wrap: { disposition: 'referred-courier', notes: 'Parcel CO-7719305 marked delivered, not received. Referred to SwiftDrop claims.' } },
    ]);
    expect(scorecard.outcome).toBe('unresolved');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['retailer-responsible']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
    expect(scorecard.csat.stars).toBeLessThanOrEqual(2);
  });

  it('calling a replacement "goodwill" because the parcel was at his risk misstates s.29: critical, even though he gets it', () => {
    const { scorecard, transcript } = walk(def, [...toOptions, "technically at your risk", ...sendAndClose, WRAP]);
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['retailer-responsible']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
    expect(transcript.some((t) => /s\.29\(2\)/.test(t.trap ?? ''))).toBe(true);
  });

  it('the withdrawn DNR-2 procedure (wait ten days, ring the police) is a wrong article and a late remedy', () => {
    const { scorecard } = walk(def, [
      ...toPod,
      'number 41, and the gps puts the driver on kilmory avenue',
      { kb: 'carrick-dnr-2' },
      "that can't be right for a parcel",
      { kb: 'carrick-dnr-3' },
      'sorry, declan, i had that wrong',
      ...sendAndClose,
      WRAP,
    ]);
    expect(scorecard.outcome).toBe('resolved');
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(mark(scorecard, 'remedy-now')).toBe('missed');
    expect(scorecard.qa.critical).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(90);
  });

  it('making him wait for the courier investigation brings a request for a manager; a warm, honest escalation', () => {
    const { scorecard } = walk(def, [
      ...toPod,
      "there's a photo of it on a doorstep",
      "that's the process for missing parcels",
      'of course, declan. let me see if my team leader',
      { transfer: 'team-leader' },
      { wrap: { disposition: 'escalated-team-leader', notes: 'Parcel marked delivered to wrong house (GPS). Told customer to wait for courier investigation; asked for a manager, escalated to Gareth.' } },
    ]);
    expect(scorecard.outcome).toBe('escalated');
    expect(mark(scorecard, 'remedy-now')).toBe('missed');
    expect(mark(scorecard, 'manager-request')).toBe('met');
    expect(mark(scorecard, 'auto-transfer-handover')).toBe('met');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.csat.stars).toBeLessThanOrEqual(3);
  });

  it('asking for a police report and refusing the manager twice makes him hang up', () => {
    const { scorecard } = walk(def, [
      ...toOptions,
      'report it to the police as stolen',
      "it's what we need for anything the courier's marked",
      "there's no need, honestly, declan",
      "it's not that i'm refusing",
      { wrap: { disposition: 'customer-ended-call', notes: 'Customer hung up re missing parcel.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(expect.arrayContaining(['retailer-responsible', 'manager-request']));
  });

  it('reading the address and the delivery scan back before ID&V is a fatal breach', () => {
    const { scorecard } = walk(def, [
      'good afternoon, carrick online',
      "right, i've got a declan mcauley",
      { idv: 'pass' },
      "i've got the lumio watch here",
      "so it says 'porch'",
      'number 41, and the gps puts the driver on kilmory avenue',
      { kb: 'carrick-dnr-3' },
      "until it's in your hands, it's ours",
      ...sendAndClose,
      WRAP,
    ]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
  });
});
