/**
 * `npm run scenarios:graph <file> [--markdown]`: prints the call as a Mermaid flowchart (paste it
 * into https://mermaid.live or a Markdown file). Problems go to stderr; the chart is drawn even
 * when the call has loops or dead ends, since the chart is how you find them.
 */
import { sharedLibrary } from '../src/server/knowledge-files.ts';
import { readFileSync } from 'node:fs';
import { formatDiagnostic, hasErrors } from '../src/scenario/diagnostics.ts';
import { parseSource } from '../src/scenario/parse.ts';
import { validateShape } from '../src/scenario/validate-shape.ts';
import { validateReferences } from '../src/scenario/validate-references.ts';
import { validateScenario } from '../src/scenario/validate.ts';
import { scenarioToMermaid } from '../src/scenario/mermaid.ts';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
if (file === undefined) {
  console.error('usage: npm run scenarios:graph <scenario file> [--markdown]');
  process.exit(2);
}

const parsed = parseSource(readFileSync(file, 'utf8'), file);
const shape = parsed.data === undefined ? undefined : validateShape(parsed.data, file, parsed.locate);
const scenario = shape?.scenario;
const early = [...parsed.diagnostics, ...(shape?.diagnostics ?? [])];
if (scenario !== undefined) early.push(...validateReferences(scenario, file, parsed.locate, sharedLibrary()));
if (scenario === undefined || hasErrors(early)) {
  for (const d of early) console.error(formatDiagnostic(d));
  process.exit(1);
}
for (const d of validateScenario(parsed, file, sharedLibrary()).diagnostics) console.error(formatDiagnostic(d));
console.log(scenarioToMermaid(scenario, { markdown: args.includes('--markdown') }));
