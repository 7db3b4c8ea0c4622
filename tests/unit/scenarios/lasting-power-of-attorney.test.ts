import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk, expectBestCall, type WalkStep } from '../../helpers/walkthrough.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const def = loadScenarioFile('scenarios/lasting-power-of-attorney.yaml');
const GOOD_NOTES =
  'Karen Pritchard (daughter), attorney. LPA on file was health and welfare; property and finance LPA checked on View an LPA ' +
  '(registered 12/05/2023, sole attorney) and recorded. £312.46 overdue: plan £52.08 x six months by DD from Mrs Whitehouse\'s account. ' +
  'Letters to attorney. Ref PA-44718.';
const WRAP: WalkStep = { wrap: { disposition: 'attorney-plan-agreed', notes: GOOD_NOTES } };

function mark(scorecard: Scorecard, id: string): string | undefined {
  return scorecard.qa.sections.flatMap((s) => s.items).find((i) => i.id === id)?.mark;
}

const toChecked: WalkStep[] = [
  'good morning, severn and stour water, you',
  "that's a lot to find in a drawer",
  { idv: 'pass' },
  { kb: 'lasting-power-of-attorney-checks' },
  "your mom's health and welfare one",
  "i've added it to the account, so next time",
];
const balanceRight = 'her post office payments stopped after the 14th of may';
const deanRight = 'not about anyone else or their calls';
const toClose: WalkStep[] = [
  'spread the £312.46 over six months',
  'keep the account in her name at bumble hole lane',
  'so, to recap: her property and finance lpa',
];

describe('lasting-power-of-attorney walkthroughs', () => {
  it('best path: matches Karen to the LPA, spots the health and welfare one, checks the property and finance LPA, then helps within its scope', () => {
    const { scorecard } = walk(def, [...toChecked, balanceRight, deanRight, ...toClose, WRAP]);
    expectBestCall(scorecard, 'resolved', 'yes');
    expect(scorecard.qa.score).toBe(100);
    expect(mark(scorecard, 'auto-kb-article')).toBe('met');
    expect(mark(scorecard, 'auto-idv-verdict')).toBe('met');
    expect(scorecard.aht.total).toBeLessThanOrEqual(def.scenario.targets.ahtSeconds);
  });

  it('issue 10: reading her mom\'s health notes to the property and finance attorney is the fatal outside-authority breach', () => {
    const { scorecard, transcript } = walk(def, [...toChecked, 'she had a fall in february', deanRight, ...toClose, WRAP]);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['outside-authority']);
    expect(scorecard.fcr.value).toBe('no');
    expect(mark(scorecard, 'within-scope')).toBe('missed');
    expect(transcript.find((t) => t.text.includes('had a fall'))?.trap).toMatch(/outside Karen's authority/);
  });

  it('issue 10: telling her about her brother\'s call and his own account is outside the LPA (fatal)', () => {
    const { scorecard } = walk(def, [...toChecked, balanceRight, 'mostly about his own account', ...toClose, WRAP]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['outside-authority']);
    expect(scorecard.qa.score).toBe(0);
  });

  it('refusing the payments the LPA covers is over-caution, not a breach: the scope item is only partly met', () => {
    const { scorecard } = walk(def, [...toChecked, balanceRight, 'for data-protection reasons', ...toClose, WRAP]);
    expect(scorecard.qa.fatal).toEqual([]);
    expect(mark(scorecard, 'within-scope')).toBe('partial');
    expect(scorecard.qa.score).toBeLessThan(100);
    expect(scorecard.qa.score).toBeGreaterThan(60);
  });

  it('confirming the balance before the LPA is checked is fatal, however genuine she sounds', () => {
    const { scorecard } = walk(def, [
      'good morning, severn and stour water, you',
      'i can see the lpa came in on friday',
      { idv: 'pass' },
      { kb: 'lasting-power-of-attorney-checks' },
      "your mom's health and welfare one",
      "i've added it to the account, so next time",
      balanceRight,
      deanRight,
      ...toClose,
      WRAP,
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
    expect(scorecard.qa.score).toBe(0);
    expect(mark(scorecard, 'authority-first')).toBe('missed');
  });

  it('acting on the health and welfare LPA: the balance goes to someone with no authority over money (fatal), even though she then gives the right code', () => {
    const { scorecard } = walk(def, [
      'good morning, severn and stour water, you',
      "that's a lot to find in a drawer",
      { idv: 'pass' },
      { kb: 'lasting-power-of-attorney-checks' },
      'registered with the office of the public guardian',
      'nothing\'s been paid since the middle of may',
      'i should have spotted it',
      "i've added it to the account, so next time",
      balanceRight,
      deanRight,
      ...toClose,
      WRAP,
    ]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
    expect(mark(scorecard, 'lpa-type')).toBe('missed');
  });

  it('answering from the replaced 2019 procedure leads straight to acting on the wrong LPA', () => {
    const { scorecard } = walk(def, [
      'good morning, severn and stour water, you',
      "that's a lot to find in a drawer",
      { idv: 'pass' },
      { kb: 'ssw-power-of-attorney-2019' },
      'the balance is £312.46, and it\'s overdue',
      'they\'re both registered lpas',
      "i've added it to the account, so next time",
      balanceRight,
      deanRight,
      ...toClose,
      WRAP,
    ]);
    expect(mark(scorecard, 'auto-kb-article')).toBe('missed');
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['third-party-disclosure']);
  });

  it('asking for her mom\'s consent, then sending the attorney away: she hangs up', () => {
    const { scorecard } = walk(def, [
      'good morning, severn and stour water, you',
      'is your mom with you at all',
      'ring back when she\'s home with you',
      { wrap: { disposition: 'customer-ended-call', notes: 'Daughter says she is attorney. Mother not available to consent. Advised to call back.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.csat.stars).toBe(1);
    expect(mark(scorecard, 'attorney-route')).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
  });

  it('a doctor\'s letter demanded as "policy": the attorney hangs up', () => {
    const { scorecard } = walk(def, [
      ...toChecked.slice(0, 5),
      'a letter from her doctor',
      'our policy for anyone with a dementia diagnosis',
      { wrap: { disposition: 'customer-ended-call', notes: 'Attorney asked for GP letter.' } },
    ]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(80);
  });

  it('passing the plan to collections with a full handover is a transfer, not first-contact resolution', () => {
    const { scorecard } = walk(def, [
      ...toChecked,
      balanceRight,
      deanRight,
      'pass it to our collections team',
      { transfer: 'collections' },
      { wrap: { disposition: 'transferred-collections', notes: 'Attorney Karen Pritchard, P&F LPA checked. Warm transfer to collections for plan.' } },
    ]);
    expect(scorecard.outcome).toBe('transferred');
    expect(scorecard.fcr.value).toBe('no');
    expect(mark(scorecard, 'auto-transfer-handover')).toBe('met');
    expect(mark(scorecard, 'payment-plan')).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
  });

  it('paying from the attorney\'s own account mixes her money with her mom\'s: a resolution miss', () => {
    const { scorecard } = walk(def, [
      ...toChecked,
      balanceRight,
      deanRight,
      'from your own bank account',
      'keep the account in her name at bumble hole lane',
      'so, to recap: her property and finance lpa',
      WRAP,
    ]);
    expect(mark(scorecard, 'payment-plan')).toBe('missed');
    expect(scorecard.qa.fatal).toEqual([]);
    expect(scorecard.qa.score).toBeLessThan(100);
  });
});
