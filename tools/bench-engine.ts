/**
 * `npm run bench:engine`: the project's call engine beside its peers on one generated story
 * (300 and 1,000 steps). Every engine is built from the same story and replays the same distinct
 * seeded paths, each given in its own input form (prepared untimed):
 *   inkjs            the story compiled to ink; per path ResetState, then ChooseChoiceIndex +
 *                    ContinueMaximally per decision (ink also produces the text)
 *   raw XState       a hand-written XState machine of the story; a fresh actor per path
 *   project machine  the project's compiled XState machine (the live game's engine)
 *   project runner   `replay()`: the pure runner over the same compiled call (no actor)
 *   table walk       the honest floor: integer tables, flag bitmask, same checks and effects
 * Timing: per engine, one block = all paths back to back, timed as a whole; blocks interleaved
 * (engine order rotated each rep); the median of the reps. Per step = block ÷ decisions on the
 * paths (the project's engine takes a few more events per decision: ID&V asks, searches).
 * Before timing, every engine's end state on every path is checked equal (step, mood, patience,
 * flags, QA marks, ID&V), and the run stops if any differs.
 * Build times (see timeBuilds) are taken two ways and both printed. As they fall (the figure the
 * goals are judged on): each build meets the heap the previous engine's build left, as in a real
 * process. After a forced full collection (a check): `gc()` before every timed build of every
 * engine, inkjs included, to see whether the garbage inkjs's compile leaves (hundreds of MB) is
 * what slows the next build. It is not: on this machine every engine's build is slower after a
 * forced collection (inkjs's by about half), so that line is a check, not the headline.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createActor } from 'xstate';
import { Compiler } from 'inkjs/full';
import { stringify } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { generatedScenario } from './bench/generated-scenario.ts';
import { storyModel, HUNG_UP, type StoryModel, type Summary } from './bench/story-model.ts';
import { decisionPaths, type DecisionPath } from './bench/decision-paths.ts';
import { buildWalkTable, newWalkState, tableWalk, walkSummary } from './bench/table-walk.ts';
import { inkSource, inkSummary } from './bench/ink-story.ts';
import { rawMachine, type RawContext } from './bench/raw-xstate.ts';
import { fullCollection } from './bench/full-collection.ts';
import { parseSource } from '../src/scenario/parse.ts';
import { validateScenario } from '../src/scenario/validate.ts';
import { compileScenario } from '../src/scenario/compile.ts';
import { replay } from '../src/core/engine/replay.ts';
import { score } from '../src/core/scoring/score.ts';
import type { CallContext } from '../src/core/engine/call-context.ts';
import type { CallDefinition } from '../src/core/engine/call-definition.ts';

const SIZES = [300, 1000] as const;
const PATHS = 200;
const REPS = 7;
const BUILD_REPS = 7;
const SEED = 20261130;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function projectSummary(model: StoryModel, context: CallContext): Summary {
  const qa = Object.fromEntries(Object.entries(context.qa).filter(([id, mark]) => model.qaItems.includes(id) && mark !== 'na'));
  return {
    at: context.endingNode ?? HUNG_UP,
    mood: context.mood,
    patience: context.patience,
    flags: [...context.flags].sort(),
    qa: qa as Summary['qa'],
    idv: context.idv,
  };
}

function rawSummary(context: RawContext): Summary {
  return { at: context.ended ?? '?', mood: context.mood, patience: context.patience, flags: [...context.flags].sort(), qa: context.qa, idv: context.idv };
}

interface Engine {
  readonly name: string;
  /** Replays one path (timed in blocks). */
  readonly run: (path: DecisionPath) => void;
  /** Replays one path and says where it ended (untimed, for the equality check). */
  readonly summary: (path: DecisionPath) => Summary;
}

function loadDefinition(text: string, file: string): CallDefinition {
  const parsed = parseSource(text, file);
  const validated = validateScenario(parsed, file);
  if (validated.scenario === undefined) {
    throw new Error(`the generated story does not validate: ${validated.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  return compileScenario(validated.scenario);
}

type BuildStage =
  | 'parse' | 'validate' | 'compile' | 'compileConfig' | 'compileHash' | 'compileMachine'
  | 'total' | 'withMachine' | 'ink' | 'raw' | 'table';

/**
 * Build times: every engine builds the story BUILD_REPS times (after one untimed warm-up build
 * each), the engines taking turns within a rep (engine order rotated each rep). With `clean`, a
 * full garbage collection runs before every timed build of every engine, so none pays for garbage
 * another left; without, each build meets the heap as the one before left it. A figure is the
 * median over the reps.
 */
function timeBuilds(text: string, file: string, source: string, model: StoryModel, clean: boolean) {
  const builds: Record<BuildStage, number[]> = {
    parse: [], validate: [], compile: [], compileConfig: [], compileHash: [], compileMachine: [],
    /** parse + validate + compile of one build (the issue's build figure), and the same with the machine. */
    total: [], withMachine: [], ink: [], raw: [], table: [],
  };
  let story: ReturnType<Compiler['Compile']> | undefined;
  const ours = (timedRep: boolean) => {
    if (clean) fullCollection();
    let parsed: ReturnType<typeof parseSource> | undefined;
    let validated: ReturnType<typeof validateScenario> | undefined;
    // Compile: the call's config and its content hash (worked out on first use, so read here). The
    // XState machine is built on first use too, and only the live game needs it: timed apart.
    let compiled: CallDefinition | undefined;
    const parse = timed(() => (parsed = parseSource(text, file)));
    const validate = timed(() => (validated = validateScenario(parsed!, file)));
    const compileConfig = timed(() => (compiled = compileScenario(validated!.scenario!)));
    const compileHash = timed(() => compiled!.hash);
    const compileMachine = timed(() => compiled!.machine);
    if (!timedRep) return;
    builds.parse.push(parse);
    builds.validate.push(validate);
    builds.compileConfig.push(compileConfig);
    builds.compileHash.push(compileHash);
    builds.compileMachine.push(compileMachine);
    builds.compile.push(compileConfig + compileHash);
    builds.total.push(parse + validate + compileConfig + compileHash);
    builds.withMachine.push(parse + validate + compileConfig + compileHash + compileMachine);
  };
  const peer = (stage: 'ink' | 'raw' | 'table', build: () => void) => (timedRep: boolean) => {
    if (clean) fullCollection();
    const ms = timed(build);
    if (timedRep) builds[stage].push(ms);
  };
  const engines = [
    ours,
    peer('ink', () => (story = new Compiler(source).Compile())),
    peer('raw', () => rawMachine(model)),
    peer('table', () => buildWalkTable(model)),
  ];
  for (const build of engines) build(false);
  for (let rep = 0; rep < BUILD_REPS; rep += 1) {
    for (let k = 0; k < engines.length; k += 1) engines[(rep + k) % engines.length]!(true);
  }
  const medians = Object.fromEntries(Object.entries(builds).map(([k, v]) => [k, median(v)])) as Record<BuildStage, number>;
  return { medians, story: story! };
}

function benchSize(size: number) {
  const scenario = generatedScenario(size);
  const text = stringify(scenario);
  const file = `generated-${size}.yaml`;
  const model = storyModel(scenario);
  const source = inkSource(model);

  const definition = loadDefinition(text, file);
  const asTheyFall = timeBuilds(text, file, source, model, false);
  const clean = timeBuilds(text, file, source, model, true);
  const ink = clean.story;
  const raw = rawMachine(model);
  const table = buildWalkTable(model);
  const walkState = newWalkState(table);
  const paths = decisionPaths(model, PATHS, SEED + size);
  const decisions = paths.reduce((n, p) => n + p.decisions.length, 0);
  const events = paths.reduce((n, p) => n + p.events.length, 0);

  const engines: Engine[] = [
    {
      name: 'inkjs',
      run: (path) => {
        ink.ResetState();
        ink.ContinueMaximally();
        for (const choice of path.shown) {
          ink.ChooseChoiceIndex(choice);
          ink.ContinueMaximally();
        }
      },
      summary: (path) => {
        engines[0]!.run(path);
        return inkSummary(model, (name) => ink.variablesState.$(name));
      },
    },
    {
      name: 'raw XState',
      run: (path) => {
        const actor = createActor(raw).start();
        for (const index of path.decisions) actor.send({ type: 'decide', index });
        actor.stop();
      },
      summary: (path) => {
        const actor = createActor(raw).start();
        for (const index of path.decisions) {
          const before = actor.getSnapshot();
          actor.send({ type: 'decide', index });
          if (actor.getSnapshot() === before) throw new Error(`raw XState refused decision ${index} at ${String(before.value)}`);
        }
        return rawSummary(actor.getSnapshot().context);
      },
    },
    {
      name: 'project machine',
      run: (path) => {
        const actor = createActor(definition.machine).start();
        for (const event of path.events) actor.send(event);
        actor.stop();
      },
      summary: (path) => {
        const actor = createActor(definition.machine).start();
        for (const event of path.events) {
          const before = actor.getSnapshot();
          actor.send(event);
          if (actor.getSnapshot() === before) throw new Error(`the project's machine refused ${JSON.stringify(event)} at ${String(before.value)}`);
        }
        if (actor.getSnapshot().status !== 'done') throw new Error('the project machine did not finish the call');
        return projectSummary(model, actor.getSnapshot().context);
      },
    },
    {
      name: 'project runner',
      run: (path) => {
        replay(definition, path.events);
      },
      summary: (path) => {
        const result = replay(definition, path.events);
        if (!result.ok) throw new Error(`replay refused the path: ${result.error}`);
        if (!result.snapshot.done) throw new Error('replay did not finish the call');
        return projectSummary(model, result.snapshot.context);
      },
    },
    {
      name: 'table walk',
      run: (path) => {
        tableWalk(table, path.decisions, walkState);
      },
      summary: (path) => {
        if (!tableWalk(table, path.decisions, walkState)) throw new Error('the table walk refused the path');
        return walkSummary(table, walkState);
      },
    },
  ];

  // Every engine ends equal on every path, or the figures mean nothing.
  for (const path of paths) {
    const reference = engines[4]!.summary(path);
    for (const engine of engines.slice(0, 4)) {
      const got = engine.summary(path);
      if (!isDeepStrictEqual(got, reference)) {
        throw new Error(`${engine.name} ended differently from the table walk:\n${JSON.stringify(got)}\n${JSON.stringify(reference)}`);
      }
    }
  }

  // Warm-up block, then interleaved timed blocks.
  for (const engine of engines) for (const path of paths) engine.run(path);
  const samples = new Map<string, number[]>(engines.map((e) => [e.name, []]));
  const scoreSamples: number[] = [];
  const runs = paths.map((p) => ({ scenarioId: definition.scenario.id, scenarioHash: definition.hash, seed: 1, events: [...p.events] }));
  for (let rep = 0; rep < REPS; rep += 1) {
    for (let k = 0; k < engines.length; k += 1) {
      const engine = engines[(rep + k) % engines.length]!;
      samples.get(engine.name)!.push(timed(() => {
        for (const path of paths) engine.run(path);
      }));
    }
    scoreSamples.push(timed(() => {
      for (const run of runs) if (!score(definition, run).ok) throw new Error('score() refused a bench run');
    }));
  }
  const perStep = new Map(engines.map((e) => [e.name, (median(samples.get(e.name)!) * 1000) / decisions]));
  return {
    size,
    kib: text.length / 1024,
    paths: paths.length,
    decisions,
    events,
    buildsAfterGc: clean.medians,
    buildsAsTheyFall: asTheyFall.medians,
    perStep,
    scorePerRun: median(scoreSamples) / runs.length,
  };
}

const results = SIZES.map(benchSize);
const f = (x: number, digits = 2) => x.toFixed(digits);
console.log(`bench:engine — load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this machine while measuring`);
for (const r of results) {
  const ink = r.perStep.get('inkjs')!;
  const rawX = r.perStep.get('raw XState')!;
  const floor = r.perStep.get('table walk')!;
  console.log(
    `\ngenerated ${r.size}-step story (${f(r.kib, 0)} KiB YAML): ${r.paths} distinct seeded paths, ${r.decisions} decisions ` +
      `(${r.events} project events), all engines ended equal on every path`,
  );
  console.log(`  ${'engine'.padEnd(16)} ${'µs/step'.padStart(9)} ${'× inkjs'.padStart(9)} ${'× raw XState'.padStart(13)} ${'× floor'.padStart(9)}`);
  for (const [name, us] of r.perStep) {
    console.log(`  ${name.padEnd(16)} ${f(us, 3).padStart(9)} ${f(us / ink, 3).padStart(9)} ${f(us / rawX, 3).padStart(13)} ${f(us / floor, 1).padStart(9)}`);
  }
  const buildLine = (label: string, b: Record<BuildStage, number>) =>
    console.log(
      `  build, ${label}: project parse ${f(b.parse)} + validate ${f(b.validate)} + compile ${f(b.compile)}` +
        ` (config ${f(b.compileConfig)}, hash ${f(b.compileHash)}) = ${f(b.total)} ms (with the XState machine ${f(b.withMachine)})` +
        ` · inkjs compile ${f(b.ink)} ms · raw XState ${f(b.raw)} ms · table ${f(b.table)} ms`,
    );
  const b = r.buildsAfterGc;
  const fell = r.buildsAsTheyFall;
  buildLine('as they fall', fell);
  buildLine('after a forced gc (check)', b);
  console.log(`  project XState machine (built on first use, for the live game): ${f(fell.compileMachine)} ms as they fall, ${f(b.compileMachine)} ms after a forced gc`);
  console.log(`  score() per run (replay + scorecard + key moments + transcript): ${f(r.scorePerRun * 1000, 1)} µs`);
  const runner = r.perStep.get('project runner')!;
  const goal = r.size === 300 ? 100 : 400;
  console.log(
    `  goals: runner ≤ 0.1× inkjs ${runner / ink <= 0.1 ? 'met' : 'NOT met'} · ≤ 0.3× raw XState ${runner / rawX <= 0.3 ? 'met' : 'NOT met'}` +
      ` · ≤ 10× floor ${runner / floor <= 10 ? 'met' : 'NOT met'} · parse+validate+compile ≤ ${goal} ms ${fell.total <= goal ? 'met' : 'NOT met'}` +
      ` (${b.total <= goal ? 'met' : 'NOT met'} after a forced gc)`,
  );
}
console.log(
  `\nHow: each figure is the median of ${REPS} interleaved blocks (engine order rotated per block) of ${PATHS} distinct paths replayed back to back,` +
    ` wall-clock (performance.now), divided by the decisions on the paths; build times: each engine builds the story once untimed, then ${BUILD_REPS} times, the engines taking turns (order rotated each rep); a figure is the median (a total is the median of the builds' own totals);` +
    ` "as they fall" (the goal's figure): no collection, each build meets the heap the previous engine's build left; "after a forced gc": a full garbage collection (v8 gc) before every timed build of every engine, inkjs included.`,
);
