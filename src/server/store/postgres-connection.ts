/**
 * What every PostgreSQL user in the server shares: how BIGINT columns are read, the migration
 * runner (one numbered list for the classroom and team tables, applied under an advisory lock so
 * instances starting together take turns) and transactions. Listening is in postgres-listener.ts.
 */
import pg from 'pg';
import { migrationPlan } from './migrations.ts';

/** Held while migrating, so instances starting together migrate one after another. */
const MIGRATION_LOCK = 0x43_4c_41_53;

/** BIGINT columns hold milliseconds and seeds, well inside a double: read them as numbers. */
export const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Applies the migrations this database has not recorded yet, each in one transaction. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const applied = (await c.query<{ version: number }>('SELECT version FROM migrations')).rows.map((r) => r.version);
    const plan = migrationPlan(applied, 'postgres');
    if (!plan.ok) throw new Error(plan.message);
    for (const step of plan.steps) {
      await c.query('BEGIN');
      try {
        if (step.sql !== '') await c.query(step.sql);
        await c.query('INSERT INTO migrations (version, applied_at) VALUES ($1, $2)', [step.version, Date.now()]);
        await c.query('COMMIT');
      } catch (error) {
        await c.query('ROLLBACK');
        throw new Error(`Migration ${step.version} (${step.name}) failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    c.release();
  }
}

/** Host, port and database of a connection URL, without the user or password, for messages. */
export function whereIs(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an address that is not a valid URL';
  }
}

/** `work` on one pooled connection inside one transaction (`begin` opens it): committed, or rolled back if it fails. */
export async function inTransaction<T>(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query(begin);
    const value = await work(c);
    await c.query('COMMIT');
    return value;
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}
