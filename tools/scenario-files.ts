/** The scenario files the tools work on: the ones named, or every scenario in scenarios/. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const SCENARIO_DIR = join(ROOT, 'scenarios');
export const SCHEMA_FILE = 'scenario.schema.json';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/** Paths as the user will recognise them: relative to where the command was run. */
export function scenarioFiles(named: readonly string[]): string[] {
  if (named.length > 0) return [...named];
  return readdirSync(SCENARIO_DIR)
    .filter((name) => SCENARIO_FILE.test(name) && name !== SCHEMA_FILE)
    .sort()
    .map((name) => relative(process.cwd(), join(SCENARIO_DIR, name)) || name);
}
