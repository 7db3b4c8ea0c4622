/** The content hash of a scenario: the same data gives the same hash, whatever file format or key order. */
import { HashWriter } from './hash-writer.ts';

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
 * Writes a value's canonical JSON: every object's keys in code-unit order and undefined fields
 * left out, so equal data gives equal text. A value JSON cannot write (a function, a symbol, or
 * undefined in a list) is written as nothing, or as `undefined` after a key, as it always was.
 */
function writeCanonical(value: unknown, out: HashWriter, inField: boolean): void {
  if (typeof value === 'string') {
    out.jsonString(value);
    return;
  }
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) out.raw(text);
    else if (inField) out.raw('undefined');
    return;
  }
  if (Array.isArray(value)) {
    out.raw('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out.raw(',');
      writeCanonical(value[i], out, false);
    }
    out.raw(']');
    return;
  }
  const record = value as Record<string, unknown>;
  out.raw('{');
  let first = true;
  for (const key of sortedKeys(record)) {
    const field = record[key];
    if (field === undefined) continue;
    if (!first) out.raw(',');
    first = false;
    out.jsonString(key);
    out.raw(':');
    writeCanonical(field, out, true);
  }
  out.raw('}');
}

/** The hash of a call: its scenario together with the knowledge base and directory it can reach. */
export function scenarioHash(content: unknown): string {
  const out = new HashWriter();
  writeCanonical(content, out, false);
  return out.hex();
}
