/**
 * Whatever a trainer writes, the pipeline answers with diagnostics that point inside the file —
 * never a crash. Seeded random damage to a valid call, at the text level and at the data level.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenario } from '../../../src/scenario/load.ts';
import { parseSource } from '../../../src/scenario/parse.ts';
import { mulberry32, pick } from '../../../src/scenario/seeded-random.ts';

const VALID = readFileSync(join(import.meta.dirname, 'fixtures', 'valid-minimal.yaml'), 'utf8');
const JUNK: readonly unknown[] = [null, [], {}, '', 'x', 'Greet', 0, -1, 2.5, 9999, true, [1, 'a'], { say: 1 }];

function expectWellFormed(text: string): void {
  const lines = text.split('\n').length;
  const { diagnostics } = loadScenario(text, 'damaged.yaml');
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.message).not.toMatch(/\{\w+\}|\[object |at .*\.ts:\d+/);
  }
}

/** Every path to a value in plain data. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

describe('damaged files', () => {
  it('never throw when lines are deleted, repeated or garbled', () => {
    const random = mulberry32(11);
    const lines = VALID.split('\n');
    for (let i = 0; i < 150; i += 1) {
      const damaged = [...lines];
      const at = Math.floor(random() * damaged.length);
      const kind = Math.floor(random() * 4);
      if (kind === 0) damaged.splice(at, 1);
      else if (kind === 1) damaged.splice(at, 0, damaged[at] ?? '');
      else if (kind === 2) damaged[at] = (damaged[at] ?? '').replace(/\w+/, String(pick(random, ['zz', '- x', ': ', '{', '"', 'nodes'])));
      else damaged[at] = ` ${damaged[at] ?? ''}`;
      const text = damaged.join('\n');
      expect(() => expectWellFormed(text), `damage ${i}: ${kind} at line ${at + 1}`).not.toThrow();
    }
  });

  it('never throw when any value is replaced by a value of another kind', () => {
    const random = mulberry32(23);
    const data = parseSource(VALID, 'v.yaml').data;
    const all = paths(data).filter((p) => p.length > 0);
    for (let i = 0; i < 250; i += 1) {
      const copy = structuredClone(data) as Record<string | number, unknown>;
      const path = pick(random, all) ?? [];
      let parent: Record<string | number, unknown> = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      parent[path[path.length - 1] as string | number] = pick(random, JUNK);
      const text = stringify(copy);
      expect(() => expectWellFormed(text), `set ${path.join('.')}`).not.toThrow();
    }
  });
});
