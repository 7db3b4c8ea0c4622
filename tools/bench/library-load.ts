/**
 * The load stage of `scenarios:check` on the shipped library: every call in `scenarios/` read,
 * parsed, validated and compiled (`loadScenarioWithDetails`, the check's own call), one file
 * after another in one process. `npx tsx tools/bench/library-load.ts` (REPS=n warm passes,
 * default 7). Prints the first pass (what the command-line check pays: code not yet optimised,
 * schemas compiled on first use) and the median of the warm passes that follow, in ms, with the
 * shared knowledge library read beforehand, untimed, as the check does.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadScenarioWithDetails } from '../../src/scenario/load.ts';
import { readSharedLibrary } from '../../src/server/knowledge-files.ts';
import { scenarioFiles } from '../scenario-files.ts';

const REPS = Number(process.env.REPS ?? 7);
// The check's own list: paths relative to where the command runs, as it reads them.
const files = scenarioFiles([]).map((name) => ({ name, text: readFileSync(name, 'utf8') }));
const { library } = readSharedLibrary();

function pass(): number {
  const t0 = performance.now();
  for (const { name, text } of files) loadScenarioWithDetails(text, name, library);
  return performance.now() - t0;
}

const first = pass();
const warm = Array.from({ length: REPS }, pass).sort((a, b) => a - b);
const bytes = files.reduce((sum, f) => sum + f.text.length, 0);
console.log(
  `library load (${files.length} files, ${(bytes / 1024).toFixed(0)} KB): first pass ${first.toFixed(1)} ms · warm median ${warm[Math.floor(REPS / 2)]!.toFixed(1)} ms (of ${REPS})`,
);
