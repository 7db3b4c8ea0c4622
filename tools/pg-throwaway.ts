/**
 * A throwaway PostgreSQL server for tests and the benchmark: a new cluster in a temporary folder on
 * a free local port, stopped and deleted by `stop()`. A watchdog process stops it too if the Node
 * process that started it dies first, so nothing is left running. With TEST_DATABASE_URL set, a
 * fresh database is made on that server instead (and dropped at the end).
 *
 *   npx tsx tools/pg-throwaway.ts -- <command…>   runs the command with DATABASE_URL set, then stops
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

export type ThrowawayPostgres = { ok: true; url: string; stop(): Promise<void> } | { ok: false; reason: string };

/** The folder holding initdb and pg_ctl: on the PATH, or Debian's /usr/lib/postgresql/<version>/bin (newest). */
export function postgresBinDir(): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(':')) if (dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(base, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` (or `nobody`) user. */
function runAs(): { user: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const user of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
      return { user, uid, gid };
    } catch {
      // no such user: try the next
    }
  }
  return null;
}

export interface ThrowawayOptions {
  /** fsync and synchronous_commit on, as a production server runs (the benchmark); off when left out (tests). */
  readonly durable?: boolean;
  /** Loads pg_stat_statements (the benchmark's --statements): what each statement cost, read before stopping. */
  readonly statements?: boolean;
}

export async function startThrowawayPostgres(options: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const given = process.env['TEST_DATABASE_URL'];
  if (given !== undefined && given !== '') return freshDatabase(given);
  const bin = postgresBinDir();
  if (bin === null) return { ok: false, reason: 'PostgreSQL is not installed here (initdb not found on the PATH or under /usr/lib/postgresql); `npm test` installs Debian’s postgresql package' };
  const as = runAs();
  if (process.getuid?.() === 0 && as === null) return { ok: false, reason: 'running as root and no postgres or nobody user to run PostgreSQL as' };
  const dir = mkdtempSync(join(tmpdir(), 'htl-pg-'));
  if (as !== null) chownSync(dir, as.uid, as.gid);
  const data = join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const [command, all] = as === null ? [join(bin, tool), args] : ['runuser', ['-u', as.user, '--', join(bin, tool), ...args]];
    execFileSync(command!, all as string[], { stdio: 'pipe', cwd: dir });
  };
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'htl', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    // Durability is not the point of a throwaway server for tests: no fsync makes them quicker.
    const durability = options.durable === true ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    const statements = options.statements === true ? ' -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on' : '';
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${durability}${statements} -c max_connections=300`;
    run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
    const stopCommand = as === null ? `'${join(bin, 'pg_ctl')}'` : `runuser -u ${as.user} -- '${join(bin, 'pg_ctl')}'`;
    const watchdog = spawn('bash', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${stopCommand} -D '${data}' -m immediate stop >/dev/null 2>&1; rm -rf '${dir}'`], { detached: true, stdio: 'ignore' });
    watchdog.unref();
    return {
      ok: true,
      url: `postgres://htl@127.0.0.1:${port}/postgres`,
      async stop() {
        try {
          run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
        } finally {
          if (watchdog.pid !== undefined) process.kill(watchdog.pid);
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    const err = error as { stderr?: Buffer; message: string };
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, reason: `could not start a throwaway PostgreSQL: ${err.stderr?.toString().trim() || err.message}` };
  }
}

async function freshDatabase(url: string): Promise<ThrowawayPostgres> {
  const name = `htl_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    return { ok: false, reason: `TEST_DATABASE_URL is set but a database could not be made on it: ${(error as Error).message}` };
  } finally {
    await admin.end().catch(() => undefined);
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    ok: true,
    url: target.toString(),
    async stop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  const server = await startThrowawayPostgres();
  if (!server.ok) {
    console.error(server.reason);
    process.exit(1);
  }
  if (args.length === 0) {
    console.log(`${server.url}\n(stops when this process ends: Ctrl+C)`);
    const stop = () => void server.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    setInterval(() => undefined, 1 << 30);
  } else {
    const child = spawn(args[0]!, args.slice(1), { stdio: 'inherit', env: { ...process.env, DATABASE_URL: server.url } });
    const code = await new Promise<number>((done) => child.on('exit', (c) => done(c ?? 1)));
    await server.stop();
    process.exit(code);
  }
}
