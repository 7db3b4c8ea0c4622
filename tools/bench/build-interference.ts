/**
 * Diagnostic: does our build of the generated story cost more after inkjs has compiled the same
 * story? `npx tsx tools/bench/build-interference.ts MODE [size] [reps]`, MODE one of
 *   alone       our build only, back to back
 *   after-ink   inkjs compiles the story, then our build (bench:engine's order)
 *   after-ink-gc  the same with a full collection (global.gc, run node with --expose-gc) before our build
 *   alone-gc    our build only, a full collection before each
 * Prints each build's stages (parse, validate, compile config, hash), wall and process CPU time
 * (CPU counts V8's helper threads too), then the medians. With MARK=1 each build is bracketed by
 * `>>> build` / `<<< build` lines, so `node --trace-gc` or `--trace-deopt` output shows what fell
 * inside it: `MARK=1 node --expose-gc --import tsx --trace-gc tools/bench/build-interference.ts after-ink 300 11`.
 */
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { Compiler } from 'inkjs/full';
import { generatedScenario } from './generated-scenario.ts';
import { storyModel } from './story-model.ts';
import { inkSource } from './ink-story.ts';
import { parseSource } from '../../src/scenario/parse.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { compileScenario } from '../../src/scenario/compile.ts';

const mode = process.argv[2] ?? 'alone';
const size = Number(process.argv[3] ?? 300);
const reps = Number(process.argv[4] ?? 7);
const scenario = generatedScenario(size);
const text = stringify(scenario);
const file = `generated-${size}.yaml`;
const source = inkSource(storyModel(scenario));
const gc = (globalThis as { gc?: () => void }).gc;
if (mode.endsWith('-gc') && gc === undefined) throw new Error('run with --expose-gc');


let keep: unknown;
const rows: number[][] = [];
for (let rep = 0; rep < reps + 1; rep += 1) {
  if (mode.startsWith('after-ink')) keep = new Compiler(source).Compile();
  if (mode.endsWith('-gc')) gc!();
  if (process.env.MARK === '1') console.log('>>> build');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const parsed = parseSource(text, file);
  const t1 = performance.now();
  const validated = validateScenario(parsed, file);
  const t2 = performance.now();
  const definition = compileScenario(validated.scenario!);
  const t3 = performance.now();
  void definition.hash;
  const t4 = performance.now();
  const cpu = process.cpuUsage(c0);
  if (process.env.MARK === '1') console.log('<<< build');
  if (rep > 0) rows.push([t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0, (cpu.user + cpu.system) / 1000]);
  console.log(`${rep === 0 ? 'warm' : 'rep ' + rep}: parse ${(t1 - t0).toFixed(1)} validate ${(t2 - t1).toFixed(1)} config ${(t3 - t2).toFixed(1)} hash ${(t4 - t3).toFixed(1)} = ${(t4 - t0).toFixed(1)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(1)})`);
}
void keep;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const col = (i: number) => median(rows.map((r) => r[i]!)).toFixed(1);
console.log(`${mode} ${size}: median parse ${col(0)} validate ${col(1)} config ${col(2)} hash ${col(3)} total ${col(4)} cpu ${col(5)}`);
