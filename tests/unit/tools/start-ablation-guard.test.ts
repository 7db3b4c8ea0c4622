import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

describe('npm start and the burst bench’s ablation switch', () => {
  it('refuses to start a server whose submitted runs would not be checked, unless the bench itself asked', () => {
    const started = spawnSync(process.execPath, ['--import', 'tsx', 'tools/start.ts', '--api-only'], {
      cwd: root,
      env: { ...process.env, HTL_BENCH_ABLATE: 'verdict', PORT: '0', HOST: '127.0.0.1' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(started.status).toBe(2);
    expect(started.stderr).toContain('HTL_BENCH_ABLATE is set');
    expect(started.stderr).not.toMatch(/\n\s+at /);
    expect(started.stdout).not.toContain('is running at');
  });
});
