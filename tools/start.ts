/**
 * `npm start`: builds the game with Vite when dist/ is missing or older than the sources, then
 * serves the game, the classroom API and its WebSockets on one port. Settings come from PORT,
 * HOST, DATA_DIR, RETENTION_DAYS and the limits in src/server/config.ts (checked first). `--api-only`
 * skips the build and the files. Vite is imported only when a build is needed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readConfig } from '../src/server/config.ts';
import { startClassroomServer } from '../src/server/classroom-server.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const SOURCES = ['src', 'classroom', 'public', 'assets', 'scenarios', 'index.html', 'vite.config.ts'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

/** Builds every page (vite build: the game, shift.html and the classroom's pages, one config) if dist/ is missing or stale. */
async function buildIfNeeded(): Promise<void> {
  const stamp = join(dist, 'classroom', 'trainer.html');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((p) => newest(join(root, p))));
  if (built >= changed) return;
  console.log(built === 0 ? '› building the game (dist/ is missing)…' : '› rebuilding the game (sources changed since the last build)…');
  const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed (see above); fix it and run npm start again.');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const settings = readConfig(process.env);
  if (!settings.ok) {
    console.error(settings.message);
    process.exit(2);
  }
  // The burst bench's ablation ladder can switch replay checks and result writes off
  // (src/server/verify/bench-ablation.ts): never by a stray variable, only with the bench's own flag.
  const ablated = process.env.HTL_BENCH_ABLATE ?? '';
  if (ablated !== '') {
    if (!process.argv.includes('--bench-ablation')) {
      console.error('HTL_BENCH_ABLATE is set, which switches off checks of submitted runs or the storing of results. It is for the burst benchmark only: unset it and start again.');
      process.exit(2);
    }
    console.error(`BENCHMARK ONLY: HTL_BENCH_ABLATE=${ablated}: submitted runs are not replayed and/or results are not stored.`);
  }
  const apiOnly = process.argv.includes('--api-only');
  if (!apiOnly) await buildIfNeeded();
  const server = await startClassroomServer({
    config: settings.config,
    scenariosDir: join(root, 'scenarios'),
    ...(apiOnly ? {} : { staticDir: dist }),
  });
  console.log(`Hold the Line is running at ${server.url}  (trainers: ${server.url}/classroom/trainer.html)`);
  console.log(`data: ${settings.config.databaseUrl === undefined ? settings.config.dataDir : 'PostgreSQL (DATABASE_URL)'} · sessions kept ${settings.config.retentionDays} days · ${server.library.byHash.size} scenarios in the library`);
  const stop = () => {
    console.log('› stopping…');
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The server could not start: ${(error as Error).message}`);
  process.exit(1);
});
