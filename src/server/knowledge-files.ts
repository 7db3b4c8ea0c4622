/**
 * The shared knowledge base and team directory as files on disk (kb/), read once through the
 * scenario pipeline's own checks. The command-line tools, the tests and the classroom server load
 * calls with this, so they see exactly what the browser bundles.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeLibrary } from '../core/model/library.ts';
import { loadLibrary, type LibraryFile, type LibraryResult } from '../scenario/load-library.ts';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KB_DIR = join(PROJECT_ROOT, 'kb');

/** Every library file under `dir` (kb/directory.yaml and kb/articles/*.yaml), with paths relative to the project. */
export function libraryFiles(dir: string = KB_DIR): LibraryFile[] {
  const files: LibraryFile[] = [];
  const directory = join(dir, 'directory.yaml');
  if (existsSync(directory)) files.push({ path: relative(PROJECT_ROOT, directory), text: readFileSync(directory, 'utf8') });
  const articles = join(dir, 'articles');
  if (existsSync(articles)) {
    for (const name of readdirSync(articles).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
      const path = join(articles, name);
      files.push({ path: relative(PROJECT_ROOT, path), text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}

let cached: LibraryResult | undefined;

/** The shared library with its diagnostics (read once per process). */
export function readSharedLibrary(): LibraryResult {
  cached ??= loadLibrary(libraryFiles());
  return cached;
}

export function sharedLibrary(): KnowledgeLibrary {
  return readSharedLibrary().library;
}
