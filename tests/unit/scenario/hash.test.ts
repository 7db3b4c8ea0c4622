/**
 * A call's content hash names it from menu to server, so it must depend on the data only: the same
 * call written with its keys in another order, or as JSON instead of YAML, has the same hash; any
 * change to what the call says gives another. The pinned value catches a change to the canonical
 * form itself (stored runs and standings are keyed by it).
 */
import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../../src/scenario/hash.ts';

describe('content hash', () => {
  const call = { id: 'c', nodes: { b: { say: 'Hi', next: 'a' }, a: { type: 'ending', list: [1, 'two', null, { z: true, y: false }] } } };

  it('does not depend on key order or on fields left undefined', () => {
    const reordered = { nodes: { a: { list: [1, 'two', null, { y: false, z: true }], type: 'ending' }, b: { next: 'a', say: 'Hi', mood: undefined } }, id: 'c' };
    expect(scenarioHash(reordered)).toBe(scenarioHash(call));
  });

  it('changes with any value, and with the order of a list', () => {
    expect(scenarioHash({ ...call, id: 'd' })).not.toBe(scenarioHash(call));
    const swapped = { ...call, nodes: { ...call.nodes, a: { type: 'ending', list: ['two', 1, null, { z: true, y: false }] } } };
    expect(scenarioHash(swapped)).not.toBe(scenarioHash(call));
  });

  it('keeps the canonical form it has always had', () => {
    // sha256 of {"id":"c","nodes":{"a":{"list":[1,"two",null,{"y":false,"z":true}],"type":"ending"},"b":{"next":"a","say":"Hi"}}}
    expect(scenarioHash(call)).toBe(HASH_OF_CALL);
  });
});

const HASH_OF_CALL = '1840a0e2fda7150714bd4857f2fd7ff69e520df985a9458ecc43c3b1eb96a103';
