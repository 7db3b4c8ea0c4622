import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseSource, yamlPositions } from '../../../src/scenario/parse.ts';

const YAML = `format: 2
customer:
  name: Sam
  mood: -2
crm:
  fields:
    - key: postcode
      value: AB1
    - { key: balance, value: "£3" }
`;

const JSON_TEXT = `{
  "format": 2,
  "customer": {
    "name": "Sam",
    "mood": -2
  },
  "crm": { "fields": [ { "key": "postcode" }, { "key": "balance" } ] }
}`;

describe('parseSource', () => {
  it('reads YAML into plain data', () => {
    const parsed = parseSource(YAML, 'a.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.data).toEqual({
      format: 2,
      customer: { name: 'Sam', mood: -2 },
      crm: { fields: [{ key: 'postcode', value: 'AB1' }, { key: 'balance', value: '£3' }] },
    });
  });

  it('locates keys, list items and nested fields in YAML (1-based line and column)', () => {
    const { locate } = parseSource(YAML, 'a.yaml');
    expect(locate([])).toEqual({ line: 1, col: 1 });
    expect(locate(['customer'])).toEqual({ line: 2, col: 1 });
    expect(locate(['customer', 'mood'])).toEqual({ line: 4, col: 3 });
    expect(locate(['crm', 'fields', 0])).toEqual({ line: 7, col: 7 });
    expect(locate(['crm', 'fields', 0, 'value'])).toEqual({ line: 8, col: 7 });
    expect(locate(["crm", "fields", 1, "value"])).toEqual({ line: 9, col: 23 });
  });

  it('falls back to the nearest existing ancestor for a path that is not there', () => {
    const { locate } = parseSource(YAML, 'a.yaml');
    expect(locate(['customer', 'patience'])).toEqual(locate(['customer']));
    expect(locate(['crm', 'fields', 5, 'key'])).toEqual(locate(['crm', 'fields']));
    expect(locate(['nowhere', 'at', 'all'])).toEqual({ line: 1, col: 1 });
  });

  it('reads JSON with positions too', () => {
    const parsed = parseSource(JSON_TEXT, 'a.json');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.locate(['customer', 'mood'])).toEqual({ line: 5, col: 5 });
    expect(parsed.locate(['crm', 'fields', 1, 'key'])).toEqual({ line: 7, col: 49 });
  });

  it('reports a syntax error with its position and gives no data', () => {
    const parsed = parseSource('format: 2\ntitle: "open quote\nid: x\n', 'b.yaml');
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics.map((d) => [d.code, d.line])).toEqual([['HTL0001', 2]]);
    expect(parsed.diagnostics[0]?.col).toBe(8);
  });

  it('reports every duplicated key at the repeat', () => {
    const parsed = parseSource('a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n', 'c.yaml');
    expect(parsed.diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([
      ['HTL0002', 3, 1, '`a` is written twice in the same block'],
      ['HTL0002', 6, 3, '`d` is written twice in the same block'],
    ]);
  });

  it('reports an empty file, and a file of only comments, as empty', () => {
    expect(parseSource('', 'e.yaml').diagnostics.map((d) => d.code)).toEqual(['HTL0003']);
    expect(parseSource('# nothing yet\n\n', 'e.yaml').diagnostics.map((d) => d.code)).toEqual(['HTL0003']);
  });

  it('never throws, whatever it is given', () => {
    for (const text of ['{', '- - -', ':', '"', '\t\tx', '[1, 2', '*alias', '&a [*a]', '%YAML 9.9\n---\nx']) {
      expect(() => parseSource(text, 'x.yaml')).not.toThrow();
    }
  });
});

describe('positions from the fast reader', () => {
  /** Every path through some data: each map key and list index, depth first. */
  function allPaths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
    if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => allPaths(item, [...prefix, i]))];
    if (value !== null && typeof value === 'object') {
      return [prefix, ...Object.entries(value).flatMap(([key, item]) => allPaths(item, [...prefix, key]))];
    }
    return [prefix];
  }

  const files = [
    ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`),
    ...readdirSync('tests/unit/scenario/fixtures').filter((f) => f.endsWith('.yaml')).map((f) => `tests/unit/scenario/fixtures/${f}`),
  ];

  it.each(files)('%s: every key and item is placed where the yaml package places it', (file) => {
    const text = readFileSync(file, 'utf8');
    const fast = parseSource(text, file);
    if (fast.data === undefined) return;
    const slow = yamlPositions(text);
    for (const path of allPaths(fast.data)) expect(fast.locate(path), `${file}: ${path.join('.')}`).toEqual(slow(path));
  });

  it('places quoted keys, flow items and block text as the yaml package does', () => {
    const text = 'a:\n  "b": 1\n  \'c\': [x, "y", {z: 1}]\n  d: |\n    text\n  e:\n    - >\n      folded\n    - "q"\n';
    const fast = parseSource(text, 'q.yaml');
    const slow = yamlPositions(text);
    for (const path of allPaths(fast.data)) expect(fast.locate(path), path.join('.')).toEqual(slow(path));
  });

  it('places a path the file lacks at its nearest ancestor, as the yaml package does', () => {
    const text = 'a:\n  b:\n    - x\n    - {c: 1, d: [2, 3]}\n  e: 4\nf: [5]\n';
    const fast = parseSource(text, 'm.yaml');
    const slow = yamlPositions(text);
    const missing: PropertyKey[][] = [
      ['nope'], ['a', 'nope'], ['a', 'b', 2], ['a', 'b', -1], ['a', 'b', 0.5], ['a', 'b', '1'],
      ['a', 'b', 1, 'd', 5], ['a', 'b', 1, 'c', 'deeper'], ['a', 'e', 'x'], ['f', 1], ['f', 0, 'g'], ['a', 0],
    ];
    for (const path of missing) expect(fast.locate(path), path.join('.')).toEqual(slow(path));
    expect(fast.locate(['a', 'b', 1, 'd', 5])).toEqual({ line: 4, col: 14 }); // the key `d`
  });
});
