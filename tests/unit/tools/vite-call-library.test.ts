/**
 * The build-time call library: the menu's module holds only summaries and hashes; each call's data
 * is its own module and compiles to the very call the build checked; any error fails the build.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callLibraryPlugin } from '../../../tools/vite-call-library.ts';
import { definitionFromBuilt } from '../../../src/scenario/built-library.ts';
import { loadScenarioFile } from '../../helpers/walkthrough.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Runs the plugin's hooks as Vite would, for `command` in `root`, and returns what it gives for a module id. */
function pluginFor(root: string, command: 'build' | 'serve') {
  const plugin = callLibraryPlugin();
  (plugin.configResolved as (c: unknown) => void)({ root, command });
  const context = { addWatchFile: () => undefined, error: (message: string): never => { throw new Error(message); } };
  return (id: string): string => (plugin.load as (this: unknown, id: string) => string).call(context, `\0${id}`);
}

/** The data a generated module hands over as JSON.parse("…"), in order. */
const dataIn = (code: string): unknown[] => [...code.matchAll(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/g)].map((m) => JSON.parse(JSON.parse(m[1]!)) as unknown);

describe('the build-time call library', () => {
  const load = pluginFor(ROOT, 'build');

  it('gives the menu summaries and content hashes only, never a call’s script', () => {
    const index = load('virtual:call-library');
    const call = loadScenarioFile('scenarios/failed-idv-pushy-caller.yaml');
    expect(index).toContain(JSON.stringify(call.scenario.title));
    expect(index).toContain(`virtual:call-library/call/${call.hash}`);
    expect(index).not.toContain(JSON.stringify(call.scenario.customer.hangUpLine!).slice(1, -1));
    expect(index).not.toContain('dateOfBirth');
  });

  it('hands each call’s data in its own module, which compiles to the call the build checked', () => {
    const call = loadScenarioFile('scenarios/failed-idv-pushy-caller.yaml');
    const module = load(`virtual:call-library/call/${call.hash}`);
    expect(module).toContain("from \"virtual:call-library/knowledge\"");
    const [scenario] = dataIn(module);
    const [knowledge] = dataIn(load('virtual:call-library/knowledge'));
    const built = definitionFromBuilt({ scenario, knowledge } as never, call.hash);
    expect(built?.hash).toBe(call.hash);
    expect(definitionFromBuilt({ scenario: { ...(scenario as object), title: 'Changed' }, knowledge } as never, call.hash)).toBeNull();
  });

  it('fails the build on any checker error, naming the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'htl-library-'));
    cpSync(join(ROOT, 'kb'), join(root, 'kb'), { recursive: true });
    mkdirSync(join(root, 'scenarios'));
    const good = readFileSync(join(ROOT, 'scenarios', 'failed-idv-pushy-caller.yaml'), 'utf8');
    cpSync(join(ROOT, 'scenarios', 'failed-idv-pushy-caller.yaml'), join(root, 'scenarios', 'good.yaml'));
    writeFileSync(join(root, 'scenarios', 'broken.yaml'), good.replace(/^id: .*$/m, 'id: Not A Valid Id'));
    expect(() => pluginFor(root, 'build')('virtual:call-library')).toThrow(/not built[\s\S]*broken\.yaml/);
    // In development the same file reaches the menu with its diagnostics instead.
    const index = pluginFor(root, 'serve')('virtual:call-library');
    expect(index).toContain('"scenarios/broken.yaml", hash: null, summary: null');
  });
});
