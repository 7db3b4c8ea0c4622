import { describe, expect, it } from 'vitest';
import { ahtPart, callComposite, csatPart, FATAL_CAP } from '../../../src/core/classroom/composite.ts';
import { kpisOf } from '../../../src/core/classroom/call-kpis.ts';
import { card } from './fixtures.ts';

describe('AHT part of the composite', () => {
  it.each([
    [100, 300, 100],
    [300, 300, 100],
    [450, 300, 50],
    [600, 300, 0],
    [900, 300, 0],
  ])('%i s against a %i s target gives %i', (total, target, part) => {
    expect(ahtPart(total, target)).toBe(part);
  });
});

describe('CSAT part', () => {
  it.each([[1, 0], [3, 50], [5, 100]])('%i stars gives %i', (stars, part) => expect(csatPart(stars)).toBe(part));
});

describe('call composite on real calls', () => {
  it('a well-handled call scores high and a sloppy one lower', () => {
    const best = callComposite(kpisOf(card('best')));
    const sloppy = callComposite(kpisOf(card('sloppyClose')));
    expect(best.composite).toBeGreaterThan(80);
    expect(sloppy.composite).toBeLessThan(best.composite);
  });
  it('a fatal breach caps the composite however good the rest', () => {
    const fatal = callComposite(kpisOf(card('fatal')));
    expect(fatal.fatal).toBe(true);
    expect(fatal.composite).toBeLessThanOrEqual(FATAL_CAP);
  });
  it('a refusal leaves FCR out rather than counting it as a failure', () => {
    const refused = callComposite(kpisOf(card('refused')));
    expect(refused.fcr).toBeNull();
    expect(refused.composite).toBeGreaterThan(callComposite(kpisOf(card('hungUp'))).composite);
  });
  it('a hung-up call scores no FCR and one star', () => {
    const c = callComposite(kpisOf(card('hungUp')));
    expect(c.fcr).toBe(0);
    expect(c.csat).toBe(0);
  });
});
