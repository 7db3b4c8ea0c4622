/**
 * The architecture's import rules as data, and a checker that reads import specifiers from source
 * text. Imports point down the layers: shared ← core ← scenario ← adapters/server/tools.
 */
import { posix } from 'node:path';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface LayerViolation {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly rule: string;
}

interface Layer {
  readonly folder: string;
  /** Our folders this layer may import. */
  readonly mayImport: readonly string[];
  /** Packages it may import; null means any package except `forbiddenPackages`. */
  readonly packages: readonly string[] | null;
  readonly forbiddenPackages?: readonly string[];
}

const PURE = ['xstate', 'zod'];
/** Packages only the adapters may load: the screens and the pure layers reach them through ports. */
const ADAPTER_PACKAGES = ['phaser', 'howler'];
/**
 * Every folder of src/ and tools/ belongs to one layer. The pure layers (shared, core, scenario)
 * hold the rules; the adapters (storage, net, audio, the Phaser game) each reach only the ports
 * and shared types; ui reaches the pure layers and the ports, never an adapter; wiring builds the
 * browser's adapters for a page's entry.
 */
export const LAYERS: readonly Layer[] = [
  { folder: 'src/shared', mayImport: ['src/shared'], packages: ['zod'] },
  { folder: 'src/core', mayImport: ['src/core', 'src/shared'], packages: PURE },
  { folder: 'src/scenario', mayImport: ['src/scenario', 'src/core', 'src/shared'], packages: [...PURE, 'yaml', 'js-yaml', '@noble/hashes'] },
  { folder: 'src/storage', mayImport: ['src/storage', 'src/core', 'src/shared'], packages: ['zod'] },
  { folder: 'src/net', mayImport: ['src/net', 'src/core', 'src/shared'], packages: ['zod'] },
  { folder: 'src/audio', mayImport: ['src/audio', 'src/core/ports'], packages: ['howler'] },
  // The desk draws the caller from the persona's pure look and expression functions (core/persona).
  { folder: 'src/game', mayImport: ['src/game', 'src/core/ports', 'src/core/persona', 'src/shared'], packages: ['phaser'] },
  { folder: 'src/ui', mayImport: ['src/ui', 'src/core', 'src/scenario', 'src/shared'], packages: null, forbiddenPackages: ADAPTER_PACKAGES },
  // The workbench reads the format's JSON Schema (scenarios/scenario.schema.json) for completion and hover help.
  { folder: 'src/workbench', mayImport: ['src/workbench', 'src/ui', 'src/core', 'src/scenario', 'src/shared', 'scenarios'], packages: null, forbiddenPackages: ADAPTER_PACKAGES },
  { folder: 'src/wiring', mayImport: ['src/wiring', 'src/storage', 'src/net', 'src/audio', 'src/core', 'src/shared'], packages: null, forbiddenPackages: ADAPTER_PACKAGES },
  {
    folder: 'src/server',
    mayImport: ['src/server', 'src/core', 'src/scenario', 'src/shared'],
    packages: null,
    forbiddenPackages: ADAPTER_PACKAGES,
  },
  { folder: 'tools', mayImport: ['tools', 'src/core', 'src/scenario', 'src/shared', 'src/server', 'tests/helpers'], packages: null, forbiddenPackages: ADAPTER_PACKAGES },
];

/**
 * A page's entry module (the script its HTML loads) is its composition root: it may import any
 * layer to wire the adapters into the screens. Only the game's own entry starts the Phaser game.
 */
export const COMPOSITION_ROOTS: readonly string[] = [
  'src/main.ts',
  'src/ui/classroom/join-page.ts',
  'src/ui/classroom/trainer-page.ts',
  'src/ui/classroom/projector-page.ts',
  'src/ui/classroom/debrief-page.ts',
  'src/ui/shift/shift-page.ts',
  'src/workbench/main.ts',
];

/** Only the browser entry and the game itself may import the Phaser game. */
export const GAME_FOLDER = 'src/game';
export const GAME_IMPORTERS: readonly string[] = ['src/main.ts'];

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s+['"]([^'"]+)['"]/g;

export function importSpecifiers(text: string): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier === undefined) continue;
    const line = text.slice(0, match.index).split('\n').length + (match[0].startsWith('\n') ? 1 : 0);
    found.push({ specifier, line });
  }
  return found;
}

const within = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);
const packageName = (spec: string): string => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

/** Source files in src/ and tools/ that no layer covers (a new folder must be given a place in LAYERS). */
export function uncoveredFiles(files: readonly SourceFile[]): string[] {
  return files
    .map((f) => f.path)
    .filter((path) => !COMPOSITION_ROOTS.includes(path) && !path.endsWith('.d.ts') && !LAYERS.some((l) => within(path, l.folder)));
}

export function findLayerViolations(files: readonly SourceFile[]): LayerViolation[] {
  const violations: LayerViolation[] = uncoveredFiles(files).map((file) => ({ file, line: 1, specifier: '', rule: 'this folder has no layer in tools/layers/layer-rules.ts: give it one' }));
  for (const file of files) {
    const root = COMPOSITION_ROOTS.includes(file.path);
    const layer = root ? undefined : LAYERS.find((l) => within(file.path, l.folder));
    for (const { specifier, line } of importSpecifiers(file.text)) {
      const report = (rule: string) => violations.push({ file: file.path, line, specifier, rule });
      if (specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
        if (within(target, GAME_FOLDER) && !within(file.path, GAME_FOLDER) && !GAME_IMPORTERS.includes(file.path)) {
          report(`only ${GAME_IMPORTERS.join(' and ')} may import the Phaser game (${GAME_FOLDER})`);
        } else if (layer !== undefined && !layer.mayImport.some((folder) => within(target, folder))) {
          report(`${layer.folder} may import only ${layer.mayImport.join(', ')}`);
        }
        continue;
      }
      if (layer === undefined) continue;
      const name = packageName(specifier);
      if (specifier.startsWith('node:') && layer.packages !== null) report(`${layer.folder} must stay pure: no node:* imports`);
      else if (layer.packages !== null && !layer.packages.includes(name)) {
        report(`${layer.folder} may use only the packages ${layer.packages.join(', ')}`);
      } else if (layer.forbiddenPackages?.includes(name)) report(`${layer.folder} must not import ${name}`);
    }
  }
  return violations;
}
