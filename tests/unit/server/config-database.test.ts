import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/server/config.ts';

describe('choosing the classroom store from the environment', () => {
  it('uses SQLite under the data folder when DATABASE_URL is unset or empty', () => {
    for (const env of [{}, { DATABASE_URL: '' }, { DATABASE_URL: '  ' }]) {
      const result = readConfig(env);
      expect(result.ok && result.config.databaseUrl).toBe(undefined);
    }
  });
  it('uses PostgreSQL with the given pool size when DATABASE_URL names one', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://htl@db:5432/htl', DATABASE_POOL_SIZE: '25' })).toMatchObject({ ok: true, config: { databaseUrl: 'postgres://htl@db:5432/htl', databasePoolSize: 25 } });
    expect(readConfig({ DATABASE_URL: 'postgresql://htl@db/htl' })).toMatchObject({ ok: true, config: { databaseUrl: 'postgresql://htl@db/htl', databasePoolSize: 10 } });
  });
  it.each([
    [{ DATABASE_URL: 'mysql://db/htl' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ DATABASE_URL: 'db.internal:5432' }, 'leave it unset to use SQLite'],
    [{ DATABASE_URL: 'postgres://db/htl', DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 1000'],
  ])('%j is refused with a clear message', (env, message) => {
    const result = readConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
