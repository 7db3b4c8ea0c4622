/**
 * Where a build's CPU goes, by V8's sampling CPU profiler: `npx tsx tools/bench/build-profile.ts
 * [size] [builds] [root]` (defaults 300, 40, this checkout). It builds the generated story
 * (tools/bench/generated-scenario.ts, as YAML) `builds` times through `loadScenarioWithDetails`
 * (parse + validate + compile, and the content hash), after WARM (default 5) untimed warm-up builds, with the
 * profiler on, then prints the mean wall time of a build, the share of samples under each stage
 * (the first stage function found on a sample's stack, from the leaf up), and the functions with
 * the most self time. `root` lets the same tool profile another checkout (a worktree of main),
 * so before and after are profiled by the same code. A profile costs the build some time: compare
 * shares and self times between checkouts, and take wall times from `bench:build`/`bench:engine`.
 */
import { Session } from 'node:inspector';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Stage functions, by name, and the stage they stand for; the first found from the leaf up wins. */
const STAGES: Readonly<Record<string, string>> = {
  parseSource: 'parse',
  validateShape: 'shape',
  validateReferences: 'references',
  exploreStateSpace: 'state space',
  validateGraph: 'graph',
  validateCompliance: 'compliance',
  sortDiagnostics: 'sort diagnostics',
  compileScenario: 'compile config',
  scenarioHash: 'compile hash',
};

const size = Number(process.argv[2] ?? 300);
const builds = Number(process.argv[3] ?? 40);
const root = resolve(process.argv[4] ?? join(import.meta.dirname, '..', '..'));
const from = (path: string) => import(pathToFileURL(join(root, path)).href);
const { loadScenarioWithDetails } = await from('src/scenario/load.ts');
const { generatedScenario } = await from('tools/bench/generated-scenario.ts');
const text = stringify(generatedScenario(size));
const build = () => {
  const loaded = loadScenarioWithDetails(text, `generated-${size}.yaml`);
  return loaded.definition.hash as string;
};
const WARM = Number(process.env.WARM ?? 5);
for (let i = 0; i < WARM; i += 1) build();

const session = new Session();
session.connect();
const post = <T>(method: string, params: object = {}) =>
  new Promise<T>((done, fail) => session.post(method, params, (error, result) => (error ? fail(error) : done(result as T))));
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 100 });
await post('Profiler.start');
const t0 = performance.now();
for (let i = 0; i < builds; i += 1) build();
const wall = (performance.now() - t0) / builds;
const { profile } = await post<{ profile: Profile }>('Profiler.stop');

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const stageOf = new Map<number, string>();
const stageFor = (id: number): string => {
  const known = stageOf.get(id);
  if (known !== undefined) return known;
  const name = byId.get(id)!.callFrame.functionName;
  const up = parent.get(id);
  const stage = STAGES[name] ?? (up === undefined ? 'other' : stageFor(up));
  stageOf.set(id, stage);
  return stage;
};
const stageUs = new Map<string, number>();
const selfUs = new Map<string, number>();
let totalUs = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id)!;
  if (node.callFrame.functionName === '(idle)') return;
  totalUs += us;
  const stage = stageFor(id);
  stageUs.set(stage, (stageUs.get(stage) ?? 0) + us);
  const where = node.callFrame.url.split('/').slice(-2).join('/');
  const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
  selfUs.set(`${stage} · ${key}`, (selfUs.get(`${stage} · ${key}`) ?? 0) + us);
});
const ms = (us: number) => (us / 1000 / builds).toFixed(2);
console.log(`${size} steps, ${builds} builds of ${root}: ${wall.toFixed(1)} ms a build (wall, profiler on); sampled ${ms(totalUs)} ms a build`);
console.log('by stage (ms a build, share):');
for (const [stage, us] of [...stageUs].sort((a, b) => b[1] - a[1])) console.log(`  ${stage.padEnd(18)} ${ms(us).padStart(7)}  ${((us / totalUs) * 100).toFixed(1)}%`);
console.log('top self time (ms a build):');
for (const [key, us] of [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30))) console.log(`  ${ms(us).padStart(7)}  ${key}`);
