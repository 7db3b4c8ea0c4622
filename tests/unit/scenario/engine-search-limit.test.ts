import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenarioWithDetails } from '../../../src/scenario/load.ts';
import { analyseScenario, analysisDiagnostics } from '../../../src/scenario/analyse.ts';
import { engineSearchHopeless, shortestRuns } from '../../../src/scenario/sample-runs.ts';
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
