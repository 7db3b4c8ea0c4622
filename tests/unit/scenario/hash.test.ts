/**
 * A call's content hash names it from menu to server, so it must depend on the data only: the same
 * call written with its keys in another order, or as JSON instead of YAML, has the same hash; any
 * change to what the call says gives another. The pinned value catches a change to the canonical
 * form itself (stored runs and standings are keyed by it).
 */
import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../../src/scenario/hash.ts';
import { sha256Hex } from '../../../src/scenario/sha256.ts';

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

  it('writes every string, and every key, as JSON.stringify writes it', () => {
    let every = '';
    for (let code = 0; code <= 0xffff; code += 1) every += String.fromCharCode(code);
    const texts = [every, 'Ends on a lone lead \ud83d', '\ude00 starts on a lone tail', 'A pair 😀 and café, “quotes”, \u2028', 'tab\there "quoted" back\\slash\u0000\u001f\u007f'];
    for (const text of texts) {
      const data = { [text]: text, list: [text, 1.5, true, null] };
      const sortedJson = `{${JSON.stringify(text)}:${JSON.stringify(text)},"list":${JSON.stringify(data.list)}}`;
      const expected = sha256Hex(Object.keys(data).sort()[0] === text ? sortedJson : `{"list":${JSON.stringify(data.list)},${JSON.stringify(text)}:${JSON.stringify(text)}}`);
      expect(scenarioHash(data)).toBe(expected);
    }
  });

  it('keeps the canonical form it has always had', () => {
    // sha256 of {"id":"c","nodes":{"a":{"list":[1,"two",null,{"y":false,"z":true}],"type":"ending"},"b":{"next":"a","say":"Hi"}}}
    expect(scenarioHash(call)).toBe(HASH_OF_CALL);
  });
});

const HASH_OF_CALL = '1840a0e2fda7150714bd4857f2fd7ff69e520df985a9458ecc43c3b1eb96a103';
