import { describe, expect, it } from 'vitest';
import { checkNickname, uniqueNickname } from '../../../src/core/classroom/nickname.ts';

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
