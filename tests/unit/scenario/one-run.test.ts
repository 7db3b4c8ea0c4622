/**
 * A trainer sees every independent problem of a file in one run of the checker, and the `.json`
 * fast path reads files exactly as the YAML reader does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenario } from '../../../src/scenario/load.ts';
import { parseSource } from '../../../src/scenario/parse.ts';
import { jsonRepeatsAKey } from '../../../src/scenario/json-keys.ts';
import { ending, scenarioText } from './scenario-text.ts';

const codes = (text: string, file = 't.yaml') => loadScenario(text, file).diagnostics.map((d) => `${d.code}@${d.line}`);

describe('one run of the checker', () => {
  it('shows a misspelt key, a dangling link and an undeclared disclosure together', () => {
    const text = scenarioText(`
  greet:
    choices:
      - { say: Hello., next: tell, moood: 1 }
      - { say: Straight to it., next: nowhere }
  tell:
    choices:
      - { say: Your balance is on the account., next: done, discloses: [postcode] }
${ending('done')}`);
    const found = loadScenario(text, 't.yaml').diagnostics.map((d) => d.code);
    expect(found).toContain('HTL0010'); // unknown key "moood"
    expect(found).toContain('HTL0030'); // "nowhere" is not a step
    expect(found).toContain('HTL0055'); // data said before ID&V, not declared as a trap
    // The dangling link's knock-ons (a dead end, steps never reached) are held back.
    expect(found.filter((code) => ['HTL0050', 'HTL0052', 'HTL0053'].includes(code))).toEqual([]);
  });

  it('still stops at the shape stage when the file cannot be read as a call', () => {
    const text = scenarioText(`
  greet:
    choices:
      - { say: Hello., nxet: done }
${ending('done')}`);
    const found = loadScenario(text, 't.yaml').diagnostics.map((d) => d.code);
    expect(found).toContain('HTL0010');
    expect(found.some((code) => code >= 'HTL0050')).toBe(false);
  });
});

describe('the .json fast path', () => {
  const yamlText = readFileSync('tests/unit/scenario/fixtures/valid-minimal.json', 'utf8');

  it('gives the same data and positions as reading the JSON as YAML', () => {
    const fast = parseSource(yamlText, 'call.json');
    const slow = parseSource(yamlText, 'call.yaml');
    expect(fast.data).toEqual(slow.data);
    expect(fast.diagnostics).toEqual(slow.diagnostics);
    for (const path of [['nodes'], ['start'], ['crm', 'fields', 0, 'key']]) expect(fast.locate(path)).toEqual(slow.locate(path));
  });

  it('reports a repeated key where it was written, as the YAML reader does', () => {
    const repeated = '{\n  "id": "a",\n  "title": "x",\n  "id": "b"\n}\n';
    expect(jsonRepeatsAKey(repeated)).toBe(true);
    expect(jsonRepeatsAKey('{"a": {"id": 1}, "b": {"id": 2}, "c": [{"id": 1}, {"id": 1}]}')).toBe(false);
    expect(codes(repeated, 'call.json')).toEqual(codes(repeated, 'call.yaml'));
    expect(codes(repeated, 'call.json')[0]).toBe('HTL0002@4');
  });

  it('reports broken JSON with its position, as before', () => {
    const broken = stringify({ a: 1 }).replace('a: 1', '{"a": 1,');
    expect(codes(broken, 'call.json')).toEqual(codes(broken, 'call.yaml'));
    expect(codes(broken, 'call.json').length).toBeGreaterThan(0);
  });
});
