import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/scenario/sha256.ts';
import { scenarioHash } from '../../../src/scenario/hash.ts';

describe('the content hash', () => {
  it('is SHA-256 as NIST publishes it (FIPS 180-2 examples)', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });


  it('names the same call whatever the key order, and a different call when any value changes', () => {
    const call = { id: 'x', title: 'A call', steps: [{ say: 'Hello' }] };
    expect(scenarioHash({ steps: [{ say: 'Hello' }], title: 'A call', id: 'x' })).toBe(scenarioHash(call));
    expect(scenarioHash({ ...call, title: 'A call.' })).not.toBe(scenarioHash(call));
  });
});
