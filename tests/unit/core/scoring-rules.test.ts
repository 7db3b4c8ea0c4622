import { describe, expect, it } from 'vitest';
import { initialContext, type CallContext } from '../../../src/core/engine/call-context.ts';
import { csatRating } from '../../../src/core/scoring/csat.ts';
import { firstContactResolution } from '../../../src/core/scoring/fcr.ts';
import { containsCardData } from '../../../src/core/engine/card-numbers.ts';
import { summarisePerformance } from '../../../src/core/scoring/aggregate.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

const ended = (over: Partial<CallContext>): CallContext => ({ ...initialContext(0, 50), ...over });

describe('CSAT', () => {
  it.each([
    // outcome, mood, extra, stars
    ['resolved', 2, {}, 5],
    ['resolved', 1, {}, 4],
    ['resolved', -3, {}, 3],
    ['follow-up', 2, {}, 4],
    ['refused', 0, {}, 3],
    ['refused', 5, {}, 5],
    ['unresolved', -5, {}, 1],
    ['resolved', 2, { hold: 200 }, 4],
    ['resolved', 2, { hold: 200, holdLongestGap: 90, coldTransfer: true }, 3],
    ['resolved', 2, { patience: 10 }, 4],
    ['hung-up', 5, {}, 1],
  ] as const)('%s with mood %i and %o gives %i stars', (outcome, mood, extra, stars) => {
    expect(csatRating(ended({ outcome, mood, ...extra }), undefined).stars).toBe(stars);
  });

  it('uses the ending’s own comment only when the rating is 3 stars or more', () => {
    expect(csatRating(ended({ outcome: 'resolved', mood: 3 }), 'Lovely, thanks.').comment).toBe('Lovely, thanks.');
    expect(csatRating(ended({ outcome: 'unresolved', mood: -4 }), 'Lovely, thanks.').comment).not.toBe('Lovely, thanks.');
  });
});

describe('FCR', () => {
  it.each([
    ['resolved', [], 'yes'],
    ['refused', [], 'excluded'],
    ['follow-up', [], 'no'],
    ['escalated', [], 'no'],
    ['transferred', [], 'no'],
    ['hung-up', [], 'no'],
    ['resolved', [{ code: 'data-before-idv', at: 10, step: 2 }], 'no'],
    ['refused', [{ code: 'third-party-disclosure', at: 10, step: 2 }], 'no'],
  ] as const)('%s with %j breaches is %s', (outcome, breaches, value) => {
    expect(firstContactResolution(ended({ outcome, breaches: [...breaches] })).value).toBe(value);
  });
});

describe('card data in free text', () => {
  it.each([
    ['Paid with 4539 1488 0343 6467 today', true],
    ['card 4539-1488-0343-6467', true],
    ['4539148803436467', true],
    ['CVV 123 given', true],
    ['security code was 9876', true],
    ['4539 1488 0343 6468 (fails the Luhn check)', false],
    ['Account 12345678, ref C-1001, phone 07700 900123', false],
    ['Refund of £42.10 agreed', false],
  ])('%s → %s', (text, found) => {
    expect(containsCardData(text)).toBe(found);
  });
});

function card(over: { fcr?: 'yes' | 'no' | 'excluded'; stars?: number; qa?: number; fatal?: boolean; aht?: number }): Scorecard {
  return {
    scenarioId: 's',
    scenarioHash: 'h',
    outcome: 'resolved',
    endingSummary: '',
    aht: { talk: over.aht ?? 300, hold: 0, wrap: 0, total: over.aht ?? 300, target: 360 },
    fcr: { value: over.fcr ?? 'yes', reason: '' },
    csat: { stars: over.stars ?? 5, why: '', comment: '' },
    qa: {
      score: over.fatal ? 0 : (over.qa ?? 90),
      raw: over.qa ?? 90,
      band: 'green',
      sections: [],
      fatal: over.fatal ? [{ code: 'data-before-idv', text: '', at: 1 }] : [],
      critical: [],
    },
    keyMoments: [],
  };
}

describe('performance over many calls', () => {
  it('leaves correct refusals out of FCR, counts a fatal call in the QA average at its capped score and flags a small sample', () => {
    const summary = summarisePerformance([
      card({ fcr: 'yes', stars: 5, qa: 90 }),
      card({ fcr: 'no', stars: 3, qa: 70, aht: 400 }),
      card({ fcr: 'excluded', stars: 4, qa: 80 }),
      card({ fcr: 'no', stars: 2, fatal: true }),
    ]);
    expect(summary).toMatchObject({
      runs: 4,
      lowSample: true,
      fcrEligible: 3,
      fcrRate: 33.3,
      csatTop2: 50,
      qaAverage: 60, // (90 + 70 + 80 + 0) / 4: the fatal call counts at QA 0
      compliancePassRate: 75,
      fatalCalls: 1,
      ahtWithinTarget: 75,
    });
  });

  it('summarises only the last runs of a rolling window, and trusts five or more', () => {
    const cards = [card({ fcr: 'no' }), ...Array.from({ length: 5 }, () => card({ fcr: 'yes' }))];
    expect(summarisePerformance(cards, 5)).toMatchObject({ runs: 5, lowSample: false, fcrRate: 100 });
    expect(summarisePerformance(cards)).toMatchObject({ runs: 6, fcrRate: 83.3 });
  });
});
