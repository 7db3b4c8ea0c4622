/**
 * The whole classroom server on one port: the built game (dist/), the API and the WebSockets, with
 * the SQLite store under the data folder (or PostgreSQL shared with other instances, when
 * DATABASE_URL is set) and a retention sweep every hour.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomFillSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import type { ServerConfig } from './config.ts';
import { openSqliteStore } from './store/sqlite-store.ts';
import type { ClassroomStore } from './store/classroom-store.ts';
import { openPostgresStore } from './store/postgres-store.ts';
import { PostgresListener } from './store/postgres-listener.ts';
import { isShared } from './store/room-changes.ts';
import { startRoomFanout, type RoomFanout } from './fanout/room-fanout.ts';
import { loadScenarioLibrary, type ScenarioLibrary } from './scenario-library.ts';
import { Rooms } from './rooms/rooms.ts';
import { REAL_CLOCK } from './rooms/room-ports.ts';
import { classroomApp } from './http/app.ts';
import { SocketHub } from './ws/socket-hub.ts';
import { attachClassroomSockets } from './ws/classroom-sockets.ts';
import { CodeGuard } from './code-guard.ts';
import { requestAddress, type TrustedProxies } from './client-address.ts';
import { WorkQueue } from './work-queue.ts';
import { workerChecker, type ScenarioChecker } from './check/scenario-checker.ts';
import { inlineVerdicts, workerVerdicts } from './verify/verdicts.ts';
import { TeamDesk } from './team/team-desk.ts';
import { openSqliteTeamStore } from './team/sqlite-team-store.ts';
import { openPostgresTeamStore } from './team/postgres-team-store.ts';
import { isSharedTeamStore } from './team/team-store.ts';
import { startTeamFanout } from './fanout/team-fanout.ts';

export interface ClassroomServerOptions {
  readonly config: ServerConfig;
  /** Folder of the built game; not served when left out (API-only, e.g. for the benchmark). */
  readonly staticDir?: string;
  readonly scenariosDir?: string;
  readonly library?: ScenarioLibrary;
  /** Leaderboard pushes per room at most once per this many ms. */
  readonly pushIntervalMs?: number;
  /** WebSocket ping interval (tests shorten it). */
  readonly heartbeatMs?: number;
  /** How uploads are checked; a worker thread with a 3 s limit when left out. */
  readonly checker?: ScenarioChecker;
}

export interface RunningClassroomServer {
  readonly url: string;
  readonly port: number;
  readonly rooms: Rooms;
  readonly hub: SocketHub;
  readonly library: ScenarioLibrary;
  /** Team mode's state for every session (tests look at what it holds). */
  readonly team: TeamDesk;
  close(): Promise<void>;
}

const HOUR = 3_600_000;
/** A request (headers and body) must arrive within this: a slow body is not held for Node's 5 minutes. */
const REQUEST_TIMEOUT_MS = 20_000;

/** The client's address for the limits: the peer's, or behind a trusted proxy the one it forwards (client-address.ts). */
function addressReader(proxies: TrustedProxies | null): (c: Context) => string {
  return (c) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    return incoming === undefined ? 'unknown' : requestAddress(incoming, proxies);
  };
}

export async function startClassroomServer(options: ClassroomServerOptions): Promise<RunningClassroomServer> {
  const { config } = options;
  // Several instances on one PostgreSQL: one listening connection carries the rooms' and team mode's notes.
  const listener = config.databaseUrl === undefined ? undefined : new PostgresListener(config.databaseUrl);
  const store = await openClassroomStore(config, listener);
  let fanout: RoomFanout | null = null;
  const library = options.library ?? loadScenarioLibrary(options.scenariosDir ?? resolve('scenarios'));
  for (const s of library.skipped) console.warn(`scenario ${s.file} left out of the library:\n  ${s.diagnostics.join('\n  ')}`);
  const hub = new SocketHub();
  // Team mode keeps its tables beside the sessions: in the SQLite file, or in the shared PostgreSQL.
  const teamStore = config.databaseUrl !== undefined ? await openPostgresTeamStore(config.databaseUrl, { listener }) : openSqliteTeamStore(join(config.dataDir, 'classroom.sqlite'));
  const team = new TeamDesk({ store: teamStore, clock: REAL_CLOCK, random: (bytes) => void randomFillSync(bytes), broadcastFor: (code) => hub.broadcastFor(code), pushIntervalMs: options.pushIntervalMs ?? 250 });
  const checker = options.checker ?? workerChecker({ timeLimitMs: 5000 });
  checker.warm?.();
  const codes = new CodeGuard();
  const work = new WorkQueue();
  const verifyWorkers = config.verifyWorkers ?? 1;
  const verdicts = verifyWorkers > 0 ? workerVerdicts(verifyWorkers, inlineVerdicts(work)) : inlineVerdicts(work);
  const rooms = new Rooms({
    store,
    library,
    checker,
    clock: REAL_CLOCK,
    random: (bytes) => void randomFillSync(bytes),
    pushIntervalMs: options.pushIntervalMs ?? 100,
    maxPlayers: 2000,
    topRows: 20,
    joinsPerAddress: config.joinsPerAddress ?? 300,
    ...(config.msPerDecision === undefined ? {} : { msPerDecision: config.msPerDecision }),
    work,
    verdicts,
    broadcastFor: (code) => hub.broadcastFor(code),
    onCall: (code: string, call: Parameters<TeamDesk['called']>[1]) => team.called(code, call),
    // Team mode's memory for a session goes with its room, and its cached scorecards when it ends.
    onEnded: (code: string) => team.release(code),
    onGone: (code: string) => team.forget(code),
    ...(isShared(store) ? { refresh: (room) => fanout?.refresh(room) ?? Promise.resolve() } : {}),
  });
  team.attach((code) => rooms.cached(code));
  // Several instances on one database: each keeps its rooms in step with what the others store.
  if (isShared(store)) fanout = await startRoomFanout(store, rooms);
  const teamFanout = isSharedTeamStore(teamStore) ? await startTeamFanout(teamStore, team) : null;
  const proxies = config.trustedProxies ?? null;
  const app = classroomApp({ rooms, library, addressOf: addressReader(proxies), codes, checker, team, limits: { perAddress: config.ratePerAddress, perSecond: config.ratePerAddress / 2, sessionBurst: config.sessionCreateBurst } });
  if (options.staticDir !== undefined && existsSync(options.staticDir)) {
    const root = options.staticDir;
    app.use('/*', serveStatic({ root }));
    app.get('/join', (c) => c.redirect(`/?join=${encodeURIComponent(c.req.query('code') ?? '')}`));
  }
  const requestTimeout = config.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const server = createAdaptorServer({
    fetch: app.fetch,
    // Node checks the time limits only this often (30 s by default): often enough for the limit to mean something.
    serverOptions: { requestTimeout, headersTimeout: Math.min(requestTimeout, 10_000), connectionsCheckingInterval: Math.min(1000, requestTimeout / 2) },
  }) as Server;
  server.on('clientError', (_e, socket) => socket.destroy());
  server.maxConnections = config.maxConnections ?? 20_000;
  const wss = attachClassroomSockets(server, rooms, hub, { maxSocketsPerAddress: config.maxSocketsPerAddress, burst: 30, perSecond: 10, codes, addressOf: (req) => requestAddress(req, proxies), ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }) }, team);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => done());
  });
  const sweep = () => rooms.sweep(config.retentionDays).catch((e: unknown) => console.error('retention sweep failed:', e));
  await sweep();
  const sweeper = setInterval(sweep, HOUR);
  sweeper.unref();
  const idleMs = (config.idleMinutes ?? 30) * 60_000;
  const evictor = setInterval(() => rooms.evictIdle(idleMs), Math.min(idleMs, 60_000));
  evictor.unref();
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    rooms,
    hub,
    library,
    team,
    async close() {
      clearInterval(sweeper);
      clearInterval(evictor);
      rooms.flushAll();
      await checker.close();
      await verdicts.close();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections?.();
      await new Promise<void>((done) => server.close(() => done()));
      await fanout?.close();
      await teamFanout?.close();
      await store.close();
      await teamStore.close();
    },
  };
}

/** PostgreSQL when DATABASE_URL is set (several instances can share it), else the SQLite file under the data folder. */
async function openClassroomStore(config: ServerConfig, listener: PostgresListener | undefined): Promise<ClassroomStore> {
  if (config.databaseUrl !== undefined) return openPostgresStore(config.databaseUrl, { poolSize: config.databasePoolSize ?? 10, ...(listener === undefined ? {} : { listener }) });
  mkdirSync(config.dataDir, { recursive: true });
  return openSqliteStore(join(config.dataDir, 'classroom.sqlite'));
}
