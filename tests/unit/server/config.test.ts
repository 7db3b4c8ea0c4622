import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/server/config.ts';

describe('server config from the environment', () => {
  it('uses defaults when nothing is set', () => {
    expect(readConfig({})).toMatchObject({ ok: true, config: { port: 8080, dataDir: 'data', retentionDays: 30, host: '0.0.0.0' } });
  });
  it('reads set values', () => {
    expect(readConfig({ PORT: '3000', DATA_DIR: '/tmp/x', RETENTION_DAYS: '7' })).toMatchObject({ ok: true, config: { port: 3000, dataDir: '/tmp/x', retentionDays: 7 } });
  });
  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535 (got "eighty")'],
    [{ PORT: '70000' }, 'PORT must be a whole number'],
    [{ RETENTION_DAYS: '0' }, 'RETENTION_DAYS must be a whole number from 1 to 3650'],
    [{ RETENTION_DAYS: '2.5' }, 'RETENTION_DAYS must be a whole number'],
  ])('%j is refused with a clear message', (env, message) => {
    const result = readConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
