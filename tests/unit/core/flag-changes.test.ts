import { describe, expect, it } from 'vitest';
import { applyFlagChanges, conditionHolds } from '../../../src/core/engine/apply-step.ts';

describe('flag changes of a step', () => {
  it('clears first, then adds new flags after the kept ones, in the order the step names them', () => {
    expect(applyFlagChanges(['a', 'b', 'c'], { clear: ['b'], set: ['d', 'a', 'b'] })).toEqual(['a', 'c', 'd', 'b']);
  });

  it('gives back the very same list when the step changes nothing', () => {
    const flags = ['a', 'b'];
    expect(applyFlagChanges(flags, { set: ['b', 'a'] })).toBe(flags);
    expect(applyFlagChanges(flags, { clear: ['z'] })).toBe(flags);
    expect(applyFlagChanges(flags, {})).toBe(flags);
  });

  it('never changes the list it was given', () => {
    const flags = ['a', 'b'];
    applyFlagChanges(flags, { clear: ['a'], set: ['c'] });
    expect(flags).toEqual(['a', 'b']);
  });
});

describe("a choice's condition", () => {
  const context = { flags: ['told-fee', 'angry'], idv: 'passed' as const };
  it('needs every flag named, none of the forbidden ones, and the ID&V state named', () => {
    expect(conditionHolds(context, null)).toBe(true);
    expect(conditionHolds(context, { flags: ['told-fee', 'angry'] })).toBe(true);
    expect(conditionHolds(context, { flags: ['told-fee', 'calm'] })).toBe(false);
    expect(conditionHolds(context, { notFlags: ['calm'] })).toBe(true);
    expect(conditionHolds(context, { notFlags: ['calm', 'angry'] })).toBe(false);
    expect(conditionHolds(context, { idv: 'failed' })).toBe(false);
    expect(conditionHolds(context, { idv: 'passed', flags: ['angry'], notFlags: ['calm'] })).toBe(true);
  });
});
