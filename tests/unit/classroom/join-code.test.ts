import { describe, expect, it } from 'vitest';
import { newJoinCode, newSecret, randomFrom, JOIN_CODE_SPACE } from '../../../src/core/classroom/join-code.ts';
import { JOIN_CODE_ALPHABET, JoinCodeSchema, TrainerKeySchema } from '../../../src/shared/classroom-ids.ts';

/** A seeded byte source (xorshift) so codes are repeatable in tests. */
function seeded(seed: number) {
  let x = seed >>> 0 || 1;
  return (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      bytes[i] = x & 0xff;
    }
  };
}

describe('join codes', () => {
  it('uses only unambiguous characters and passes the schema', () => {
    for (const ch of '0O1IL2Z5S8B') expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    const code = newJoinCode(seeded(7), () => false);
    expect(JoinCodeSchema.safeParse(code).success).toBe(true);
  });
  it('the same seed gives the same code, another seed another', () => {
    expect(newJoinCode(seeded(1), () => false)).toBe(newJoinCode(seeded(1), () => false));
    expect(newJoinCode(seeded(1), () => false)).not.toBe(newJoinCode(seeded(2), () => false));
  });
  it('skips codes already in use', () => {
    const first = newJoinCode(seeded(3), () => false);
    const second = newJoinCode(seeded(3), (c) => c === first);
    expect(second).not.toBe(first);
  });
  it('says so when it cannot find a free code', () => {
    expect(() => newJoinCode(seeded(3), () => true)).toThrow(/free join code/);
  });
  it('spreads characters evenly (no modulo bias)', () => {
    const text = randomFrom(JOIN_CODE_ALPHABET, 25_000, seeded(11));
    const counts = [...JOIN_CODE_ALPHABET].map((c) => text.split(c).length - 1);
    for (const n of counts) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });
  it('has over 200 million codes and secrets of 40 characters the schema accepts', () => {
    expect(JOIN_CODE_SPACE).toBeGreaterThan(2e8);
    expect(TrainerKeySchema.safeParse(newSecret(seeded(5))).success).toBe(true);
  });
  it('reads a code typed in lower case with spaces', () => {
    const code = newJoinCode(seeded(9), () => false);
    expect(JoinCodeSchema.parse(` ${code.toLowerCase()} `)).toBe(code);
  });
});
