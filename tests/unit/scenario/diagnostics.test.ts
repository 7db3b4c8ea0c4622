import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load.ts';
import {
  DIAGNOSTIC_CODES,
  DIAGNOSTICS,
  DiagnosticSchema,
  formatDiagnostic,
  makeDiagnostic,
  sortDiagnostics,
} from '../../../src/scenario/diagnostics.ts';
import { closestWord, editDistance } from '../../../src/scenario/closest-word.ts';

describe('the diagnostics catalogue', () => {
  it('has stable, distinct codes HTL0001… each with a message and a fix hint', () => {
    expect(new Set(DIAGNOSTIC_CODES).size).toBe(DIAGNOSTIC_CODES.length);
    for (const code of DIAGNOSTIC_CODES) {
      expect(code).toMatch(/^HTL\d{4}$/);
      const entry = DIAGNOSTICS[code];
      expect(['error', 'warning']).toContain(entry.severity);
      expect(entry.message.length).toBeGreaterThan(10);
      expect(entry.hint.length).toBeGreaterThan(3);
      // No developer words in a trainer's message.
      expect(`${entry.message} ${entry.hint}`).not.toMatch(/zod|schema|undefined|null|stack|exception/i);
    }
  });

  it('fills the templates and keeps the severity from the catalogue', () => {
    const d = makeDiagnostic('HTL0030', { from: 'choice 1 of step `greet`', target: 'wrap-up', suggestion: 'did you mean `wrapup`? ' }, 'a.yaml', {
      line: 12,
      col: 9,
    });
    expect(DiagnosticSchema.parse(d)).toEqual(d);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('Choice 1 of step `greet` goes to `wrap-up`, but there is no step with that id');
    expect(formatDiagnostic(d)).toBe(
      'a.yaml:12:9 HTL0030 Choice 1 of step `greet` goes to `wrap-up`, but there is no step with that id (did you mean `wrapup`? add a step `wrap-up` under `nodes`, or point to an existing one)',
    );
  });

  it('sorts diagnostics into reading order', () => {
    const at = (line: number, col: number) => makeDiagnostic('HTL0003', {}, 'f.yaml', { line, col });
    expect(sortDiagnostics([at(9, 1), at(2, 5), at(2, 1)]).map((d) => `${d.line}:${d.col}`)).toEqual(['2:1', '2:5', '9:1']);
  });
});

describe('suggestions for misspellings', () => {
  it('measures edits, counting a swap of neighbours as one', () => {
    expect(editDistance('patience', 'patience')).toBe(0);
    expect(editDistance('patince', 'patience')).toBe(1);
    expect(editDistance('patiecne', 'patience')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only a likely typo, never a far-fetched word', () => {
    expect(closestWord('patince', ['mood', 'patience', 'name'])).toBe('patience');
    expect(closestWord('Choices', ['choices', 'customer'])).toBe('choices');
    expect(closestWord('banana', ['mood', 'patience', 'name'])).toBeUndefined();
  });
});

describe('docs/scenario-format.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'scenario-format.md'), 'utf8');

  it('explains every diagnostic code in the catalogue, and no code that does not exist', () => {
    for (const code of DIAGNOSTIC_CODES) expect(doc, code).toMatch(new RegExp(`^\\| ${code} \\| ${DIAGNOSTICS[code].severity} \\|`, 'm'));
    const documented = [...doc.matchAll(/^\| (HTL\d{4}) \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...DIAGNOSTIC_CODES].sort());
  });

  it('opens with a worked example that passes every check', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(example).toContain('format: 2');
    expect(loadScenario(example, 'example.yaml').diagnostics).toEqual([]);
  });
});
