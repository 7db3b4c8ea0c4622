/**
 * The library's check run several times over in one process (for `npm run bench:check`): the first
 * pass is what a cold check pays inside its clock; the later ones what the same work costs once V8
 * has compiled and optimised the checker's code, the floor no start-up saving can go below. Prints
 * one line, `passes: ms ms ms …`, each pass every shipped file checked as `scenarios:check` checks
 * it (the shared library read once beforehand, untimed).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkScenarioText } from '../check-scenario-file.ts';
import { readSharedLibrary } from '../../src/server/knowledge-files.ts';
import { scenarioFiles } from '../scenario-files.ts';

const PASSES = Number(process.env.PASSES ?? 6);
const files = scenarioFiles([]).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const { library } = readSharedLibrary();
const times: string[] = [];
for (let pass = 0; pass < PASSES; pass += 1) {
  const t0 = performance.now();
  for (const { file, text } of files) checkScenarioText(file, text, library);
  times.push((performance.now() - t0).toFixed(1));
}
console.log(`passes: ${times.join(' ')}`);
