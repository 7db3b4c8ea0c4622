/**
 * The result cache of `scenarios:check`, as `eslint --cache` keeps one: each file's whole result
 * (the lines it prints and its counts) in one small JSON file under
 * .cache/scenarios-check/results/, named after a key made of everything the result depends on:
 * the checker's own build (any change of its code), the Node and V8 versions, the options that
 * change a result, the shared knowledge base and team directory (kb/, which every call's checks
 * read), the file's name as printed and its bytes. The check is seeded, so the same key always
 * gives the same result, and a file whose key is found is not parsed, walked or played.
 *
 * An entry that cannot be read, does not parse, has the wrong shape or was written for another key
 * is a miss, and the run writes it anew. Entries are written beside and renamed into place, so a
 * run never reads half of one, and two runs at once write the same bytes. A hit refreshes the
 * entry's time; after each run the least recently used entries beyond `RESULT_LIMIT` are dropped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FileCheck } from './check-scenario-file.ts';

/** Bumped when an entry's layout changes, so entries in an older layout are never read as results. */
const ENTRY_FORMAT = 1;

/** Entries kept at most: many times a library's files, so checking one file never pushes the rest out. */
export const RESULT_LIMIT = 500;

/** A leftover partial write (a run killed mid-write) older than this is removed. */
const STALE_PARTIAL_MS = 60_000;

/** What a result depends on besides its own file. */
export interface ResultScope {
  /** The checker's build: a hash of its bundle. */
  readonly checker: string;
  /** The options that change a result, in a fixed order (none today: walks and seeds are the checker's own constants). */
  readonly options: readonly string[];
  /** The shared library's files, as `libraryDigest` sums them. */
  readonly library: string;
}

const EntrySchema = z.strictObject({
  format: z.literal(ENTRY_FORMAT),
  key: z.string(),
  check: z.strictObject({
    lines: z.array(z.string()),
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    valid: z.boolean(),
  }),
});

/** The Node and V8 versions the results were computed with. */
export function runtimeVersion(): string {
  return `node ${process.version} v8 ${process.versions.v8}`;
}

/** One digest of the shared library's files: each path and text, in order. */
export function libraryDigest(files: readonly { readonly path: string; readonly text: string }[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0${file.text.length}\0`).update(file.text).update('\0');
  return hash.digest('hex');
}

export class ResultCache {
  private readonly scope: string;

  constructor(
    private readonly dir: string,
    scope: ResultScope,
  ) {
    this.scope = JSON.stringify([ENTRY_FORMAT, scope.checker, runtimeVersion(), scope.options, scope.library]);
  }

  /** The key of a file's result: its name as printed (the lines carry it) and its bytes, in this scope. */
  keyOf(file: string, bytes: Uint8Array): string {
    return createHash('sha256').update(this.scope).update('\0').update(file).update('\0').update(bytes).digest('hex');
  }

  /** The result kept for `key`, or undefined when there is none usable (missing, unreadable, damaged or another key's). */
  read(key: string): FileCheck | undefined {
    const path = this.pathOf(key);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return undefined;
    }
    const entry = EntrySchema.safeParse(data);
    if (!entry.success || entry.data.key !== key) return undefined;
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // Gone meanwhile (another run pruned it): the result read is still this key's.
    }
    return entry.data.check;
  }

  /** Keeps `check` as the result for `key`; a cache that cannot be written is left as it is (the check itself stands). */
  write(key: string, check: FileCheck): void {
    const path = this.pathOf(key);
    const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
    const { lines, errors, warnings, valid } = check;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(partial, JSON.stringify({ format: ENTRY_FORMAT, key, check: { lines, errors, warnings, valid } }));
      renameSync(partial, path);
    } catch {
      try {
        rmSync(partial, { force: true });
      } catch {
        // Nothing to remove where the folder itself could not be made.
      }
    }
  }

  /** Drops the least recently used entries beyond `limit`, and partial writes left by a run that was stopped. */
  prune(limit: number = RESULT_LIMIT): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const now = Date.now();
    for (const name of names.filter((n) => n.endsWith('.partial'))) {
      const written = modified(join(this.dir, name));
      if (written !== null && now - written > STALE_PARTIAL_MS) rmSync(join(this.dir, name), { force: true });
    }
    const kept = names.filter((n) => n.endsWith('.json'));
    if (kept.length <= limit) return;
    const entries = kept.map((name) => ({ path: join(this.dir, name), used: modified(join(this.dir, name)) ?? 0 }));
    entries.sort((a, b) => b.used - a.used);
    for (const { path } of entries.slice(limit)) rmSync(path, { force: true });
  }

  private pathOf(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}

function modified(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}
