/**
 * The shipped calls as text (scenarios/*.yaml), each loaded only when the trainer picks it, so a
 * copy keeps the file's own comments and layout.
 */
const calls = import.meta.glob<string>('/scenarios/*.{yaml,yml}', { query: '?raw', import: 'default' });

/** Library paths, e.g. "scenarios/billing-double-charge.yaml", sorted. */
export function libraryFiles(): string[] {
  return Object.keys(calls).map((p) => p.slice(1)).sort();
}

export async function libraryText(path: string): Promise<string | null> {
  const load = calls[`/${path}`];
  return load === undefined ? null : load();
}
