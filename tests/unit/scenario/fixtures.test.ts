/**
 * Golden fixtures: each broken file in fixtures/ must give exactly the diagnostics listed here —
 * the same codes at the same lines (and columns), no more and no fewer. The comment on the first
 * line of each fixture says what is wrong with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load.ts';
import { DIAGNOSTICS, formatDiagnostic } from '../../../src/scenario/diagnostics.ts';
import type { DiagnosticCode } from '../../../src/scenario/diagnostics.ts';

const DIR = join(import.meta.dirname, 'fixtures');

type Expected = readonly [code: DiagnosticCode, line: number, col: number];

/** file → the diagnostics it must produce, in reading order. */
const GOLDEN: Readonly<Record<string, readonly Expected[]>> = {
  // Parse: the file is not readable.
  'yaml-syntax-error.yaml': [['HTL0001', 4, 8]], // the quote opened on line 4 is never closed
  'json-syntax-error.json': [['HTL0001', 6, 3]], // a missing ] after the skills list
  'empty.yaml': [['HTL0003', 1, 1]],
  'duplicate-key.yaml': [['HTL0002', 9, 1]], // the second `difficulty`
  'tab-indent.yaml': [['HTL0005', 11, 1]],
  'top-level-list.yaml': [['HTL0004', 2, 1]],
  // Shape: wrong types, misspelt keys, bad values.
  'choices-not-a-list.yaml': [['HTL0012', 54, 5]],
  'list-where-object.yaml': [['HTL0012', 10, 1]],
  'misspelt-key.yaml': [
    ['HTL0011', 12, 1], // `customer` has no `patience` …
    ['HTL0010', 16, 3], // … because it is spelt `patince`
  ],
  'bad-enum.yaml': [
    ['HTL0014', 8, 1],
    ['HTL0014', 26, 23],
  ],
  'out-of-range.yaml': [
    ['HTL0013', 7, 1],
    ['HTL0013', 11, 3],
  ],
  'not-whole-number.yaml': [['HTL0020', 15, 3]],
  'unknown-node-type.yaml': [['HTL0015', 54, 5]],
  'missing-field.yaml': [['HTL0011', 41, 3]],
  'bad-id.yaml': [['HTL0016', 3, 1]],
  'bad-step-id.yaml': [
    ['HTL0016', 46, 5], // `fail: Refuse` points at a badly written id …
    ['HTL0044', 53, 3], // … and the step itself has that id
  ],
  'empty-text.yaml': [['HTL0018', 60, 5]],
  'too-few-dispositions.yaml': [['HTL0017', 70, 7]],
  'json-wrong-type.json': [
    ['HTL0012', 21, 5],
    ['HTL0011', 68, 9],
    ['HTL0010', 75, 11],
  ],
  // References.
  'dangling-next.yaml': [['HTL0030', 56, 9]],
  'bad-start.yaml': [['HTL0043', 28, 1]],
  'qa-unknown-item.yaml': [
    ['HTL0041', 26, 7], // `greeting` is no longer marked anywhere …
    ['HTL0031', 35, 21], // … because the step marks `greeted`
  ],
  'discloses-unknown-key.yaml': [['HTL0032', 51, 30]],
  'idv-asks-unknown-key.yaml': [['HTL0033', 23, 24]],
  'idv-answer-not-asked.yaml': [['HTL0034', 44, 61]],
  'idv-no-policy.yaml': [['HTL0035', 40, 5]],
  'duplicate-ids.yaml': [
    ['HTL0037', 21, 9],
    ['HTL0036', 28, 9],
  ],
  'reserved-qa-id.yaml': [['HTL0038', 26, 9]],
  'ending-without-correct-disposition.yaml': [['HTL0039', 70, 7]],
  'trap-with-why.yaml': [['HTL0040', 41, 9]],
  'qa-never-met.yaml': [['HTL0041', 27, 7]],
  // The call as a whole.
  'unreachable-node.yaml': [['HTL0050', 57, 3]],
  'never-offered-choice.yaml': [['HTL0051', 56, 9]],
  'dead-end.yaml': [
    ['HTL0052', 53, 3],
    ['HTL0051', 57, 9],
    ['HTL0050', 66, 3],
  ],
  'loop-no-exit.yaml': [
    ['HTL0053', 53, 3],
    ['HTL0050', 70, 3],
  ],
  'no-ending.yaml': [['HTL0054', 20, 1]],
  // Compliance lint.
  'disclosure-before-idv.yaml': [['HTL0055', 38, 9]],
  'disclosure-in-lookup.yaml': [['HTL0055', 60, 5]],
  'third-party-disclosure.yaml': [['HTL0056', 52, 9]],
  'undeclared-breach.yaml': [['HTL0057', 59, 9]],
};

function load(file: string) {
  return loadScenario(readFileSync(join(DIR, file), 'utf8'), file);
}

describe('golden fixtures', () => {
  it('cover at least 22 broken files', () => {
    expect(Object.keys(GOLDEN).length).toBeGreaterThanOrEqual(22);
  });

  it.each(Object.entries(GOLDEN))('%s gives exactly its expected diagnostics', (file, expected) => {
    const { diagnostics } = load(file);
    expect(diagnostics.map((d) => [d.code, d.line, d.col])).toEqual(expected);
  });

  it.each(Object.entries(GOLDEN))('%s: every message and hint is filled in, with no placeholder left', (file) => {
    for (const d of load(file).diagnostics) {
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.hint.length).toBeGreaterThan(5);
      expect(`${d.message} ${d.hint}`).not.toMatch(/\{\w+\}|undefined|\[object/);
      expect(formatDiagnostic(d)).toBe(`${file}:${d.line}:${d.col} ${d.code} ${d.message} (${d.hint})`);
    }
  });

  it('loads a file whose only problems are warnings, and refuses one with an error', () => {
    for (const [file, expected] of Object.entries(GOLDEN)) {
      const onlyWarnings = expected.every(([code]) => DIAGNOSTICS[code].severity === 'warning');
      expect(load(file).definition !== undefined, file).toBe(onlyWarnings);
    }
  });

  it('accepts the valid example, in YAML and in JSON, as the same call', () => {
    const yaml = load('valid-minimal.yaml');
    const json = load('valid-minimal.json');
    expect(yaml.diagnostics).toEqual([]);
    expect(json.diagnostics).toEqual([]);
    expect(json.definition?.hash).toBe(yaml.definition?.hash);
  });

  it('says which key was meant when one is misspelt', () => {
    const [, misspelt] = load('misspelt-key.yaml').diagnostics;
    expect(misspelt?.message).toContain('`patince`');
    expect(misspelt?.hint).toContain('did you mean `patience`?');
  });

  it('names the allowed values for a bad enum and the range for a number out of range', () => {
    const [direction] = load('bad-enum.yaml').diagnostics;
    expect(direction?.hint).toContain('`inbound`, `outbound`');
    const [difficulty] = load('out-of-range.yaml').diagnostics;
    expect(difficulty?.message).toContain('1 to 5');
  });

  it('describes a wrong type in a trainer\'s words', () => {
    const [choices] = load('choices-not-a-list.yaml').diagnostics;
    expect(choices?.message).toBe('`choices` in step `refuse` should be a list of choices, found a block of fields');
  });

  it('asks for a trap before ID&V, but not after a pass on a near-miss (that breach is the ID&V step\'s own lesson)', () => {
    expect(load('disclosure-before-idv.yaml').diagnostics[0]?.message).toContain('before any ID&V');
    expect(load('disclosure-after-wrong-pass.yaml').diagnostics.filter((d) => d.code === 'HTL0055')).toEqual([]);
    expect(load('disclosure-before-idv.yaml').diagnostics[0]?.hint).toBe(
      'declare it a trap: if the disclosure is the lesson, or move it after the ID&V step',
    );
  });
});
