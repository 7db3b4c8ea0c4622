import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/executor-closing-account.yaml');
const GOOD_NOTES =
  'Susan Firth, executor (will), verified against case BRV-60214. Death cert + will on case, ID passed; small estate under £25,000, no grant needed. ' +
  'Told balance £11,962.40 incl. £18.07 interest, SO to M Dyson stopped. Nothing said about Ms Dyson\'s account. Closure instruction sent to bereavement team, ' +
  'payment within five working days, closing statement by post.';
const WRAP: WalkStep = { wrap: { disposition: 'executor-closure', notes: GOOD_NOTES } };

function mark(scorecard: Scorecard, id: string): string | undefined {
  return scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;
}

const greet = 'good afternoon, calder and aire building society, you';
const condole = "i'm so sorry about your dad. thank you for ringing us, and there's no rush at all: we'll take";
const toChecked: WalkStep[] = [greet, condole, { idv: 'pass' }, { kb: 'calder-deceased-member-closure' }, "you won't need probate for this one"];
const balanceRight = 'includes £18.07 of interest up to the day he died';
const maureenRight = "anything about maureen's own account is hers";
const toClose: WalkStep[] = ["it does, and there's no hurry", "you've nothing to be sorry for"];

describe('executor-closing-account walkthroughs', () => {
  it('best path: condolences, checks Susan and the documents, explains only her dad\'s account, takes the closure at her pace', () => {
    const { scorecard } = walk(def, [...toChecked, balanceRight, maureenRight, ...toClose, WRAP]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(mark(scorecard, 'auto-kb-article')).toBe('met');
  });

  it('the shared executor article is also a right answer for the documents look-up', () => {
    const { scorecard } = walk(def, [greet, condole, { idv: 'pass' }, { kb: 'executor-administrator-documents' }, "you won't need probate for this one", balanceRight, maureenRight, ...toClose, WRAP]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('met');
    expect(scorecard.qa.score).toBe(100);
  });

  it('giving the balance before she is checked against the case is fatal, however kind the words', () => {
    const { scorecard } = walk(def, [
      greet,
      "it's the easy access saver with £11,962.40",
      { idv: 'pass' },
      { kb: 'calder-deceased-member-closure' },
      "you won't need probate for this one",
      balanceRight,
      maureenRight,
      ...toClose,
      WRAP,
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
    expect(scorecard.qa.score).toBe(0);
    expect(mark(scorecard, 'docs-first')).toBe('missed');
  });

  it('telling the executor about her dad\'s partner\'s own account is outside her authority (fatal)', () => {
    const { scorecard, transcript } = walk(def, [...toChecked, balanceRight, 'about £6,480 in it', ...toClose, WRAP]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['outside-authority']);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.fcr.value).toBe('no');
    expect(transcript.find((t) => t.text.includes('£6,480'))?.trap).toMatch(/Maureen is alive/);
  });

  it('promising Maureen\'s statements says no figure but misses the scope item (critical)', () => {
    const { scorecard } = walk(def, [...toChecked, balanceRight, "ask us in writing for maureen's statements", ...toClose, WRAP]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['within-scope']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('rushing her ("nice and quickly", "it\'ll only take a minute") costs the pace item but is no breach', () => {
    const { scorecard } = walk(def, [
      greet,
      'nice and quickly',
      { idv: 'pass' },
      { kb: 'calder-deceased-member-closure' },
      "you won't need probate for this one",
      "it'll only take a minute",
      maureenRight,
      ...toClose,
      WRAP,
    ]);
    expect(mark(scorecard, 'pace')).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(90);
  });

  it('a sales pitch to a bereaved executor is a critical miss, and doubling down makes her hang up', () => {
    const { scorecard } = walk(def, [
      ...toChecked,
      '12-month bond at 4.1%',
      "it's only a suggestion",
      { wrap: { disposition: 'customer-ended-call', notes: 'Executor rang off.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.qa.critical.map((c) => c.id)).toContain('no-pressure');
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('asking for probate below the small-estate limit sends her away for months: a follow-up, not a resolution', () => {
    const { scorecard } = walk(def, [
      greet,
      condole,
      { idv: 'pass' },
      { kb: 'calder-deceased-member-closure' },
      'we will need the grant of probate',
      { wrap: { disposition: 'probate-requested', notes: 'Executor asked for grant of probate.' } },
    ]);
    expect(scorecard.outcome).toBe('follow-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(mark(scorecard, 'docs-right')).toBe('missed');
  });

  it('answering from the replaced 2021 procedure, then correcting it, costs the article and part of the documents item', () => {
    const { scorecard } = walk(def, [
      greet,
      condole,
      { idv: 'pass' },
      { kb: 'calder-deceased-accounts-2021' },
      'i read you the wrong guidance',
      balanceRight,
      maureenRight,
      ...toClose,
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(mark(scorecard, 'docs-right')).toBe('partial');
    expect(scorecard.qa.fatal).toEqual([]);
  });

  it('a warm transfer to the bereavement team is kind, but she starts again: no first-contact resolution', () => {
    const { scorecard } = walk(def, [
      ...toChecked,
      balanceRight,
      maureenRight,
      "i'll put you through to them now",
      { transfer: 'bereavement' },
      { wrap: { disposition: 'transferred-bereavement', notes: 'Executor Susan Firth, docs checked. Warm transfer to bereavement team (Aisha).' } },
    ]);
    expect(scorecard.outcome).toBe('transferred');
    expect(scorecard.fcr.value).toBe('no');
    expect(mark(scorecard, 'auto-transfer-team')).toBe('met');
    expect(mark(scorecard, 'closure')).toBe('missed');
  });

  it('a transfer to the wrong team: FCR no, the team item missed, and an effort penalty on CSAT', () => {
    const { scorecard } = walk(def, [
      ...toChecked,
      balanceRight,
      maureenRight,
      "i'll put you through to them now",
      { transfer: 'customer-support', handover: 'a lady whose dad has died' },
      { wrap: { disposition: 'transferred-other', notes: 'Executor transferred.' } },
    ]);
    expect(scorecard.endingSummary).toMatch(/doesn't deal with estates/);
    expect(scorecard.fcr.value).toBe('no');
    expect(mark(scorecard, 'auto-transfer-team')).toBe('missed');
    expect(mark(scorecard, 'auto-transfer-handover')).toBe('missed');
    expect(scorecard.csat.stars).toBeLessThanOrEqual(3);
  });
});
