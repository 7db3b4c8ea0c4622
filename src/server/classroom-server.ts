/**
 * The whole classroom server on one port: the built game (dist/), the API and the WebSockets, with
 * the SQLite store under the data folder and a retention sweep every hour.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomFillSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import type { ServerConfig } from './config.ts';
import { openSqliteStore } from './store/sqlite-store.ts';
import type { ClassroomStore } from './store/classroom-store.ts';
import { loadScenarioLibrary, type ScenarioLibrary } from './scenario-library.ts';
import { Rooms } from './rooms/rooms.ts';
import { REAL_CLOCK } from './rooms/room-ports.ts';
import { classroomApp } from './http/app.ts';
import { SocketHub } from './ws/socket-hub.ts';
import { attachClassroomSockets } from './ws/classroom-sockets.ts';

export interface ClassroomServerOptions {
  readonly config: ServerConfig;
  /** Folder of the built game; not served when left out (API-only, e.g. for the benchmark). */
  readonly staticDir?: string;
  readonly scenariosDir?: string;
  readonly library?: ScenarioLibrary;
  /** Leaderboard pushes per room at most once per this many ms. */
  readonly pushIntervalMs?: number;
}

export interface RunningClassroomServer {
  readonly url: string;
  readonly port: number;
  readonly rooms: Rooms;
  readonly hub: SocketHub;
  readonly library: ScenarioLibrary;
  close(): Promise<void>;
}

const HOUR = 3_600_000;

function addressOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

export async function startClassroomServer(options: ClassroomServerOptions): Promise<RunningClassroomServer> {
  const { config } = options;
  mkdirSync(config.dataDir, { recursive: true });
  const store: ClassroomStore = openSqliteStore(join(config.dataDir, 'classroom.sqlite'));
  const library = options.library ?? loadScenarioLibrary(options.scenariosDir ?? resolve('scenarios'));
  for (const s of library.skipped) console.warn(`scenario ${s.file} left out of the library:\n  ${s.diagnostics.join('\n  ')}`);
  const hub = new SocketHub();
  const rooms = new Rooms({
    store,
    library,
    clock: REAL_CLOCK,
    random: (bytes) => void randomFillSync(bytes),
    pushIntervalMs: options.pushIntervalMs ?? 100,
    maxPlayers: 2000,
    topRows: 20,
    broadcastFor: (code) => hub.broadcastFor(code),
  });
  const app = classroomApp({ rooms, library, addressOf, limits: { perAddress: config.ratePerAddress, perSecond: config.ratePerAddress / 2, sessionBurst: config.sessionCreateBurst } });
  if (options.staticDir !== undefined && existsSync(options.staticDir)) {
    const root = options.staticDir;
    app.use('/*', serveStatic({ root }));
    app.get('/join', (c) => c.redirect(`/?join=${encodeURIComponent(c.req.query('code') ?? '')}`));
  }
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.on('clientError', (_e, socket) => socket.destroy());
  const wss = attachClassroomSockets(server, rooms, hub, { maxSocketsPerAddress: config.maxSocketsPerAddress, burst: 30, perSecond: 10 });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => done());
  });
  const sweep = () => rooms.sweep(config.retentionDays).catch((e: unknown) => console.error('retention sweep failed:', e));
  await sweep();
  const sweeper = setInterval(sweep, HOUR);
  sweeper.unref();
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    rooms,
    hub,
    library,
    async close() {
      clearInterval(sweeper);
      rooms.flushAll();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections?.();
      await new Promise<void>((done) => server.close(() => done()));
      await store.close();
    },
  };
}
