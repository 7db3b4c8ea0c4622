/** The content hash of a scenario: the same data gives the same hash, whatever file format or key order. */
import { sha256Hex } from './sha256.ts';

/**
 * JSON with every object's keys in code-unit order and undefined fields left out, so equal data
 * gives equal text. Built by appending to one string (no entry arrays, no comparator calls).
 */
function canonicalJson(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) text += ',';
      text += canonicalJson(value[i]) ?? '';
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of Object.keys(record).sort()) {
    const field = record[key];
    if (field === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(field)}`;
  }
  return `${text}}`;
}

/** The hash of a call: its scenario together with the knowledge base and directory it can reach. */
export function scenarioHash(content: unknown): string {
  return sha256Hex(canonicalJson(content) ?? '');
}
