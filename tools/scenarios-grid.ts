/**
 * `npm run scenarios:grid [--check]`: rewrites the catalogue table in scenarios/README.md (between
 * `<!-- grid:start -->` and `<!-- grid:end -->`) from the scenario files themselves. With
 * `--check` (CI), writes nothing and exits 1 when the table is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatDiagnostic, hasErrors } from '../src/scenario/diagnostics.ts';
import { parseSource } from '../src/scenario/parse.ts';
import { validateShape } from '../src/scenario/validate-shape.ts';
import { catalogueGrid, GRID_END, GRID_START, replaceGrid, type GridEntry } from '../src/scenario/catalogue-grid.ts';
import { SCENARIO_DIR, scenarioFiles } from './scenario-files.ts';

const readmePath = join(SCENARIO_DIR, 'README.md');
const entries: GridEntry[] = [];
let broken = false;
for (const file of scenarioFiles([])) {
  const parsed = parseSource(readFileSync(file, 'utf8'), file);
  const shape = parsed.data === undefined ? undefined : validateShape(parsed.data, file, parsed.locate);
  const problems = [...parsed.diagnostics, ...(shape?.diagnostics ?? [])];
  if (shape?.scenario === undefined || hasErrors(problems)) {
    for (const d of problems) console.log(formatDiagnostic(d));
    broken = true;
    continue;
  }
  entries.push({ file: basename(file), scenario: shape.scenario });
}
if (broken) {
  console.log('fix the files above first (npm run scenarios:check), then run this again');
  process.exit(1);
}

const readme = readFileSync(readmePath, 'utf8');
const updated = replaceGrid(readme, catalogueGrid(entries));
if (updated === null) {
  console.log(`scenarios/README.md needs the markers ${GRID_START} and ${GRID_END} around the table`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  if (updated === readme) console.log(`the scenario table is up to date (${entries.length} scenarios)`);
  else {
    console.log('the scenario table in scenarios/README.md is stale: run `npm run scenarios:grid` and commit the result');
    process.exitCode = 1;
  }
} else if (updated === readme) {
  console.log(`the scenario table is already up to date (${entries.length} scenarios)`);
} else {
  writeFileSync(readmePath, updated);
  console.log(`updated the scenario table in scenarios/README.md (${entries.length} scenarios)`);
}
