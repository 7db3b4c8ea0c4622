import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomUuid } from '../../../src/ui/random-uuid.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const many = (n: number) => Array.from({ length: n }, () => randomUuid());

describe('random ids for runs and goals', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are version 4 UUIDs, never two alike', () => {
    const ids = many(500);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('still work where the page is not a secure context (a classroom on plain http has no crypto.randomUUID)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => real.getRandomValues(bytes) });
    const ids = many(200);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
