/** The content hash of a scenario: the same data gives the same hash, whatever file format or key order. */
import { sha256Hex } from './sha256.ts';

/** Key lists up to this long are sorted in place by insertion (most objects in a call have a handful of keys). */
const SHORT_LIST = 24;

/**
 * An object's own keys in code-unit order (what `Array.prototype.sort` gives strings by default).
 * A short list is sorted in place: the built-in sort makes a work copy of every list it sorts, and
 * a call has tens of thousands of objects.
 */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  if (keys.length > SHORT_LIST) return keys.sort();
  for (let i = 1; i < keys.length; i += 1) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j -= 1) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * JSON with every object's keys in code-unit order and undefined fields left out, so equal data
 * gives equal text. Built by appending to one string (no entry arrays, no comparator calls); a
 * key's quoted form is made once per distinct key.
 */
function canonicalJson(value: unknown, quoted: Map<string, string>): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) text += ',';
      text += canonicalJson(value[i], quoted) ?? '';
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of sortedKeys(record)) {
    const field = record[key];
    if (field === undefined) continue;
    if (text.length > 1) text += ',';
    let name = quoted.get(key);
    if (name === undefined) {
      name = `${JSON.stringify(key)}:`;
      quoted.set(key, name);
    }
    text += name + canonicalJson(field, quoted);
  }
  return `${text}}`;
}

/** The hash of a call: its scenario together with the knowledge base and directory it can reach. */
export function scenarioHash(content: unknown): string {
  return sha256Hex(canonicalJson(content, new Map()) ?? '');
}
