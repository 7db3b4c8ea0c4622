/** The content hash of a scenario: the same data gives the same hash, whatever file format or key order. */
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

/** The hash of a call: its scenario together with the knowledge base and directory it can reach. */
export function scenarioHash(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}
