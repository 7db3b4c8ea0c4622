/**
 * `npm run bench:check`: how long checking the shipped library takes, the way a trainer or CI runs
 * it — a fresh process each time, the whole process timed from outside (Node's own start, the
 * launcher, the check, the exit). Variants, each run once per round, rounds interleaved (the
 * order rotates every round), REPS rounds (default 5) after one untimed round that builds the
 * checker's bundle and V8's code cache and fills the result cache:
 *
 * - Node starting and doing nothing (`node -e 0`): the floor under every Node command;
 * - the check cold (`--no-cache`: every file checked afresh), from Node and through `npm run`;
 * - the check warm (every result from the result cache), from Node and through `npm run`.
 *
 * Wall time is read around the child; CPU time (user + system, the child's and its threads') from
 * /proc/self/stat's counts for waited-for children, where the system has it. Every variant must
 * print the same report bar its time, or the bench stops with the difference. The cold runs are
 * also run with `--timings`, whose stages (the checker's own clock) are printed too: what the
 * validation alone costs, and what the path report and the surface strategies add.
 *
 * Last, once per round, the check is run over and over in one process (tools/bench/check-passes.ts,
 * with the launcher's V8 interrupt budget): its first pass against its later ones shows how much
 * of a cold check is the code being compiled and optimised, and the later ones the floor under any
 * start-up saving (the work itself at full speed).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { ROOT, scenarioFiles } from '../scenario-files.ts';

const REPS = Number(process.env.REPS ?? 5);
const LAUNCHER = join(ROOT, 'tools', 'scenarios-check-launch.mjs');
const PASSES = join(ROOT, 'tools', 'bench', 'check-passes.ts');
/** The budget the launcher gives V8, read from the launcher itself so that the two cannot differ. */
const budget = /const INTERRUPT_BUDGET = ([\d_]+);/.exec(readFileSync(LAUNCHER, 'utf8'))?.[1]?.replaceAll('_', '');
if (budget === undefined) throw new Error('bench:check: the launcher no longer says its INTERRUPT_BUDGET');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Variant {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Whether it prints the library's report (compared with the others'). */
  readonly checks: boolean;
}

/** The check repeated in one process: not compared with the report, timed from its own output. */
const PASSES_RUN: Variant = {
  name: 'in one process, pass after pass',
  command: process.execPath,
  args: [`--interrupt-budget=${budget}`, '--import', 'tsx', PASSES],
  checks: false,
};

const VARIANTS: readonly Variant[] = [
  { name: 'Node alone (node -e 0)', command: process.execPath, args: ['-e', '0'], checks: false },
  { name: 'cold, node launcher', command: process.execPath, args: [LAUNCHER, '--no-cache', '--timings'], checks: true },
  { name: 'cold, npm run', command: npm, args: ['run', '-s', 'scenarios:check', '--', '--no-cache'], checks: true },
  { name: 'warm, node launcher', command: process.execPath, args: [LAUNCHER], checks: true },
  { name: 'warm, npm run', command: npm, args: ['run', '-s', 'scenarios:check'], checks: true },
];

/** CPU seconds of the waited-for children so far, or null without /proc. */
function childrenCpu(): number | null {
  try {
    // Fields after the command name (which is in brackets and may hold spaces): cutime and cstime are the 14th and 15th.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

interface Sample {
  readonly wall: number;
  readonly cpu: number | null;
  readonly report: string;
  readonly stages: Record<string, number>;
}

function run(variant: Variant): Sample {
  const cpuBefore = childrenCpu();
  const t0 = performance.now();
  const result = spawnSync(variant.command, variant.args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - t0) / 1000;
  const cpuAfter = childrenCpu();
  if (result.status !== 0) {
    process.stderr.write(`bench:check: "${variant.name}" failed (exit ${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
  const stages: Record<string, number> = {};
  const timings = /timings: (.*)/.exec(result.stderr)?.[1] ?? '';
  for (const [, stage, ms] of timings.matchAll(/(?:^|· )([a-zA-Z]+) (\d+) ms/g)) stages[stage!] = Number(ms);
  return {
    wall,
    cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    report: result.stdout.replace(/ in [\d.]+ s$/m, ''),
    stages,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const seconds = (value: number): string => value.toFixed(2);
function spread(values: readonly number[]): string {
  return `${seconds(median(values))} (${seconds(Math.min(...values))}-${seconds(Math.max(...values))})`;
}

const files = scenarioFiles([]);
const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
process.stdout.write(`bench:check: the shipped library, ${files.length} files (${Math.round(bytes / 1024)} KB), ${REPS} rounds after one untimed\n`);

for (const variant of VARIANTS) run(variant);
const samples = new Map<Variant, Sample[]>(VARIANTS.map((variant) => [variant, []]));
/** Per round, the in-process passes' times in ms. */
const passes: number[][] = [];
for (let round = 0; round < REPS; round += 1) {
  for (let k = 0; k < VARIANTS.length; k += 1) {
    const variant = VARIANTS[(round + k) % VARIANTS.length]!;
    samples.get(variant)!.push(run(variant));
  }
  const printed = /passes: (.*)/.exec(run(PASSES_RUN).report)?.[1] ?? '';
  passes.push(printed.split(' ').map(Number));
}

let reference: string | null = null;
for (const [variant, list] of samples) {
  if (!variant.checks) continue;
  for (const sample of list) {
    reference ??= sample.report;
    if (sample.report !== reference) {
      process.stderr.write(`bench:check: "${variant.name}" printed another report than the other runs\n`);
      process.exit(1);
    }
  }
}

const width = Math.max(...VARIANTS.map((variant) => variant.name.length));
process.stdout.write(`${'whole process'.padEnd(width)}  wall s, median (min-max)  CPU s, median\n`);
for (const [variant, list] of samples) {
  const cpus = list.map((sample) => sample.cpu).filter((cpu): cpu is number => cpu !== null);
  const cpu = cpus.length === list.length ? seconds(median(cpus)) : 'n/a';
  process.stdout.write(`${variant.name.padEnd(width)}  ${spread(list.map((sample) => sample.wall)).padEnd(24)}  ${cpu}\n`);
}

const wallOf = (index: number): number => median(samples.get(VARIANTS[index]!)!.map((sample) => sample.wall));
process.stdout.write(`npm run's own share: ${seconds(wallOf(2) - wallOf(1))} s cold, ${seconds(wallOf(4) - wallOf(3))} s warm (the npm run median less the node launcher's)\n`);

const cold = samples.get(VARIANTS[1]!)!;
const stage = (name: string): number => median(cold.map((sample) => sample.stages[name] ?? 0));
const names = Object.keys(cold[0]!.stages);
process.stdout.write(`cold stages, the checker's clock (ms, medians): ${names.map((name) => `${name} ${Math.round(stage(name))}`).join(' · ')}\n`);
process.stdout.write(
  `  validation alone (start + load + other): ${seconds((stage('start') + stage('load') + stage('other')) / 1000)} s; ` +
    `the path report and surface strategies (walks + strategies): ${seconds((stage('walks') + stage('strategies')) / 1000)} s\n`,
);

const firsts = passes.map((times) => times[0]!);
const later = passes.flatMap((times) => times.slice(1));
process.stdout.write(
  `in one process (interrupt budget ${budget}), the check's first pass ${Math.round(median(firsts))} ms, ` +
    `later passes ${Math.round(median(later))} ms (${Math.round(Math.min(...later))}-${Math.round(Math.max(...later))}), medians over ${REPS} processes\n`,
);
