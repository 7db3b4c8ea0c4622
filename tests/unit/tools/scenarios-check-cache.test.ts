/**
 * `npm run scenarios:check` keeps each file's result and gives it back while nothing it depends on
 * changed: on a copy of the project (so the real cache is left alone), a second run takes every
 * file from the cache and prints the same report as a run without it; an edited file, an edited
 * knowledge base and an edited checker are each checked anew; damaged entries change nothing in the
 * report and are written again; two runs at once both print the right report; the cache stays
 * within its size limit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT_LIMIT } from '../../../tools/scenarios-check-cache.ts';
import { editCopy } from './edit-copy.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURE = 'tests/unit/scenario/fixtures/valid-minimal.yaml';
/** A call that transfers to a team of the shared directory (kb/directory.yaml). */
const TRANSFERS = 'scenarios/demands-a-manager.yaml';
const FILES = [FIXTURE, TRANSFERS];
const RESULTS = join('.cache', 'scenarios-check', 'results');

let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'htl-check-cache-'));
  for (const part of ['src', 'tools', 'kb', 'package.json', 'tsconfig.json', ...FILES]) cpSync(join(ROOT, part), join(copy, part), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
});

afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

const launcher = () => join(copy, 'tools', 'scenarios-check-launch.mjs');
const check = (...args: string[]): Run => spawnSync(process.execPath, [launcher(), '--timings', ...args], { cwd: copy, encoding: 'utf8' });

/** A run that does not wait for the ones started beside it. */
function checkAlongside(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [launcher(), '--timings', ...args], { cwd: copy });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ stdout, stderr, status }));
  });
}

/** The report without the run's own time on its last line. */
const report = (run: Run) => run.stdout.replace(/ in \d+\.\d\d s\n$/, '');
/** How many of the files the run's timings say came from the cache, as "N of M". */
const fromCache = (run: Run) => /\((\d+ of \d+) files from cache\)/.exec(run.stderr)?.[1];
const entries = () => readdirSync(join(copy, RESULTS)).filter((name) => name.endsWith('.json'));

const edit = (path: string, change: (text: string) => string): void => editCopy(copy, path, change);

describe('the result cache of npm run scenarios:check', () => {
  let uncached: string;

  it('takes every unchanged file from the cache on the second run, with the report of a run without it', () => {
    const first = check(...FILES);
    expect(first.stderr).toMatch(/timings: /);
    expect(first.status).toBe(0);
    expect(fromCache(first)).toBe('0 of 2');
    const second = check(...FILES);
    expect(fromCache(second)).toBe('2 of 2');
    expect(second.status).toBe(0);
    const without = check('--no-cache', ...FILES);
    expect(without.stderr).toMatch(/cache off/);
    uncached = report(without);
    expect(uncached).toMatch(/balance-check: 6 paths · AHT/);
    expect(report(second)).toBe(uncached);
    expect(report(first)).toBe(uncached);
  });

  it('checks an edited file anew and shows its new error, taking the others from the cache', () => {
    edit(FIXTURE, (text) => text.replace('next: check-id', 'next: check-idd'));
    const run = check(...FILES);
    expect(fromCache(run)).toBe('1 of 2');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/valid-minimal\.yaml:\d+:\d+ HTL0030 .*`check-idd`/);
    edit(FIXTURE, (text) => text.replace('next: check-idd', 'next: check-id'));
    const mended = check(...FILES);
    expect(fromCache(mended)).toBe('2 of 2');
    expect(report(mended)).toBe(uncached);
  });

  it('checks every call anew when the shared knowledge base or directory changed', () => {
    edit('kb/directory.yaml', (text) => text.replace('id: team-leader,', 'id: team-leaders,'));
    const run = check(...FILES);
    expect(fromCache(run)).toBe('0 of 2');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/demands-a-manager\.yaml:\d+:\d+ HTL\d+ .*team-leader/);
    edit('kb/directory.yaml', (text) => text.replace('id: team-leaders,', 'id: team-leader,'));
    expect(report(check(...FILES))).toBe(uncached);
  });

  it('gives the same report when entries are damaged or belong to another key, and writes them again', () => {
    const names = entries();
    expect(names.length).toBeGreaterThanOrEqual(3);
    const [first, second, ...rest] = names;
    const good = readFileSync(join(copy, RESULTS, first!), 'utf8');
    // Cut short, another entry's text under this name, and valid JSON of the wrong shape.
    writeFileSync(join(copy, RESULTS, first!), good.slice(0, good.length / 2));
    writeFileSync(join(copy, RESULTS, second!), good);
    for (const name of rest) writeFileSync(join(copy, RESULTS, name), JSON.stringify({ format: 1, key: name.replace('.json', ''), check: { lines: ['forged'], errors: 0 } }));
    const run = check(...FILES);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(fromCache(run)).toBe('0 of 2');
    expect(report(run)).toBe(uncached);
    const again = check(...FILES);
    expect(fromCache(again)).toBe('2 of 2');
    expect(report(again)).toBe(uncached);
  });

  it('gives both of two runs started at once the right report, and keeps whole entries', async () => {
    rmSync(join(copy, RESULTS), { recursive: true, force: true });
    const runs = await Promise.all([checkAlongside(...FILES), checkAlongside(...FILES)]);
    for (const run of runs) {
      expect(run.status).toBe(0);
      expect(report(run)).toBe(uncached);
    }
    const after = check(...FILES);
    expect(fromCache(after)).toBe('2 of 2');
    expect(report(after)).toBe(uncached);
    expect(readdirSync(join(copy, RESULTS)).filter((name) => !name.endsWith('.json'))).toEqual([]);
  });

  it('checks every file anew when the checker itself changed', () => {
    edit('src/scenario/analyse.ts', (text) => text.replace('`${count(report.paths)} paths`', '`${count(report.paths)} ways through`'));
    const run = check(...FILES);
    expect(fromCache(run)).toBe('0 of 2');
    expect(run.stdout).toMatch(/balance-check: 6 ways through · AHT/);
  });

  it('gives the same report, without a stack trace, when its folder cannot be made', () => {
    rmSync(join(copy, RESULTS), { recursive: true, force: true });
    writeFileSync(join(copy, RESULTS), 'a file where the folder should be');
    const run = check(...FILES);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(fromCache(run)).toBe('0 of 2');
    expect(run.stdout).toMatch(/balance-check: 6 ways through · AHT/);
    expect(run.status).toBe(0);
    rmSync(join(copy, RESULTS));
  });

  it('keeps no more entries than its limit, dropping the least recently used', () => {
    const old = new Date(Date.now() - 86_400_000);
    mkdirSync(join(copy, RESULTS), { recursive: true });
    for (let i = 0; i < RESULT_LIMIT + 20; i += 1) {
      const path = join(copy, RESULTS, `${String(i).padStart(64, '0')}.json`);
      writeFileSync(path, '{}');
      utimesSync(path, old, old);
    }
    check(...FILES);
    expect(entries()).toHaveLength(RESULT_LIMIT);
    // The entries this run used are the most recent, so they stay.
    expect(fromCache(check(...FILES))).toBe('2 of 2');
  });
});
