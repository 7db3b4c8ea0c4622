/**
 * Where the build of a generated story goes, stage by stage: parse, then each part of validate
 * (shape, references, state space, graph, compliance), then compile (config, hash, machine).
 * `npm run bench:build -- [size...]` (default 300 1000; REPS=n for the number of builds, default 7).
 * Each build parses the same text afresh and runs the stages in order, each timed on its own
 * (performance.now); a figure is the median over the builds, after one untimed warm-up build.
 * The stories are bench:engine's (tools/bench/generated-scenario.ts), so the stages add up to its
 * parse + validate + compile (validate also sorts the diagnostics, not timed here).
 */
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { generatedScenario } from './generated-scenario.ts';
import { parseSource } from '../../src/scenario/parse.ts';
import { validateShape } from '../../src/scenario/validate-shape.ts';
import { validateReferences } from '../../src/scenario/validate-references.ts';
import { exploreStateSpace } from '../../src/scenario/state-space.ts';
import { validateGraph } from '../../src/scenario/validate-graph.ts';
import { validateCompliance } from '../../src/scenario/validate-compliance.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { EMPTY_LIBRARY } from '../../src/core/model/library.ts';
import type { Scenario } from '../../src/core/model/scenario-schema.ts';

const REPS = Number(process.env.REPS ?? 7);
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function stages(text: string, file: string): Record<string, number> {
  const times: Record<string, number> = {};
  const time = <T>(name: string, fn: () => T): T => {
    const t0 = performance.now();
    const out = fn();
    times[name] = performance.now() - t0;
    return out;
  };
  const parsed = time('parse', () => parseSource(text, file));
  const shape = time('shape', () => validateShape(parsed.data, file, parsed.locate));
  const scenario = shape.scenario as Scenario;
  time('references', () => validateReferences(scenario, file, parsed.locate, EMPTY_LIBRARY));
  const space = time('state space', () => exploreStateSpace(scenario));
  time('graph', () => validateGraph(scenario, space, file, parsed.locate));
  time('compliance', () => validateCompliance(scenario, space, file, parsed.locate));
  const definition = time('compile config', () => compileScenario(scenario));
  time('compile hash', () => definition.hash);
  time('compile machine', () => definition.machine);
  times['states'] = space.stateNode.length;
  times['edges'] = space.edgeFrom.length;
  return times;
}

for (const size of sizes.length > 0 ? sizes : [300, 1000]) {
  const text = stringify(generatedScenario(size));
  const file = `generated-${size}.yaml`;
  stages(text, file);
  const runs = Array.from({ length: REPS }, () => stages(text, file));
  const names = Object.keys(runs[0]!);
  const line = names.map((name) => `${name} ${median(runs.map((r) => r[name]!)).toFixed(name === 'states' || name === 'edges' ? 0 : 2)}`);
  console.log(`${size} steps (median of ${REPS}, ms): ${line.join(' · ')}`);
}
