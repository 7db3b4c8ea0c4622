/**
 * Saved runs, standings and the classroom server find a call by its content hash, so a faster way
 * of working it out must give every shipped call the hash it had. Here each call's hash is checked
 * against the plainest reading of the rule: a copy of the content with every object's keys sorted,
 * written by `JSON.stringify`, then SHA-256.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load.ts';
import { sha256Hex } from '../../../src/scenario/sha256.ts';
import { sharedLibrary } from '../../../src/server/knowledge-files.ts';
import type { CallDefinition } from '../../../src/core/engine/call-definition.ts';
import { generatedScenario } from '../../../tools/bench/generated-scenario.ts';

const SCENARIOS = join(import.meta.dirname, '..', '..', '..', 'scenarios');

function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, sortedCopy(record[key])]));
}

function plainHash(definition: CallDefinition): string {
  const { scenario, articles, teams } = definition;
  return sha256Hex(JSON.stringify(sortedCopy({ scenario, articles, teams })));
}

function loaded(text: string, file: string): CallDefinition {
  const { definition, diagnostics } = loadScenario(text, file, sharedLibrary());
  if (definition === undefined) throw new Error(`${file} does not load: ${diagnostics.map((d) => d.message).join('; ')}`);
  return definition;
}

describe('content hash of the shipped calls', () => {
  const files = readdirSync(SCENARIOS).filter((name) => /\.(ya?ml|json)$/.test(name) && name !== 'scenario.schema.json');

  it('finds the shipped calls', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)('%s keeps the hash of its sorted-key JSON', (name) => {
    const definition = loaded(readFileSync(join(SCENARIOS, name), 'utf8'), name);
    expect(definition.hash).toBe(plainHash(definition));
  });

  it('the generated 300-step story keeps the hash of its sorted-key JSON', () => {
    const definition = loaded(stringify(generatedScenario(300)), 'generated-300.yaml');
    expect(definition.hash).toBe(plainHash(definition));
  });
});
