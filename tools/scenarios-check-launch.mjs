// @ts-check
/**
 * `npm run scenarios:check`: runs the checker from one JavaScript bundle instead of compiling its
 * ~150 TypeScript modules through tsx at every start (about 1.4 s of the old 4.4 s). Plain
 * JavaScript, so that Node starts it without a loader.
 *
 * The bundle (tools/scenarios-check.ts and its worker, tools/scenarios-check-worker.ts, as two
 * entries of one esbuild build) lives in .cache/scenarios-check/ beside a list of every file it
 * was built from with that file's modification time and size. A run rebuilds it first when any of
 * those files changed, went missing, or the checkout moved, so the bundle is never older than the
 * sources. Each module keeps its own `import.meta.url` and `import.meta.dirname` (written in at
 * build time), so paths worked out from them (the project root, kb/, scenarios/) are the same as
 * when the sources run under tsx, wherever the bundle sits.
 *
 * `node --import tsx tools/scenarios-check.ts` still runs the checker straight from source.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bumped when the build's options change, so bundles made by an older launcher are rebuilt. */
const BUILD_VERSION = 5;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache', 'scenarios-check');
const STAMP = join(CACHE, 'inputs.json');
const BUNDLE = join(CACHE, 'scenarios-check.cjs');
/** V8's compiled code for the bundle, made by a run that had none (or had one V8 refused). */
const CODE_CACHE = join(CACHE, 'scenarios-check.v8-code');
const ENTRIES = { 'scenarios-check': 'tools/scenarios-check.ts', 'scenarios-check-worker': 'tools/scenarios-check-worker.ts' };
/** Files that shape the build without being part of it. */
const BUILD_FILES = ['tools/scenarios-check-launch.mjs', 'package.json', 'tsconfig.json'];

/**
 * The list kept beside the bundle: what it was built from, and a hash of the bundle itself (the
 * checker's build, which the result cache keys every result on).
 * @typedef {{ root: string, version: number, build: string, inputs: [string, number, number][] }} Stamp
 */

/** @param {string} path relative to the root @returns {[string, number, number] | null} */
function fileStat(path) {
  try {
    const stat = statSync(join(ROOT, path));
    return [path, stat.mtimeMs, stat.size];
  } catch {
    return null;
  }
}

/**
 * The hash of the bundle in the cache when it was built, by this launcher, from the files as they
 * are now; null when it must be built again.
 * @returns {string | null}
 */
function freshBuild() {
  /** @type {Stamp} */
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
  if (stamp.root !== ROOT || stamp.version !== BUILD_VERSION || typeof stamp.build !== 'string' || !Array.isArray(stamp.inputs)) return null;
  for (const [path, mtime, size] of stamp.inputs) {
    const now = fileStat(path);
    if (now === null || now[1] !== mtime || now[2] !== size) return null;
  }
  return stamp.build;
}

/**
 * Replaces `import.meta.url`, `.dirname` and `.filename` in each source with its own values, so a
 * module finds the files beside it as it does when run from source.
 * @type {import('esbuild').Plugin}
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      const contents = text
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * zod's `locales` namespace, the messages of every language it speaks (0.3 MB, a quarter of the
 * bundle, shown by the build's metafile), left out: the checker never reads it, and English, the
 * default, comes from its own module. What the checker does use of zod is unchanged.
 * @type {import('esbuild').Plugin}
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}zod${sep}`) ? { path: 'zod-locales', namespace: 'without-zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'without-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * Builds the bundle into the cache and returns its hash; null (with the reasons printed) when the
 * sources do not build.
 * @returns {Promise<string | null>}
 */
async function buildBundle() {
  const esbuild = await import('esbuild');
  const started = Date.now();
  /** @type {import('esbuild').BuildResult<{ write: false, metafile: true }>} */
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      bundle: true,
      platform: 'node',
      // CommonJS, so that the launcher can compile it as a script and keep V8's compiled code (see `runBundle`).
      format: 'cjs',
      target: 'node20',
      // The packages too: one file loads ~0.1 s sooner than the same code resolved module by module.
      outdir: CACHE,
      outExtension: { '.js': '.cjs' },
      // A third less to read at every start (1.5 MB → 1.1 MB); names are kept, so profiles and
      // stack traces still name the functions. Measured: the time before the checker's clock
      // starts, median of 6 interleaved runs under load, 264 ms → 217 ms.
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'none',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [sourceLocations, withoutZodLocales],
      define: { BUNDLED_CHECK_WORKER: JSON.stringify(pathToFileURL(join(CACHE, 'scenarios-check-worker.cjs')).href) },
    });
  } catch (error) {
    // esbuild's own report: each error with its file, line and column, and the line itself.
    const errors = /** @type {{ errors?: import('esbuild').Message[] }} */ (error).errors ?? [];
    const lines = errors.length > 0 ? await esbuild.formatMessages(errors, { kind: 'error' }) : [`${String(error)}\n`];
    process.stderr.write(`scenarios:check could not build its checker from the sources:\n${lines.join('')}`);
    return null;
  }
  mkdirSync(CACHE, { recursive: true });
  // The compiled code kept for the old bundle would be refused by V8 anyway: make it anew.
  rmSync(CODE_CACHE, { force: true });
  const hash = createHash('sha256');
  for (const file of result.outputFiles) {
    hash.update(file.path).update('\0').update(file.contents);
    // Written beside and renamed into place, so a run never loads a half-written file.
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  const build = hash.digest('hex');
  // Every file read, bar the plugin's own module in place of zod's locales (it has no file).
  const read = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith(`${withoutZodLocales.name}:`));
  const inputs = [...read, ...BUILD_FILES].map((path) => fileStat(relative(ROOT, join(ROOT, path))));
  // A file changed while the build read it (or just before: file times come from a coarse clock):
  // keep no list, so the next run builds again.
  if (inputs.every((input) => input !== null && input[1] < started - 100)) {
    /** @type {Stamp} */
    const stamp = { root: ROOT, version: BUILD_VERSION, build, inputs: /** @type {[string, number, number][]} */ (inputs) };
    writeFileSync(`${STAMP}.${process.pid}.partial`, JSON.stringify(stamp));
    renameSync(`${STAMP}.${process.pid}.partial`, STAMP);
  }
  return build;
}

/**
 * Runs the bundle as Node runs a CommonJS module, but compiled through `vm.Script` with the code V8
 * compiled for it last time (Node 20 keeps no such cache itself): the functions the check calls
 * start from their bytecode instead of being parsed and compiled again. A run without a usable
 * cache writes one as it exits, when every function the check called has been compiled. Measured
 * on the library (whole process, 6 runs interleaved with and without the kept code, 2 shared
 * cores under load): 1.46-1.58 s wall and 2.01-2.23 s user CPU with it, 1.54-1.70 s and 2.19-2.34 s
 * without.
 */
/** @param {string} build the bundle's hash, handed to the checker as `BUNDLED_CHECKER_BUILD` for its result cache */
function runBundle(build) {
  const source = readFileSync(BUNDLE, 'utf8');
  /** @type {Buffer | undefined} */
  let cachedData;
  try {
    cachedData = readFileSync(CODE_CACHE);
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname, BUNDLED_CHECKER_BUILD) {${source}\n})`;
  const script = new Script(wrapped, { filename: BUNDLE, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    process.once('exit', () => {
      try {
        const partial = `${CODE_CACHE}.${process.pid}.partial`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, CODE_CACHE);
      } catch {
        // No cache written: the next run compiles as this one did.
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, CACHE, build);
}

/** Runs the checker from source through tsx: slower to start, but needs no bundle. */
async function runFromSource() {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch (error) {
    process.stderr.write(`scenarios:check cannot start: neither esbuild nor tsx could be loaded (${error instanceof Error ? error.message : String(error)}); run npm install\n`);
    process.exit(2);
  }
  await import(pathToFileURL(join(ROOT, ENTRIES['scenarios-check'])).href);
}

/**
 * How much a function must run before V8 considers compiling it to optimised code: V8's own default
 * (67,584) suits programs that run for minutes. A check is over in a second or two, and with the
 * default V8 spent much of it (on its second core) optimising ~310 functions over the library,
 * dropping optimised code 77 times as the next call's steps differed; with the budget about eleven
 * times as large it optimises ~80, and drops code 17 times. Measured on the shipped library (cold:
 * --no-cache, 7 runs of each interleaved, 2 cores, whole process): default 1.70-2.14 s wall (median
 * 1.92) and 3.14 s CPU; 400,000 1.48; 500,000 1.46; 650,000 1.41 (1.36-1.58) and 1.82 s CPU;
 * 800,000 1.44; 1,000,000 1.47. On one generated 1,000-step call it changed nothing measurable
 * (2.05 → 2.10 s, 3 runs each); on a 300-step one 1.13 → 1.10 s. A budget given on Node's command
 * line is kept.
 */
const INTERRUPT_BUDGET = 750_000;
if (!process.execArgv.some((arg) => /^--interrupt[-_]budget=/.test(arg))) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);

let build = freshBuild();
if (build === null) {
  try {
    build = await buildBundle();
    if (build === null) process.exit(2);
  } catch (error) {
    // No esbuild, or a cache that cannot be written: the checker still runs, from source.
    process.stderr.write(`scenarios:check: running from source (${error instanceof Error ? error.message : String(error)})\n`);
  }
}
if (build !== null) runBundle(build);
else await runFromSource();
