/**
 * The shipped call library, checked and compiled at build time: a Vite plugin that runs the same
 * pipeline as `scenarios:check` over scenarios/ (with the shared kb/) and fails the build on any
 * error. The browser's first load gets only each call's summary and content hash
 * (`virtual:call-library`); each call's checked data is its own chunk (`virtual:call-library/call/HASH`),
 * loaded when the trainee chooses it, and the knowledge base is one more chunk those share. No YAML
 * parser and no checker in the first load. In `vite` (dev), a broken file is passed on with its
 * diagnostics instead, so a trainer sees them in the game, and editing a file reloads the page.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { loadScenario } from '../src/scenario/load.ts';
import { loadLibrary, type LibraryFile } from '../src/scenario/load-library.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../src/scenario/diagnostics.ts';
import { summariseScenario } from '../src/scenario/call-summary.ts';
import type { KnowledgeLibrary } from '../src/core/model/library.ts';
import type { Scenario } from '../src/core/model/scenario-schema.ts';

const ID = 'virtual:call-library';
const KNOWLEDGE_ID = `${ID}/knowledge`;
const CALL_PREFIX = `${ID}/call/`;
const CALL_FILE = /\.(ya?ml|json)$/;

interface CheckedFile {
  readonly file: string;
  readonly scenario: Scenario | null;
  readonly hash: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

interface CheckedLibrary {
  readonly knowledge: KnowledgeLibrary;
  readonly files: readonly CheckedFile[];
  readonly watched: readonly string[];
  /** Every error, formatted, for the build's failure message. */
  readonly problems: readonly string[];
}

function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => CALL_FILE.test(f) && !f.endsWith('.schema.json')).sort().map((f) => join(dir, f)) : [];
}

/** Checks kb/ and every file of scenarios/ with the game's own pipeline. */
export function checkCallLibrary(root: string): CheckedLibrary {
  const kbFiles = [join(root, 'kb', 'directory.yaml'), ...filesIn(join(root, 'kb', 'articles'))].filter((f) => existsSync(f));
  const library: LibraryFile[] = kbFiles.map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));
  const knowledge = loadLibrary(library);
  const problems: string[] = knowledge.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  const callFiles = filesIn(join(root, 'scenarios'));
  const files = callFiles.map((path): CheckedFile => {
    const file = relative(root, path);
    const { definition, diagnostics } = loadScenario(readFileSync(path, 'utf8'), file, knowledge.library);
    if (definition === undefined || hasErrors(diagnostics)) {
      problems.push(...diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
      return { file, scenario: null, hash: null, diagnostics };
    }
    return { file, scenario: definition.scenario, hash: definition.hash, diagnostics: [] };
  });
  return { knowledge: knowledge.library, files, watched: [...kbFiles, ...callFiles], problems };
}

/** JSON.parse of a string literal: quicker for the browser to read than the same object as code. */
const asData = (value: unknown): string => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

function indexModule(checked: CheckedLibrary): string {
  const entries = checked.files.map((f) => {
    const load = f.hash === null ? 'null' : `() => import(${JSON.stringify(CALL_PREFIX + f.hash)})`;
    const summary = f.scenario === null ? null : summariseScenario(f.scenario);
    return `{ file: ${JSON.stringify(f.file)}, hash: ${JSON.stringify(f.hash)}, summary: ${JSON.stringify(summary)}, diagnostics: ${JSON.stringify(f.diagnostics)}, load: ${load} }`;
  });
  return `export const calls = [\n${entries.join(',\n')}\n];\n`;
}

export function callLibraryPlugin(): Plugin {
  let root = process.cwd();
  let building = false;
  let checked: CheckedLibrary | null = null;
  const library = (): CheckedLibrary => (checked ??= checkCallLibrary(root));
  return {
    name: 'hold-the-line-call-library',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    watchChange() {
      checked = null;
    },
    resolveId: (id) => (id === ID || id.startsWith(`${ID}/`) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${ID}`)) return null;
      const name = id.slice(1);
      // In development the index is checked afresh on every load (a trainer's edit shows at once).
      if (!building && name === ID) checked = null;
      const current = library();
      for (const f of current.watched) this.addWatchFile(f);
      if (building && current.problems.length > 0) this.error(`The call library has errors, so the game was not built:\n${current.problems.join('\n')}`);
      if (name === ID) return indexModule(current);
      if (name === KNOWLEDGE_ID) return `export default ${asData(current.knowledge)};\n`;
      const hash = name.startsWith(CALL_PREFIX) ? name.slice(CALL_PREFIX.length) : '';
      const call = current.files.find((f) => f.hash === hash);
      if (call?.scenario == null) return this.error(`No checked call has the content hash "${hash}".`);
      return `import knowledge from ${JSON.stringify(KNOWLEDGE_ID)};\nexport const scenario = ${asData(call.scenario)};\nexport { knowledge };\n`;
    },
  };
}
