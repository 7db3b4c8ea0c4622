/** The content hash of a scenario: the same data gives the same hash, whatever file format or key order. */
import type { Scenario } from '../core/model/scenario-schema.ts';
import { sha256Hex } from './sha256.ts';

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function scenarioHash(scenario: Scenario): string {
  return sha256Hex(canonicalJson(scenario));
}
