/**
 * Whether a JSON text repeats a key inside one object. `JSON.parse` keeps the last silently, so
 * the checker's fast path for `.json` files asks this first and, when a key repeats, reads the file
 * the slow way, which reports the repeat where it was written.
 */
export function jsonRepeatsAKey(text: string): boolean {
  const objects: (Set<string> | null)[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c /* \ */ ? 2 : 1;
      const raw = text.slice(i + 1, end);
      let after = end + 1;
      while (after < text.length && /\s/.test(text[after]!)) after += 1;
      const keys = objects[objects.length - 1];
      if (text[after] === ':' && keys !== undefined && keys !== null) {
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (keys.has(key)) return true;
        keys.add(key);
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b /* { */) objects.push(new Set());
    else if (c === 0x5b /* [ */) objects.push(null);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) objects.pop();
    i += 1;
  }
  return false;
}
