/**
 * `npm run scenarios:schema [--check]`: writes scenarios/scenario.schema.json from the zod schema,
 * so trainers' editors can complete and check scenario files as they type. With `--check` (CI),
 * writes nothing and exits 1 when the file is missing or out of date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { ScenarioSchema } from '../src/core/model/scenario-schema.ts';
import { ROOT, SCENARIO_DIR, SCHEMA_FILE } from './scenario-files.ts';

function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12', io: 'input' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const target = join(SCENARIO_DIR, SCHEMA_FILE);
const shown = relative(ROOT, target);
const wanted = scenarioJsonSchema();
const current = existsSync(target) ? readFileSync(target, 'utf8') : null;

if (process.argv.includes('--check')) {
  if (current === wanted) {
    console.log(`${shown} is up to date`);
  } else {
    console.log(`${shown} is ${current === null ? 'missing' : 'out of date'}: run \`npm run scenarios:schema\` and commit the result`);
    process.exitCode = 1;
  }
} else if (current === wanted) {
  console.log(`${shown} is already up to date`);
} else {
  writeFileSync(target, wanted);
  console.log(`wrote ${shown}`);
}
