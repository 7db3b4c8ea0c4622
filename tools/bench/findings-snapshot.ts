/**
 * Everything the checker says about a fixed set of files, as text, so a change to the build
 * pipeline can be shown to leave the findings byte-for-byte as they were:
 * `npx tsx tools/bench/findings-snapshot.ts > before.txt`, change, run again, `diff`.
 * The files: every shipped call, every checker fixture, and the generated 300-step story as YAML
 * and JSON, clean and with three planted slips (a misspelt key, a dangling link, a flag never set).
 * For each file: `scenarios:check`'s lines, and for a valid call the explored states and edges,
 * the content hash and a digest of the compiled machine config and search index.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sha256Hex } from '../../src/scenario/sha256.ts';
import { loadScenarioWithDetails } from '../../src/scenario/load.ts';
import { readSharedLibrary } from '../../src/server/knowledge-files.ts';
import { checkScenarioFile } from '../check-scenario-file.ts';
import { generatedScenario } from './generated-scenario.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'unit', 'scenario', 'fixtures');
const SCENARIOS = join(ROOT, 'scenarios');
const CALL_FILE = /\.(ya?ml|json)$/i;

function generatedFiles(dir: string): string[] {
  const clean = generatedScenario(300);
  const slipped = structuredClone(clean) as unknown as { nodes: Record<string, Record<string, unknown>> };
  const n7 = slipped.nodes['n7']!;
  slipped.nodes['n7'] = { ...n7, choicse: n7['choices'] };
  (slipped.nodes['n12']!['choices'] as { next: string }[])[1]!.next = 'nowhere';
  (slipped.nodes['n15']!['choices'] as { when?: unknown }[])[3]!.when = { flags: ['never-set'] };
  const files: [string, string][] = [
    ['generated-300.yaml', stringify(clean)],
    ['generated-300.json', JSON.stringify(clean, null, 2)],
    ['generated-300-slips.yaml', stringify(slipped)],
    ['generated-300-slips.json', JSON.stringify(slipped, null, 2)],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

const shared = readSharedLibrary();
const dir = mkdtempSync(join(tmpdir(), 'htl-findings-'));
try {
  const files = [
    ...readdirSync(SCENARIOS).filter((n) => CALL_FILE.test(n) && n !== 'scenario.schema.json').sort().map((n) => join(SCENARIOS, n)),
    ...readdirSync(FIXTURES).filter((n) => CALL_FILE.test(n)).sort().map((n) => join(FIXTURES, n)),
    ...generatedFiles(dir),
  ];
  for (const file of files) {
    const name = file.startsWith(dir) ? file.slice(dir.length + 1) : file.slice(ROOT.length + 1);
    console.log(`## ${name}`);
    for (const line of checkScenarioFile(file, shared.library).lines) console.log(line.split(dir).join('<tmp>'));
    const loaded = loadScenarioWithDetails(readFileSync(file, 'utf8'), file, shared.library);
    if (loaded.space !== undefined) console.log(`states ${loaded.space.stateNode.length} edges ${loaded.space.edgeFrom.length}`);
    const definition = loaded.definition;
    if (definition !== undefined) {
      console.log(`hash ${definition.hash}`);
      console.log(`config ${sha256Hex(JSON.stringify(definition.machineConfig))} index ${sha256Hex(JSON.stringify(definition.searchIndex))}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
