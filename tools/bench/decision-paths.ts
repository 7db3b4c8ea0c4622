/**
 * Distinct seeded paths through the benchmark's story model: at each step a decision drawn at
 * random among those on offer. Each path is given to every engine in its own input form, prepared
 * here outside any timing: the model's decision indices (raw XState, the table walk), ink's
 * on-screen choice indices, and the project's events.
 */
import type { CallEvent } from '../../src/shared/call-events.ts';
import { mulberry32 } from '../../src/core/seeded-random.ts';
import { clamp, conditionHolds, HUNG_UP, type Decision, type ModelNode, type StoryModel, type Summary } from './story-model.ts';

export interface DecisionPath {
  /** Index into the step's decisions, per decision. */
  readonly decisions: readonly number[];
  /** Index among the choices on offer (what ink's `ChooseChoiceIndex` takes), per decision. */
  readonly shown: readonly number[];
  /** The same path as the project's engine takes it, from the ringing phone. */
  readonly events: readonly CallEvent[];
}

/** The longest path drawn (a safety net: the generated story always moves forward). */
const MAX_DECISIONS = 5000;

export function decisionPaths(model: StoryModel, count: number, seed: number): DecisionPath[] {
  const random = mulberry32(seed);
  const seen = new Set<string>();
  const paths: DecisionPath[] = [];
  for (let attempt = 0; paths.length < count && attempt < count * 20; attempt += 1) {
    const decisions: number[] = [];
    const shown: number[] = [];
    const events: CallEvent[] = [{ type: 'call.answer' }];
    const flags = new Set<string>();
    let idv: Summary['idv'] = 'not-done';
    let patience = model.patience;
    let at: string | null = model.start;
    while (at !== null && decisions.length < MAX_DECISIONS) {
      const node: ModelNode = model.nodes.get(at)!;
      if (!node.final && patience <= 0) {
        at = HUNG_UP;
        continue;
      }
      const offered = node.decisions.flatMap((d, i) => (conditionHolds(d.when, flags, idv) ? [i] : []));
      const pick = Math.floor(random() * offered.length);
      const index = offered[pick]!;
      const d: Decision = node.decisions[index]!;
      decisions.push(index);
      shown.push(pick);
      events.push(...d.events);
      for (const f of d.clear) flags.delete(f);
      for (const f of d.set) flags.add(f);
      if (d.idv !== null) idv = d.idv;
      patience = clamp(clamp(patience - d.holdPenalty, 0, 100) + d.patience, 0, 100);
      at = d.next;
    }
    const key = decisions.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    paths.push({ decisions, shown, events });
  }
  return paths;
}
