import { describe, expect, it } from 'vitest';
import { checkNickname, nicknameKey, uniqueNickname } from '../../../src/core/classroom/nickname.ts';

describe('nickname rules', () => {
  it.each([
    ['Sam', 'Sam'],
    ['  Sam   Patel ', 'Sam Patel'],
    ['Zoë', 'Zoë'],
    ["O'Neill-Jones", "O'Neill-Jones"],
    ['Dickens', 'Dickens'],
    ['Scunthorpe fan', 'Scunthorpe fan'],
  ])('accepts %j as %j', (raw, nickname) => {
    expect(checkNickname(raw)).toEqual({ ok: true, nickname });
  });
  it.each([
    ['S', 'at least 2'],
    ['x'.repeat(21), 'at most 20'],
    ['<script>', 'letters, digits'],
    ['Sam😀', 'letters, digits'],
    ['---', 'at least one letter'],
    ['sh1t head', 'different nickname'],
    ['F.U.C.K', 'different nickname'],
    ['big dick', 'different nickname'],
    ['n4zi', 'different nickname'],
  ])('refuses %j (%s)', (raw, reason) => {
    const result = checkNickname(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('unique nicknames', () => {
  it.each([
    ['Sam', [], 'Sam'],
    ['Sam', ['sam'], 'Sam 2'],
    ['Sam', ['sam', 'sam 2'], 'Sam 3'],
    ['Abcdefghijklmnopqrst', ['abcdefghijklmnopqrst'], 'Abcdefghijklmnopqr 2'],
  ])('%j with %j taken becomes %j', (name, taken, expected) => {
    expect(uniqueNickname(name, new Set(taken))).toBe(expected);
  });
});

describe('lookalikes, fillers and disguised words (issue 12, item 16)', () => {
  it.each([
    ['Cyrillic А in a Latin name', 'S\u0430m', 'one alphabet'],
    ['a trailing Hangul filler', 'Sam\u3164', 'invisible'],
    ['only Hangul fillers', '\u3164\u3164\u3164', 'invisible'],
    ['a zero-width space', 'Sa\u200Bm', 'invisible'],
    ['a blocked word in Cyrillic letters', '\u0455\u04BB\u0456\u0442', 'different nickname'],
    ['a blocked word mixing scripts', 'fu\u0441k', 'one alphabet'],
    ['cuneiform numerals', '\u{12400}'.repeat(20), 'letters, digits'],
    ['a mathematical bold blocked word', '\u{1D41F}\u{1D42E}\u{1D41C}\u{1D424}', 'different nickname'],
  ])('refuses %s', (_name, raw, reason) => {
    const result = checkNickname(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it.each([
    ['fullwidth', '\uFF33\uFF41\uFF4D'],
    ['mathematical bold', '\u{1D412}\u{1D41A}\u{1D426}'],
    ['all-Cyrillic lookalike', '\u0405\u0430\u043C'],
  ])('a %s copy of "Sam" is numbered as the same name', (_name, raw) => {
    const checked = checkNickname(raw);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const taken = new Set([nicknameKey('Sam')]);
    expect(nicknameKey(checked.nickname)).toBe(nicknameKey('Sam'));
    expect(uniqueNickname(checked.nickname, taken)).toMatch(/ 2$/);
  });

  it('still accepts names in one other alphabet', () => {
    expect(checkNickname('Дмитрий')).toEqual({ ok: true, nickname: 'Дмитрий' });
    expect(checkNickname('さくら')).toEqual({ ok: true, nickname: 'さくら' });
  });
});
