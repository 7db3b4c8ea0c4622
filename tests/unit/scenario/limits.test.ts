import { describe, expect, it } from 'vitest';
import { loadScenario, MAX_DIAGNOSTICS, MAX_SCENARIO_BYTES } from '../../../src/scenario/load.ts';

describe('a file no call could be', () => {
  it('is refused unread, with its size, when it is over the limit', () => {
    const started = performance.now();
    const { definition, diagnostics } = loadScenario(`format: 2\n${'# filler line\n'.repeat(Math.ceil((MAX_SCENARIO_BYTES * 5) / 14))}`, 'huge.yaml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(definition).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['HTL0072']);
    expect(diagnostics[0]!.message).toContain('10.0 MB');
  });

  it('lists at most 100 problems and counts the rest in one line', () => {
    const text = `format: 2\n${Array.from({ length: 250 }, (_, i) => `unknown${i}: 1\n`).join('')}`;
    const { diagnostics } = loadScenario(text, 'many.yaml');
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(diagnostics.at(-1)!.code).toBe('HTL0073');
    expect(diagnostics.at(-1)!.message).toMatch(/^\d+ more problems/);
  });
});
