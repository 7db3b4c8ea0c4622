/**
 * The checker's bitmask form of conditions and flag changes agrees with the engine's own rules
 * (`conditionHolds`, `applyFlagChanges`) on seeded random flags, conditions and effects, including
 * past the first 30 flags, where a second number holds the bits.
 */
import { describe, expect, it } from 'vitest';
import { applyFlagChanges, conditionHolds } from '../../../src/core/engine/apply-step.ts';
import { mulberry32 } from '../../../src/core/seeded-random.ts';
import { applyMaskEffects, compileFlagSet, maskConditionHolds } from '../../../src/scenario/flag-masks.ts';
import type { Condition } from '../../../src/core/model/scenario-schema.ts';

const FLAGS = Array.from({ length: 40 }, (_, i) => `flag-${String(i).padStart(2, '0')}`);
const VERDICTS = ['not-done', 'passed', 'failed'] as const;

describe('flag bitmasks', () => {
  const random = mulberry32(7);
  const some = (chance: number) => FLAGS.filter(() => random() < chance);
  const set = compileFlagSet(FLAGS);
  const maskOf = (flags: readonly string[]) => {
    const e = set.effects({ set: [...flags] });
    return { low: e.set, high: e.setHigh };
  };

  it('hold exactly when the engine says a `when` holds', () => {
    let held = 0;
    for (let i = 0; i < 2000; i += 1) {
      const flags = some(0.5);
      const idv = VERDICTS[Math.floor(random() * 3)]!;
      const when: Condition = { flags: some(0.04), notFlags: some(0.04), ...(random() < 0.3 ? { idv: VERDICTS[Math.floor(random() * 3)]! } : {}) };
      const { low, high } = maskOf(flags);
      const engine = conditionHolds({ flags, idv }, when);
      expect(maskConditionHolds(set.condition(when), low, high, idv)).toBe(engine);
      if (engine) held += 1;
    }
    expect(held).toBeGreaterThan(50); // both outcomes were tried
  });

  it('change flags as a step does: clear first, then set', () => {
    for (let i = 0; i < 2000; i += 1) {
      const flags = some(0.5);
      const changes = { set: some(0.1), clear: some(0.1) };
      const { low, high } = maskOf(flags);
      const e = set.effects(changes);
      const names = set.names(applyMaskEffects(low, e.clear, e.set), applyMaskEffects(high, e.clearHigh, e.setHigh));
      expect(names).toEqual([...applyFlagChanges(flags, changes)].sort());
    }
  });
});
