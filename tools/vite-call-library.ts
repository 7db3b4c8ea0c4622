/**
 * The shipped call library, checked and compiled at build time: a Vite plugin that runs the same
 * pipeline as `scenarios:check` over scenarios/ (with the shared kb/), fails the build on any error,
 * and hands the browser the validated calls as data (`virtual:call-library`). The browser then only
 * compiles them into machines: no YAML parser and no checker in the first load. In `vite` (dev),
 * a broken file is passed on with its diagnostics instead, so a trainer sees them in the game, and
 * editing a file reloads the page.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { loadScenario } from '../src/scenario/load.ts';
import { loadLibrary, type LibraryFile } from '../src/scenario/load-library.ts';
import { formatDiagnostic, hasErrors } from '../src/scenario/diagnostics.ts';
import type { BuiltCall } from '../src/scenario/built-library.ts';

const ID = 'virtual:call-library';
const RESOLVED = `\0${ID}`;
const CALL_FILE = /\.(ya?ml|json)$/;

function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => CALL_FILE.test(f) && !f.endsWith('.schema.json')).sort().map((f) => join(dir, f)) : [];
}

export function callLibraryPlugin(): Plugin {
  let root = process.cwd();
  let building = false;
  return {
    name: 'hold-the-line-call-library',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const kbFiles = [join(root, 'kb', 'directory.yaml'), ...filesIn(join(root, 'kb', 'articles'))].filter((f) => existsSync(f));
      const library: LibraryFile[] = kbFiles.map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));
      for (const f of kbFiles) this.addWatchFile(f);
      const knowledge = loadLibrary(library);
      const problems: string[] = knowledge.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
      const calls: BuiltCall[] = [];
      for (const path of filesIn(join(root, 'scenarios'))) {
        this.addWatchFile(path);
        const file = relative(root, path);
        const { definition, diagnostics } = loadScenario(readFileSync(path, 'utf8'), file, knowledge.library);
        if (definition === undefined || hasErrors(diagnostics)) {
          problems.push(...diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
          calls.push({ file, scenario: null, hash: null, diagnostics });
        } else {
          calls.push({ file, scenario: definition.scenario, hash: definition.hash, diagnostics: [] });
        }
      }
      if (building && problems.length > 0) this.error(`The call library has errors, so the game was not built:\n${problems.join('\n')}`);
      return `export const knowledge = ${JSON.stringify(knowledge.library)};\nexport const calls = ${JSON.stringify(calls)};\n`;
    },
  };
}
