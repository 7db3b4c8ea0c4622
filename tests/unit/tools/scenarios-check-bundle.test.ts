/**
 * `npm run scenarios:check` runs a bundle of the checker that it builds itself: on a copy of the
 * project (so the real cache is left alone), the first run builds it, an unchanged source reuses
 * it, a changed source is picked up by the very next run, and a source that does not build is
 * reported as such, without a stack trace. V8's compiled code for the bundle is kept beside it by a
 * run that had none, used by the runs after it, and made anew when the bundle is rebuilt or the
 * kept code is unusable.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editCopy } from './edit-copy.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURE = 'tests/unit/scenario/fixtures/valid-minimal.yaml';
const BUNDLE = join('.cache', 'scenarios-check', 'scenarios-check.cjs');
const CODE_CACHE = join('.cache', 'scenarios-check', 'scenarios-check.v8-code');

let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'htl-check-bundle-'));
  for (const part of ['src', 'tools', 'kb', 'package.json', 'tsconfig.json', FIXTURE]) cpSync(join(ROOT, part), join(copy, part), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
});

afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

const check = (...args: string[]) =>
  spawnSync(process.execPath, [join(copy, 'tools', 'scenarios-check-launch.mjs'), ...args], { cwd: copy, encoding: 'utf8' });
const bundleTime = () => statSync(join(copy, BUNDLE)).mtimeMs;
const codeCacheTime = () => statSync(join(copy, CODE_CACHE)).mtimeMs;

/** Edits a source of the copy. */
const edit = (path: string, change: (text: string) => string): void => editCopy(copy, path, change);

describe('the bundle behind npm run scenarios:check', () => {
  it('is built by the first run and gives the same report as the sources run through tsx', () => {
    const bundled = check(FIXTURE);
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(0);
    expect(statSync(join(copy, BUNDLE)).isFile()).toBe(true);
    const fromSource = spawnSync(process.execPath, ['--import', 'tsx', join(copy, 'tools', 'scenarios-check.ts'), FIXTURE], { cwd: copy, encoding: 'utf8' });
    const withoutTime = (out: string) => out.replace(/ in \d+\.\d\d s\n$/, '');
    expect(withoutTime(bundled.stdout)).toBe(withoutTime(fromSource.stdout));
    expect(bundled.stdout).toMatch(/balance-check: 6 paths · AHT/);
  });

  it('is reused while no source changed, with the compiled code the first run kept', () => {
    const built = bundleTime();
    const compiled = codeCacheTime();
    expect(check(FIXTURE).status).toBe(0);
    expect(bundleTime()).toBe(built);
    // Written again only when V8 refuses it: still the first run's.
    expect(codeCacheTime()).toBe(compiled);
  });

  it('gives the same report when the kept compiled code is unusable, and keeps usable code again', () => {
    const good = check(FIXTURE).stdout;
    writeFileSync(join(copy, CODE_CACHE), 'not compiled code');
    const result = check(FIXTURE);
    expect(result.stderr).toBe('');
    expect(result.stdout.replace(/ in \d+\.\d\d s\n$/, '')).toBe(good.replace(/ in \d+\.\d\d s\n$/, ''));
    expect(readFileSync(join(copy, CODE_CACHE)).length).toBeGreaterThan(10_000);
  });

  it('is rebuilt by the next run after a source it includes changed, with its compiled code made anew', () => {
    const compiled = codeCacheTime();
    edit('src/scenario/analyse.ts', (text) => text.replace('`${count(report.paths)} paths`', '`${count(report.paths)} ways through`'));
    const result = check(FIXTURE);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/balance-check: 6 ways through · AHT/);
    expect(codeCacheTime()).not.toBe(compiled);
  });

  it('runs its worker thread from the same build (--parallel)', () => {
    const result = check('--parallel', FIXTURE, FIXTURE, FIXTURE);
    expect(result.stderr).toBe('');
    expect(result.stdout.match(/balance-check: 6 ways through/g)).toHaveLength(3);
    expect(result.stdout).toMatch(/3 files checked, 3 valid: 0 errors, 0 warnings/);
    expect(readFileSync(join(copy, '.cache', 'scenarios-check', 'scenarios-check-worker.cjs'), 'utf8')).toContain('ways through');
  });

  it('says which source does not build, with no stack trace, and builds again once it is mended', () => {
    edit('src/scenario/analyse.ts', (text) => text.replace('export function formatPathReport(', 'export function formatPathReport(('));
    const broken = check(FIXTURE);
    expect(broken.status).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/could not build its checker/);
    expect(broken.stderr).toMatch(/src\/scenario\/analyse\.ts:\d+:\d+/);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
    edit('src/scenario/analyse.ts', (text) => text.replace('export function formatPathReport((', 'export function formatPathReport('));
    expect(check(FIXTURE).stdout).toMatch(/balance-check: 6 ways through · AHT/);
  });
});
