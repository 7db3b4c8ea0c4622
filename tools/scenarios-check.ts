/**
 * `npm run scenarios:check [files…]`: checks scenario files the way the game loads them, prints
 * every problem as `file:line:col CODE message (hint)`, then a one-line path report for each
 * valid call. Exits 1 when any file has an error.
 */
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { formatDiagnostic, hasErrors } from '../src/scenario/diagnostics.ts';
import type { Diagnostic } from '../src/scenario/diagnostics.ts';
import { loadScenarioWithDetails, sizeRefusal } from '../src/scenario/load.ts';
import { analyseScenario, formatPathReport, analysisDiagnostics } from '../src/scenario/analyse.ts';
import { scenarioFiles } from './scenario-files.ts';
import { readSharedLibrary } from '../src/server/knowledge-files.ts';
import { formatStrategyReport, strategyDiagnostics, surfaceStrategies } from '../src/scenario/surface-strategies.ts';

const started = performance.now();
const files = scenarioFiles(process.argv.slice(2).filter((arg) => !arg.startsWith('--')));
let errors = 0;
let warnings = 0;
let valid = 0;

function report(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    console.log(formatDiagnostic(d));
    if (d.severity === 'error') errors += 1;
    else warnings += 1;
  }
}

const shared = readSharedLibrary();
report(shared.diagnostics);

for (const file of files) {
  let text: string;
  try {
    // A file over the limit is refused from its size alone, without reading it.
    const refused = sizeRefusal(statSync(file).size, file);
    if (refused !== null) {
      report([refused]);
      continue;
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.log(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    errors += 1;
    continue;
  }
  const loaded = loadScenarioWithDetails(text, file, shared.library);
  report(loaded.diagnostics);
  if (loaded.definition === undefined || hasErrors(loaded.diagnostics)) continue;
  const analysis = analyseScenario(loaded.definition, loaded.space === undefined ? {} : { space: loaded.space });
  report(analysisDiagnostics(analysis, file, loaded.locate));
  console.log(`  ${formatPathReport(analysis)}`);
  const strategies = surfaceStrategies(loaded.definition);
  report(strategyDiagnostics(strategies, file, loaded.locate));
  for (const line of formatStrategyReport(strategies)) console.log(`    ${line}`);
  valid += 1;
}

const seconds = ((performance.now() - started) / 1000).toFixed(2);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
console.log(
  `${plural(files.length, 'file')} checked, ${valid} valid: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${seconds} s`,
);
process.exitCode = errors > 0 ? 1 : 0;
