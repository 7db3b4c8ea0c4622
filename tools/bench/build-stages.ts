/**
 * Where the build of a generated story goes, stage by stage: parse, then each part of validate
 * (shape, references, state space, graph, compliance), then compile (config, hash), and the XState
 * machine on its own line (it is built on first use: only a call played live needs it).
 * `npm run bench:build -- [size...]` (default 300 1000; REPS=n for the number of builds, default 7).
 * Each build parses the same text afresh and runs the stages in order, each timed on its own
 * (performance.now); a figure is the median over the builds, after one untimed warm-up build, and a
 * total is the median of the builds' own totals (not the sum of medians). Garbage collection is
 * timed too (Node's `gc` performance entries, each counted in the stage it started in; the mean
 * over the builds, since a collection falls in one build's stage and not the next), so a slow
 * stage can be told apart from a stage that paid for the garbage of earlier ones. MB: what each
 * stage allocated on the JS heap, the median of ALLOC_REPS (default 3) further builds run with
 * V8's sampling heap profiler on (see `allocatedDuring`), after the timed ones, so the profiler
 * costs the times nothing. EACH=1 prints every build's stages.
 * The stories are bench:engine's (tools/bench/generated-scenario.ts), so parse + validate + compile
 * here is bench:engine's build figure split up (validate also sorts the diagnostics, not timed here).
 */
import { performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { Session } from 'node:inspector';
import { setImmediate as nextTurn } from 'node:timers/promises';
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
const ALLOC_REPS = Number(process.env.ALLOC_REPS ?? 3);
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
/** The stages that make up parse + validate + compile; the machine is timed after them, apart. */
const BUILD = ['parse', 'shape', 'references', 'state space', 'graph', 'compliance', 'compile config', 'compile hash'];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Build {
  /** Per stage: [start, end] in performance.now() time. */
  readonly windows: Map<string, readonly [number, number]>;
  /** Per stage: bytes allocated (see `allocatedDuring`). */
  readonly allocated: Map<string, number>;
  readonly states: number;
  readonly edges: number;
}

const session = new Session();
session.connect();
session.post('HeapProfiler.enable');

function sampledBytes(node: { selfSize: number; children: readonly unknown[] }): number {
  return node.selfSize + (node.children as (typeof node)[]).reduce((sum, child) => sum + sampledBytes(child), 0);
}

/**
 * Bytes a function allocates on the JS heap, by V8's sampling heap profiler (a sample every 512
 * bytes on average, objects later collected included): garbage and live data alike, whenever
 * the collector runs. Typed arrays' buffers live outside the JS heap and are not counted. The
 * inspector answers these calls at once, so the bytes are known when the function returns.
 */
function allocatedDuring<T>(fn: () => T): { out: T; bytes: number } {
  session.post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const out = fn();
  let bytes = 0;
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (error === null) bytes = sampledBytes(result.profile.head);
  });
  return { out, bytes };
}

function build(text: string, file: string, measureBytes = false): Build {
  const windows = new Map<string, readonly [number, number]>();
  const allocated = new Map<string, number>();
  const time = <T>(name: string, fn: () => T): T => {
    const t0 = performance.now();
    const { out, bytes } = measureBytes ? allocatedDuring(fn) : { out: fn(), bytes: 0 };
    windows.set(name, [t0, performance.now()]);
    allocated.set(name, bytes);
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
  time('XState machine', () => definition.machine);
  return { windows, allocated, states: space.stateNode.length, edges: space.edgeTo.length };
}

/** Milliseconds of garbage collection that started inside each stage's window. */
function gcByStage(windows: Build['windows'], gcs: readonly PerformanceEntry[]): Map<string, number> {
  const spent = new Map<string, number>();
  for (const [name, [t0, t1]] of windows) {
    spent.set(name, gcs.filter((gc) => gc.startTime >= t0 && gc.startTime < t1).reduce((sum, gc) => sum + gc.duration, 0));
  }
  return spent;
}

const gcs: PerformanceEntry[] = [];
const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
observer.observe({ entryTypes: ['gc'] });

const f = (ms: number) => ms.toFixed(2);
for (const size of sizes.length > 0 ? sizes : [300, 1000]) {
  const text = stringify(generatedScenario(size));
  const file = `generated-${size}.yaml`;
  build(text, file);
  const builds: Build[] = [];
  for (let rep = 0; rep < REPS; rep += 1) {
    builds.push(build(text, file));
    await nextTurn(); // lets the observer hear of this build's collections
  }
  await nextTurn();
  const sampled: Build[] = [];
  for (let rep = 0; rep < ALLOC_REPS; rep += 1) sampled.push(build(text, file, true));
  const took = builds.map((b) => new Map([...b.windows].map(([name, [t0, t1]]) => [name, t1 - t0])));
  const gc = builds.map((b) => gcByStage(b.windows, gcs));
  const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const mb = (name: string) => median(sampled.map((b) => b.allocated.get(name)!)) / 1024 / 1024;
  const stage = (name: string) => `${name} ${f(median(took.map((t) => t.get(name)!)))} (gc ${f(mean(gc.map((g) => g.get(name)!)))}, ${mb(name).toFixed(1)} MB)`;
  const total = (names: readonly string[], of: readonly Map<string, number>[]) => median(of.map((t) => names.reduce((sum, name) => sum + t.get(name)!, 0)));
  console.log(`${size} steps, ${builds[0]!.states} states, ${builds[0]!.edges} edges (median of ${REPS} builds, ms; gc = mean ms of collections started in the stage; MB = allocated on the JS heap, median of ${ALLOC_REPS} sampled builds):`);
  console.log(`  ${BUILD.map(stage).join(' · ')}`);
  const allocatedMb = median(sampled.map((b) => BUILD.reduce((sum, name) => sum + b.allocated.get(name)!, 0))) / 1024 / 1024;
  console.log(`  parse + validate + compile ${f(total(BUILD, took))} (gc ${f(mean(gc.map((g) => BUILD.reduce((sum, name) => sum + g.get(name)!, 0))))}, ${allocatedMb.toFixed(1)} MB)`);
  if (process.env.EACH === '1') for (const t of took) console.log(`    ${[...t].map(([name, ms]) => `${name} ${f(ms)}`).join(' · ')}`);
  console.log(`  ${stage('XState machine')}, built on first use (the live game); with it ${f(total([...BUILD, 'XState machine'], took))}`);
}
observer.disconnect();
