/**
 * What the "play from here" form offers, worked out in the checking worker so the page never
 * parses the call while the trainer types: the steps a test can start at, the call's own starting
 * mood and patience, and every flag it sets, clears or tests.
 */
import type { Scenario } from '../core/model/scenario-schema.ts';

export interface StartChoices {
  readonly steps: readonly string[];
  readonly first: string;
  readonly mood: number;
  readonly patience: number;
  readonly flags: readonly string[];
}

interface FlagUse {
  readonly set?: readonly string[] | undefined;
  readonly clear?: readonly string[] | undefined;
  readonly when?: { readonly flags?: readonly string[] | undefined; readonly notFlags?: readonly string[] | undefined } | undefined;
}

/** Every flag the call sets, clears or tests, in the order first met. */
export function flagsOf(scenario: Scenario): string[] {
  const found = new Set<string>();
  const add = (list: readonly string[] | undefined) => { for (const f of list ?? []) found.add(f); };
  for (const node of Object.values(scenario.nodes)) {
    const uses: FlagUse[] = [node as FlagUse];
    if ('choices' in node) uses.push(...node.choices);
    if ('wrong' in node && node.wrong !== undefined) uses.push(node.wrong as FlagUse);
    for (const use of uses) {
      add(use.set);
      add(use.clear);
      add(use.when?.flags);
      add(use.when?.notFlags);
    }
  }
  return [...found];
}

export function startChoices(scenario: Scenario): StartChoices {
  return {
    steps: Object.entries(scenario.nodes).filter(([, n]) => n.type !== 'ending').map(([id]) => id),
    first: scenario.start,
    mood: scenario.customer.mood,
    patience: scenario.customer.patience,
    flags: flagsOf(scenario),
  };
}
