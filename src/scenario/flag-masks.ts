/**
 * Flags as bitmasks for the checker's state-space search: the flags that matter get a bit each
 * (the first 30 in one number, the rest in a second), and conditions and effects compile to masks
 * once. The rules are the engine's (`conditionHolds`, `applyFlagChanges`): all `flags` set, no
 * `notFlags` set, the ID&V verdict equal; a step clears first, then sets.
 */
import type { Choice, Condition } from '../core/model/scenario-schema.ts';

const LOW_BITS = 30;

export interface MaskCondition {
  readonly need: number;
  readonly needHigh: number;
  readonly forbid: number;
  readonly forbidHigh: number;
  readonly idv: Condition['idv'];
}

export interface MaskEffects {
  readonly set: number;
  readonly setHigh: number;
  readonly clear: number;
  readonly clearHigh: number;
}

export interface FlagSet {
  readonly size: number;
  condition(when: Condition): MaskCondition;
  /** Effects on the flags that matter; others are dropped. */
  effects(effects: Pick<Choice, 'set' | 'clear'>): MaskEffects;
  /** The names of the flags set in a mask, sorted. */
  names(mask: number, high: number): readonly string[];
}

export function compileFlagSet(flags: readonly string[]): FlagSet {
  const sorted = [...flags].sort();
  const bitOf = new Map(sorted.map((flag, i) => [flag, i]));
  const masks = (list: readonly string[] | undefined): [number, number] => {
    let low = 0;
    let high = 0;
    for (const flag of list ?? []) {
      const bit = bitOf.get(flag);
      if (bit === undefined) continue;
      if (bit < LOW_BITS) low |= 1 << bit;
      else high |= 1 << (bit - LOW_BITS);
    }
    return [low, high];
  };
  const named = new Map<string, readonly string[]>();
  return {
    size: sorted.length,
    condition(when) {
      const [need, needHigh] = masks(when.flags);
      const [forbid, forbidHigh] = masks(when.notFlags);
      return { need, needHigh, forbid, forbidHigh, idv: when.idv };
    },
    effects(effects) {
      const [set, setHigh] = masks(effects.set);
      const [clear, clearHigh] = masks(effects.clear);
      return { set, setHigh, clear, clearHigh };
    },
    names(mask, high) {
      const key = `${mask}|${high}`;
      let names = named.get(key);
      if (names === undefined) {
        names = sorted.filter((_, bit) => (bit < LOW_BITS ? (mask >> bit) & 1 : (high >> (bit - LOW_BITS)) & 1) === 1);
        named.set(key, names);
      }
      return names;
    },
  };
}

export function maskConditionHolds(c: MaskCondition, mask: number, high: number, idv: NonNullable<Condition['idv']>): boolean {
  return bitsAllow(mask, c.need, c.forbid) && bitsAllow(high, c.needHigh, c.forbidHigh) && (c.idv === undefined || c.idv === idv);
}

/** Whether the set bits include every `need` bit and no `forbid` bit (one half of a condition's flags). */
export function bitsAllow(bits: number, need: number, forbid: number): boolean {
  return (bits & need) === need && (bits & forbid) === 0;
}

/** Clear first, then set, as a step does. */
export function applyMaskEffects(mask: number, clear: number, set: number): number {
  return (mask & ~clear) | set;
}
