/** A real server on loopback with many WebSocket clients: joins, submissions, pushes, bad input, restart. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer } from '../../../src/server/classroom-server.ts';
import { miniLibrary, submission } from './room-harness.ts';
import { ownRowOf } from '../../../src/shared/classroom-ws.ts';
import { liveSession, post, SocketClient as Client, ticketed } from './classroom-client.ts';
import type { ServerConfig } from '../../../src/server/config.ts';

const running: RunningClassroomServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close().catch(() => undefined);
});

async function start(dataDir = mkdtempSync(join(tmpdir(), 'htl-ws-')), port = 0, config: Partial<ServerConfig> = {}, options: { heartbeatMs?: number } = {}) {
  const server = await startClassroomServer({ config: { port, host: '127.0.0.1', dataDir, retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 10_000, sessionCreateBurst: 10, msPerDecision: 0, ...config }, library: miniLibrary, pushIntervalMs: 100, ...options });
  running.push(server);
  return { server, dataDir };
}

describe('classroom WebSockets', () => {
  it('60 trainees submit over sockets and every screen sees every result, coalesced (the board to screens that show it, each trainee their place)', async () => {
    const { server } = await start();
    const { code } = await liveSession(server.url);
    const projector = new Client(server.url);
    await projector.open;
    projector.send({ type: 'hello', code });
    const plans = ['best', 'sloppyClose', 'fatal'] as const;
    const clients = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const joined = (await post(`${server.url}/api/sessions/${code}/join`, { nickname: `Trainee ${i}` })).body as { token: string };
        const c = new Client(server.url);
        await c.open;
        // Half the trainees' screens show the session's board; the others show only their own place.
        c.send({ type: 'hello', code, token: joined.token, ...(i % 2 === 0 ? { board: true } : {}) });
        await c.until((m) => m.type === 'welcome');
        return { c, call: await ticketed(server.url, code, joined.token, plans[i % 3]!) };
      }),
    ).then((all) => all.map(({ c, call }) => Object.assign(c, { call })));
    const before = projector.messages.length;
    clients.forEach((c) => c.send({ type: 'submit', submission: c.call }));
    const results = await Promise.all(clients.map((c) => c.until((m) => m.type === 'submitted')));
    expect(results.every((m) => m.type === 'submitted' && m.result.status === 'accepted')).toBe(true);
    const showing = clients.filter((_, i) => i % 2 === 0);
    const placeOnly = clients.filter((_, i) => i % 2 === 1);
    for (const c of [...showing, projector]) await c.until((m) => m.type === 'leaderboard' && m.seq === 60);
    const final = (await (await fetch(`${server.url}/api/sessions/${code}/leaderboard`)).json()) as { rows: { playerId: string; rank: number }[] };
    const rankOf = new Map(final.rows.map((r) => [r.playerId, r.rank]));
    // The last place each of them was told is their place on the final board.
    const lastPlace = (c: Client) => c.messages.flatMap((m) => ownRowOf(m) ?? []).at(-1);
    for (const c of placeOnly) {
      await c.until(() => lastPlace(c)?.rank === rankOf.get(lastPlace(c)?.playerId ?? ''));
      expect(lastPlace(c)?.calls).toBe(1);
    }
    // Screens that show only the trainee's place are never sent the board.
    for (const c of placeOnly) expect(c.messages.filter((m) => m.type === 'leaderboard')).toHaveLength(0);
    const boards = projector.messages.slice(before).filter((m) => m.type === 'leaderboard');
    expect(boards.length).toBeLessThan(20);
    const last = boards.at(-1)!;
    if (last.type !== 'leaderboard') throw new Error();
    expect(last.players).toBe(60);
    expect(last.rows).toHaveLength(20);
    const full = (await (await fetch(`${server.url}/api/sessions/${code}/leaderboard`)).json()) as { rows: { score: number; fatalCalls: number }[] };
    expect(full.rows).toHaveLength(60);
    expect(full.rows[0]!.score).toBeGreaterThan(full.rows.at(-1)!.score);
    expect(full.rows.at(-1)!.fatalCalls).toBe(1);
  });

  it('bad messages get an error, never take the server down, and a flood closes the socket', async () => {
    const { server } = await start();
    const { code } = await liveSession(server.url);
    const c = new Client(server.url);
    await c.open;
    c.send('not json');
    c.send({ type: 'hello', code: 'nope' });
    c.send({ type: 'submit', submission: submission('best') });
    c.ws.send(Buffer.from([1, 2, 3]));
    await c.until((m) => m.type === 'error' && m.error.includes('Join the session'));
    expect(c.messages.filter((m) => m.type === 'error').length).toBe(4);
    const big = new Client(server.url);
    await big.open;
    big.send('x'.repeat(100_000));
    await new Promise((r) => setTimeout(r, 200));
    expect(big.closed).toBe(true);
    const flood = new Client(server.url);
    await flood.open;
    for (let i = 0; i < 200; i++) flood.send({ type: 'ping', at: i });
    await new Promise((r) => setTimeout(r, 300));
    expect(flood.messages.some((m) => m.type === 'error' && m.error.includes('slow down'))).toBe(true);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`${server.url}/api/sessions/${code}`)).status).toBe(200);
  });

  it('after a restart the session, the player and the score are all still there', async () => {
    const { server, dataDir } = await start();
    const { code } = await liveSession(server.url);
    const joined = (await post(`${server.url}/api/sessions/${code}/join`, { nickname: 'Sam' })).body as { token: string; playerId: string };
    const c = new Client(server.url);
    await c.open;
    const call = await ticketed(server.url, code, joined.token, 'best');
    c.send({ type: 'hello', code, token: joined.token });
    c.send({ type: 'submit', submission: call });
    await c.until((m) => m.type === 'submitted' && m.result.status === 'accepted');
    const port = server.port;
    await server.close();
    running.splice(0);
    const again = await start(dataDir, port);
    const back = new Client(again.server.url);
    await back.open;
    back.send({ type: 'hello', code, token: joined.token });
    const welcome = await back.until((m) => m.type === 'welcome');
    expect(welcome).toMatchObject({ nickname: 'Sam', playerId: joined.playerId, status: 'live' });
    const standing = await back.until((m) => m.type === 'standing');
    expect(standing).toMatchObject({ row: { nickname: 'Sam', calls: 1, rank: 1 } });
  });
});
