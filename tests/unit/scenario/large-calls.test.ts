/** The path analysis on calls far larger than the shipped ones: what it skips, and what it must still get right. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenarioWithDetails } from '../../../src/scenario/load.ts';
import { analyseScenario, analysisDiagnostics } from '../../../src/scenario/analyse.ts';
import { engineSearchHopeless, RandomWalker, shortestRuns } from '../../../src/scenario/sample-runs.ts';
import { movesAt } from '../../../src/scenario/call-moves.ts';
import { mulberry32, type Random } from '../../../src/scenario/seeded-random.ts';
import { MAX_RUN_EVENTS, type CallEvent } from '../../../src/shared/call-events.ts';
import { replay } from '../../../src/core/engine/replay.ts';
import type { CallDefinition } from '../../../src/core/engine/call-definition.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import { readSharedLibrary } from '../../../src/server/knowledge-files.ts';
import { generatedScenario } from '../../../tools/bench/generated-scenario.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');
const { library } = readSharedLibrary();

function loaded(name: string, text: string) {
  const result = loadScenarioWithDetails(text, name, library);
  if (result.definition === undefined || result.space === undefined) throw new Error(`${name} does not load`);
  return { def: result.definition, space: result.space, locate: result.locate };
}

describe('the engine-side search is not started when it would give up', () => {
  it('starts it, and it finishes, for every shipped call and a generated 100-step call', () => {
    const calls = readdirSync(SHIPPED)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => loaded(name, readFileSync(join(SHIPPED, name), 'utf8')));
    calls.push(loaded('generated-100', stringify(generatedScenario(100))));
    expect(calls.length).toBeGreaterThan(10);
    for (const { def, space } of calls) {
      expect(engineSearchHopeless(space.states.length, space.truncated)).toBe(false);
      expect(shortestRuns(def, new ConfigRunner(def)).reached).not.toBeNull();
    }
  }, 60_000);

  it('skips it for a generated 300-step call, which the search could not finish, and says so', () => {
    const { def, space, locate } = loaded('generated-300', stringify(generatedScenario(300)));
    expect(engineSearchHopeless(space.states.length, space.truncated)).toBe(true);
    // The prediction is right: run anyway, the search gives up.
    expect(shortestRuns(def, new ConfigRunner(def)).reached).toBeNull();
    const report = analyseScenario(def, { space, walks: 20 });
    expect(report.engineChecked).toBe(false);
    expect(analysisDiagnostics(report, 'generated-300.yaml', locate).map((d) => d.code)).toEqual(['HTL0061']);
  }, 60_000);
});

/** One random walk stepped plainly from the ringing phone, drawing as the walker does: its events, or null. */
function plainWalk(def: CallDefinition, runner: ConfigRunner, random: Random): CallEvent[] | null {
  let state = runner.initial();
  const events: CallEvent[] = [];
  while (!state.done) {
    if (events.length >= MAX_RUN_EVENTS) return null;
    const options = movesAt(def, state.value, state.context, { wrapUp: true });
    if (options.length === 0) return null;
    const event = options[Math.floor(random() * options.length)]!;
    const next = runner.send(state, event);
    if (next === null) return null;
    events.push(event);
    state = next;
  }
  return events;
}

describe('long walks', () => {
  it('are the walks stepped plainly, past the depth where the walks stop sharing a tree, and end where the real machine does', () => {
    const { def } = loaded('generated-1000', stringify(generatedScenario(1000)));
    const runner = new ConfigRunner(def);
    const walker = new RandomWalker(runner, def);
    const [fast, plain] = [mulberry32(5), mulberry32(5)];
    let long = 0;
    for (let i = 0; i < 30; i += 1) {
      const walk = walker.walk(fast);
      const expected = plainWalk(def, runner, plain);
      expect(walk?.events() ?? null).toEqual(expected);
      if (walk === null) continue;
      if (walk.events().length > 64) long += 1;
      const real = replay(def, walk.events());
      expect(real.ok && real.snapshot.context).toEqual(walk.final.context);
    }
    expect(long).toBeGreaterThan(20);
  }, 60_000);
});
