import { describe, expect, it } from 'vitest';
import { measureAreas, ahtScore } from '../../../src/core/development/measure-areas.ts';
import { ratingFor } from '../../../src/core/development/areas.ts';
import { calibrate, calibrationTrend } from '../../../src/core/development/calibration.ts';
import type { SelfRating } from '../../../src/core/development/self-rating.ts';
import { SelfRatingSchema } from '../../../src/core/development/self-rating.ts';
import { makeCard, NOW, type CardSpec } from './make-card.ts';
import { loadScenarioFile, walk } from '../../helpers/walkthrough.ts';

const rating = (r: [number, number, number, number, number]): SelfRating => ({
  ratings: { 'idv-data': r[0], 'listening-empathy': r[1], resolution: r[2], 'control-time': r[3], compliance: r[4] },
  wentWell: '',
  toImprove: '',
  at: NOW,
});

describe('measured areas', () => {
  it.each([
    [0, 1], [49, 1], [50, 2], [69, 2], [70, 3], [79, 3], [80, 4], [89, 4], [90, 5], [100, 5],
  ])('a score of %i is a rating of %i', (score, expected) => expect(ratingFor(score)).toBe(expected));

  it.each([
    ['idv section only', { sections: { idv: 60 } }, 'idv-data', 60],
    ['a data breach zeroes ID&V however the section went', { sections: { idv: 100 }, fatal: ['data-before-idv'] }, 'idv-data', 0],
    ['listening is discovery and empathy together', { sections: { discovery: 100, empathy: 50 } }, 'listening-empathy', 75],
    ['abusive language zeroes listening', { sections: { empathy: 100 }, fatal: ['abusive-language'] }, 'listening-empathy', 0],
    ['resolution blends the section with FCR', { sections: { resolution: 100 }, fcr: 'no' }, 'resolution', 50],
    ['a refusal leaves FCR out of resolution', { sections: { resolution: 80 }, fcr: 'excluded' }, 'resolution', 80],
    ['control counts AHT over target', { sections: { closing: 100, 'hold-transfer': 100 }, aht: 375, target: 300 }, 'control-time', 83],
    ['compliance is zeroed by any fatal breach', { sections: { compliance: 100 }, fatal: ['card-read-back'] }, 'compliance', 0],
    ['compliance unmeasured without a section or breach', { sections: { idv: 100 } }, 'compliance', null],
  ] as const)('%s', (_name, spec, area, score) => {
    expect(measureAreas(makeCard(spec as CardSpec))[area].score).toBe(score);
  });

  it.each([[300, 300, 100], [200, 300, 100], [330, 300, 80], [450, 300, 0], [900, 300, 0]])('AHT %is against %is scores %i', (total, target, s) => {
    expect(ahtScore(total, target)).toBe(s);
  });

  it('measures a real call from the core: a data breach makes ID&V and compliance 1 out of 5', () => {
    const def = loadScenarioFile('tests/unit/core/fixtures/mini-call.yaml');
    const { scorecard } = walk(def, ['Your balance', { idv: 'pass' }, "I'll log this", 'So that', { wrap: { disposition: 'billing-refund', notes: 'refund C-1001' } }]);
    const m = measureAreas(scorecard);
    expect([m['idv-data'].rating, m.compliance.rating]).toEqual([1, 1]);
    expect(m['idv-data'].evidence[0]).toMatch(/Fatal breach/);
  });
});

describe('calibration', () => {
  const card = makeCard({ sections: { idv: 100, empathy: 60, resolution: 100, closing: 100, compliance: 85 }, aht: 200 });
  // measured: idv 5, listening 2, resolution 5, control 5, compliance 4

  it.each([
    ['spot on', [5, 2, 5, 5, 4], 0, ['accurate', 'accurate', 'accurate', 'accurate', 'accurate']],
    ['over-rates listening by 3', [5, 5, 5, 5, 4], 0.6, ['accurate', 'over', 'accurate', 'accurate', 'accurate']],
    ['under-rates everything by 1 or more', [4, 1, 3, 4, 3], 1.2, ['under', 'under', 'under', 'under', 'under']],
  ] as const)('%s', (_n, self, meanGap, verdicts) => {
    const cal = calibrate(rating([...self]), measureAreas(card));
    expect(cal.meanGap).toBe(meanGap);
    expect(cal.areas.map((a) => a.verdict)).toEqual(verdicts);
  });

  it('says in plain words which way the trainee was out', () => {
    const cal = calibrate(rating([5, 5, 3, 5, 4]), measureAreas(card));
    expect(cal.areas[1]!.sentence).toBe('Listening and empathy: you rated yourself 5 but the scorecard shows 2, so you over-rated yourself by 3 points.');
    expect(cal.areas[2]!.sentence).toMatch(/under-rated yourself by 2 points — you did better than you thought/);
  });

  it('leaves an unmeasured area out of the figure', () => {
    const cal = calibrate(rating([5, 5, 5, 5, 1]), measureAreas(makeCard({ sections: { idv: 100, empathy: 100, resolution: 100, closing: 100 } })));
    expect(cal.areas[4]!.verdict).toBe('not-measured');
    expect(cal.meanGap).toBe(0);
  });

  it.each([
    [[], 'too-few'],
    [[2], 'too-few'],
    [[2, 2, 2, 0.4, 0.2, 0], 'improving'],
    [[0.2, 0.2, 1.6, 1.8], 'worsening'],
    [[1, 1.2, 1, 1.1], 'steady'],
    [[null, 2, null, 0.2], 'improving'],
  ] as const)('gaps %j trend %s', (gaps, trend) => expect(calibrationTrend(gaps).trend).toBe(trend));

  it('refuses a rating outside 1-5 with a message', () => {
    const bad = SelfRatingSchema.safeParse({ ...rating([5, 5, 5, 5, 5]), ratings: { ...rating([5, 5, 5, 5, 5]).ratings, compliance: 6 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('ratings run from 1 to 5');
  });
});
