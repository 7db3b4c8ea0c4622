/**
 * `npx tsx tools/scenarios-check-walks.ts [walks]`: is the checker's walk count (`DEFAULT_WALKS`)
 * enough, or more than enough? For every shipped call, every valid checker fixture and generated
 * stories of 50-1,000 steps, plays the analysis's own seeded walks (default 5,000) after its
 * shortest runs and its runs aimed at the best and worst QA, and prints at which walks a finding of
 * the path report first appeared: a new best or worst CSAT or QA, or a new outcome. The longest
 * stretch of walks that added nothing before one that did is the fewest an adaptive rule ("stop
 * after K walks in a row add nothing") would need to keep every finding; a finding after the
 * default count is one the report misses today.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadScenarioWithDetails } from '../src/scenario/load.ts';
import { readSharedLibrary } from '../src/server/knowledge-files.ts';
import { RandomWalker, shortestRuns, engineSearchHopeless } from '../src/scenario/sample-runs.ts';
import { ConfigRunner } from '../src/scenario/config-runner.ts';
import { mulberry32 } from '../src/scenario/seeded-random.ts';
import { csatStars } from '../src/core/scoring/csat.ts';
import { qaScore } from '../src/core/scoring/qa-score.ts';
import type { CallContext } from '../src/core/engine/call-context.ts';
import { DEFAULT_SEED, DEFAULT_WALKS } from '../src/scenario/analyse.ts';
import { aimedRuns } from '../src/scenario/aimed-runs.ts';
import { generatedScenario } from './bench/generated-scenario.ts';

const ROOT = join(import.meta.dirname, '..');
const WALKS = Number(process.argv[2] ?? 5000);
const CALL_FILE = /\.(ya?ml|json)$/i;

const texts: [string, string][] = [];
for (const dir of ['scenarios', join('tests', 'unit', 'scenario', 'fixtures')]) {
  for (const name of readdirSync(join(ROOT, dir)).filter((n) => CALL_FILE.test(n) && n !== 'scenario.schema.json').sort()) {
    texts.push([join(dir, name), readFileSync(join(ROOT, dir, name), 'utf8')]);
  }
}
for (const size of [50, 100, 300, 1000]) texts.push([`generated-${size}`, stringify(generatedScenario(size))]);

const shared = readSharedLibrary();
let widest = 0;
for (const [name, text] of texts) {
  const loaded = loadScenarioWithDetails(text, name, shared.library);
  const def = loaded.definition;
  if (def === undefined || loaded.diagnostics.some((d) => d.severity === 'error')) continue;
  const runner = new ConfigRunner(def);
  let stars: [number, number] = [Infinity, -Infinity];
  let qa: [number, number] = [Infinity, -Infinity];
  const outcomes = new Set<string>();
  /** Whether this finished run widened a range or showed a new outcome. */
  const adds = (context: CallContext): boolean => {
    const s = csatStars(context);
    const q = qaScore(def.scenario, context);
    const outcome = context.outcome ?? 'unresolved';
    const added = s < stars[0] || s > stars[1] || q < qa[0] || q > qa[1] || !outcomes.has(outcome);
    stars = [Math.min(stars[0], s), Math.max(stars[1], s)];
    qa = [Math.min(qa[0], q), Math.max(qa[1], q)];
    outcomes.add(outcome);
    return added;
  };
  const space = loaded.space;
  const searched = space === undefined || engineSearchHopeless(space.states.length, space.truncated) ? [] : shortestRuns(def, runner).runs;
  for (const run of searched) adds(run.final.context);
  for (const run of aimedRuns(def, runner)) adds(run.final.context);
  const walker = new RandomWalker(runner, def);
  const random = mulberry32(DEFAULT_SEED);
  const found: number[] = [];
  for (let i = 0; i < WALKS; i += 1) {
    const walk = walker.walk(random);
    if (walk !== null && adds(walk.final.context)) found.push(i + 1);
  }
  const within = found.filter((walk) => walk <= DEFAULT_WALKS);
  let gap = 0;
  within.forEach((walk, i) => {
    gap = Math.max(gap, walk - (within[i - 1] ?? 0) - 1);
  });
  widest = Math.max(widest, gap);
  const later = found.filter((walk) => walk > DEFAULT_WALKS);
  console.log(
    `${name}: ${searched.length} shortest runs; walks that added a finding: ${within.join(', ') || 'none'}` +
      ` (longest quiet stretch before one: ${gap})${later.length > 0 ? `; after ${DEFAULT_WALKS}: ${later.join(', ')}` : ''}`,
  );
}
console.log(`An adaptive stop would need more than ${widest} quiet walks in a row to keep every finding of ${DEFAULT_WALKS} walks.`);
