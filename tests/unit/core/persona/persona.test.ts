import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { personaFor, ageFrom } from '../../../../src/core/persona/persona.ts';
import { expressionFor, postureFor, reactionTo, isBlinking, EXPRESSIONS } from '../../../../src/core/persona/expression.ts';
import type { Scenario } from '../../../../src/core/model/scenario-schema.ts';

const scenarios = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(`scenarios/${f}`, 'utf8')) as Scenario);
const byId = (id: string) => scenarios.find((s) => s.id === id)!;

describe('personas from the scenario’s customer data', () => {
  it('the same caller always looks the same; the library’s callers do not all look alike', () => {
    expect(personaFor(byId('billing-double-charge'), 2026)).toEqual(personaFor(byId('billing-double-charge'), 2026));
    const looks = new Set(scenarios.map((s) => { const p = personaFor(s, 2026); return `${p.skin}|${p.hair}|${p.hairStyle}|${p.top}|${p.glasses}|${p.beard}`; }));
    expect(looks.size).toBeGreaterThanOrEqual(scenarios.length - 2);
  });

  it('age comes from the holder’s date of birth; a third party’s record is not theirs', () => {
    const geoff = byId('broadband-fault-engineer');
    expect(ageFrom(geoff, 2026)).toBe(72);
    expect(personaFor(geoff, 2026).age).toBe('older');
    expect(personaFor(byId('outbound-right-party'), 2026).age).toBe('young');
    const executor = byId('executor-closing-account');
    expect(ageFrom(executor, 2026)).toBeNull();
  });

  it('a title or relationship in the file sets the presentation and the voice; nothing is guessed from a first name', () => {
    expect(personaFor(byId('broadband-fault-engineer'), 2026)).toMatchObject({ presentation: 'masculine', voice: { prefer: 'male' } });
    expect(personaFor(byId('demands-a-manager'), 2026)).toMatchObject({ presentation: 'feminine', voice: { prefer: 'female' } });
    expect(personaFor(byId('third-party-spouse'), 2026).presentation).toBe('masculine');
    // "Daughter of the member, Mr Harold Kershaw": the caller is the daughter, not Mr Kershaw.
    expect(personaFor(byId('executor-closing-account'), 2026).presentation).toBe('feminine');
    expect(personaFor(byId('billing-double-charge'), 2026)).toMatchObject({ presentation: 'unstated', voice: { prefer: 'any' }, beard: false });
  });

  it('older callers speak a little slower and lower', () => {
    const older = personaFor(byId('broadband-fault-engineer'), 2026).voice;
    const younger = personaFor(byId('outbound-right-party'), 2026).voice;
    expect(older.rate).toBeLessThan(younger.rate);
  });
});

describe('face and body language', () => {
  it('six expressions across the mood scale, from furious to delighted', () => {
    expect([-5, -3, -1, 0, 1, 4].map(expressionFor)).toEqual(['furious', 'annoyed', 'worried', 'neutral', 'pleased', 'delighted']);
    expect(new Set([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5].map(expressionFor)).size).toBe(EXPRESSIONS.length);
  });

  it('running out of patience shows in the posture before the words', () => {
    expect(postureFor(1, 80)).toBe('upright');
    expect(postureFor(1, 20)).toBe('slumped');
    expect(postureFor(-3, 20)).toBe('arms-crossed');
    expect(postureFor(-4, 60)).toBe('leaning-in');
  });

  it('each turn gets a reaction: a nod, a flinch or a shrug', () => {
    expect(reactionTo({ mood: 0, patience: 50 }, { mood: 1, patience: 50 })).toBe('nod');
    expect(reactionTo({ mood: 0, patience: 50 }, { mood: 0, patience: 40 })).toBe('flinch');
    expect(reactionTo({ mood: 0, patience: 50 }, { mood: 0, patience: 50 })).toBe('shrug');
  });

  it('blinks briefly every few seconds', () => {
    const closed = Array.from({ length: 1000 }, (_, i) => isBlinking(i * 20, 42)).filter(Boolean).length;
    // 20 s sampled every 20 ms: four to eight blinks of about 140 ms.
    expect(closed).toBeGreaterThanOrEqual(4 * 6);
    expect(closed).toBeLessThanOrEqual(8 * 8);
  });
});
