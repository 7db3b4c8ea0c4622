/** The server's settings from environment variables, checked at start with a clear message on a bad value. */
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './client-address.ts';

const int = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

export const ConfigSchema = z.object({
  PORT: int('PORT', 0, 65535, 8080),
  HOST: z.string().trim().min(1, 'HOST must not be empty').default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1, 'DATA_DIR must not be empty').default('data'),
  RETENTION_DAYS: int('RETENTION_DAYS', 1, 3650, 30),
  /** Trainees on one school network share an address, so these are generous. */
  RATE_PER_ADDRESS: int('RATE_PER_ADDRESS', 10, 100_000, 2000),
  MAX_SOCKETS_PER_ADDRESS: int('MAX_SOCKETS_PER_ADDRESS', 1, 100_000, 3000),
  /** Sessions one address may create in a burst (then one every 5 s). */
  SESSION_CREATE_BURST: int('SESSION_CREATE_BURST', 1, 10_000, 10),
  /** New players one address may add to one session: a whole class behind one NAT fits. */
  JOINS_PER_ADDRESS: int('JOINS_PER_ADDRESS', 1, 100_000, 300),
  /** Open connections (HTTP and WebSocket) the server holds at once. */
  MAX_CONNECTIONS: int('MAX_CONNECTIONS', 10, 1_000_000, 20_000),
  /** The plausibility floor: least real time per decision in a submitted run (0 turns it off). */
  MIN_MS_PER_DECISION: int('MIN_MS_PER_DECISION', 0, 60_000, 1500),
  /** A session nobody has used for this long is dropped from memory (it reloads from the file when asked for). */
  IDLE_MINUTES: int('IDLE_MINUTES', 1, 10_000, 30),
  /** Worker threads that replay submitted runs (0: replay on the main thread, in slices). */
  VERIFY_WORKERS: int('VERIFY_WORKERS', 0, 64, 1),
  /** postgres://… to share sessions between several server instances; SQLite under DATA_DIR when unset. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || v === '' || /^postgres(ql)?:\/\/./.test(v), 'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use SQLite)'),
  /** Connections each instance keeps to PostgreSQL. */
  DATABASE_POOL_SIZE: int('DATABASE_POOL_SIZE', 1, 1000, 10),
  /** Proxies (addresses, CIDR ranges) whose X-Forwarded-For is believed; see client-address.ts. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const read = parseTrustedProxies(v);
      if (read.ok) return read.proxies;
      ctx.addIssue({ code: 'custom', message: read.message });
      return z.NEVER;
    }),
});

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly retentionDays: number;
  readonly ratePerAddress: number;
  readonly maxSocketsPerAddress: number;
  readonly sessionCreateBurst: number;
  readonly joinsPerAddress?: number;
  readonly maxConnections?: number;
  readonly msPerDecision?: number;
  readonly idleMinutes?: number;
  /** A request's headers and body must arrive within this (20 s when left out). */
  readonly requestTimeoutMs?: number;
  /** Worker threads replaying runs (1 when left out; 0 replays on the main thread). */
  readonly verifyWorkers?: number;
  /** PostgreSQL shared by several instances; SQLite under dataDir when left out. */
  readonly databaseUrl?: string;
  readonly databasePoolSize?: number;
  /** Load balancers in front of the server: the client's address is read from their X-Forwarded-For. */
  readonly trustedProxies?: TrustedProxies | null;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; message: string };

export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.message}`);
    return { ok: false, message: `The server's settings are not valid:\n${lines.join('\n')}` };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: { port: e.PORT, host: e.HOST, dataDir: e.DATA_DIR, retentionDays: e.RETENTION_DAYS, ratePerAddress: e.RATE_PER_ADDRESS, maxSocketsPerAddress: e.MAX_SOCKETS_PER_ADDRESS, sessionCreateBurst: e.SESSION_CREATE_BURST, joinsPerAddress: e.JOINS_PER_ADDRESS, maxConnections: e.MAX_CONNECTIONS, msPerDecision: e.MIN_MS_PER_DECISION, idleMinutes: e.IDLE_MINUTES, verifyWorkers: e.VERIFY_WORKERS, databasePoolSize: e.DATABASE_POOL_SIZE, trustedProxies: e.TRUST_PROXY, ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}) },
  };
}
