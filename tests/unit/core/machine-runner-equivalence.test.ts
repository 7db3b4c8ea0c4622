/**
 * The call's rules are written once (CALL_GUARDS and CALL_ACTIONS); the XState machine wraps them
 * for live play and the pure runner calls them directly for analysis. Seeded random play over every
 * shipped call and a generated one keeps the two in step: the same state and context after every
 * event, and the same refusals.
 */
import { readdirSync } from 'node:fs';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenarioFile } from '../../helpers/walkthrough.ts';
import { loadScenario } from '../../../src/scenario/load.ts';
import { ConfigRunner, type RunnerState } from '../../../src/scenario/config-runner.ts';
import { candidateEvents } from '../../../src/scenario/call-moves.ts';
import { mulberry32 } from '../../../src/scenario/seeded-random.ts';
import type { CallDefinition } from '../../../src/core/engine/call-definition.ts';
import type { CallEvent } from '../../../src/shared/call-events.ts';
import { generatedScenario } from '../../../tools/bench/generated-scenario.ts';
import { replay } from '../../../src/core/engine/replay.ts';

/** Walks per shipped call (20 calls: 2,000 paths) and on the generated one. */
const WALKS = 100;
const GENERATED_WALKS = 300;

function lockstep(def: CallDefinition, seed: number, walks = WALKS): number {
  const runner = new ConfigRunner(def);
  const random = mulberry32(seed);
  let steps = 0;
  for (let walk = 0; walk < walks; walk += 1) {
    const actor = createActor(def.machine).start();
    let state: RunnerState = runner.initial();
    // The in-place cursor (the checker's walks) steps alongside, on one working context.
    const cursor = runner.cursor();
    const walkEvents: CallEvent[] = [];
    for (let i = 0; i < 400 && !state.done; i += 1) {
      const snapshot = actor.getSnapshot();
      const options: CallEvent[] = candidateEvents(def, String(snapshot.value), snapshot.context, { wrapUp: true });
      // Now and then an event that is not on offer here: both must refuse it.
      const stray: CallEvent = { type: 'agent.choose', index: 8 };
      const event = random() < 0.05 ? stray : options[Math.floor(random() * options.length)]!;
      actor.send(event);
      const after = actor.getSnapshot();
      const next = runner.send(state, event);
      const took = cursor.take(event);
      if (after === snapshot) {
        expect(next, `${def.scenario.id}: the runner took ${JSON.stringify(event)} that the machine refused`).toBeNull();
        expect(took, `${def.scenario.id}: the cursor took ${JSON.stringify(event)} that the machine refused`).toBe(false);
        continue;
      }
      expect(next, `${def.scenario.id}: the runner refused ${JSON.stringify(event)}`).not.toBeNull();
      state = next!;
      walkEvents.push(event);
      expect(state.value).toBe(String(after.value));
      expect(state.context).toEqual(after.context);
      expect(state.done).toBe(after.status === 'done');
      expect(took).toBe(true);
      expect(cursor.value).toBe(state.value);
      expect(cursor.context).toEqual(after.context);
      expect(cursor.done).toBe(state.done);
      steps += 1;
    }
    // replay() (what scoring and the server use) reaches the same end from the accepted events.
    expect(replayed(def, walkEvents)).toEqual({ value: state.value, context: state.context });
    actor.stop();
  }
  return steps;
}

function replayed(def: CallDefinition, events: readonly CallEvent[]): { value: string; context: unknown } | string {
  const result = replay(def, events);
  return result.ok ? { value: result.snapshot.value, context: result.snapshot.context } : result.error;
}

const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();

describe('the XState machine and the pure runner apply the same rules', () => {
  it.each(files)('%s: equal after every event of seeded random play', (file) => {
    expect(lockstep(loadScenarioFile(`scenarios/${file}`), file.length * 7919)).toBeGreaterThan(WALKS);
  });

  it('a generated 300-step call: equal after every event', () => {
    const loaded = loadScenario(stringify(generatedScenario(300)), 'generated-300.yaml');
    expect(loaded.definition).toBeDefined();
    expect(lockstep(loaded.definition!, 4242, GENERATED_WALKS)).toBeGreaterThan(GENERATED_WALKS);
  });
});
