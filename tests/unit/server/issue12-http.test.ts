/** Issue 12 over the wire: each failure the probe found on HTTP and WebSockets, reproduced on the routes or a real server on loopback. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { classroomApp } from '../../../src/server/http/app.ts';
import { CodeGuard } from '../../../src/server/code-guard.ts';
import { startClassroomServer, type RunningClassroomServer } from '../../../src/server/classroom-server.ts';
import type { ServerConfig } from '../../../src/server/config.ts';
import { workerChecker, inlineChecker } from '../../../src/server/check/scenario-checker.ts';
import type { IssuedTicket } from '../../../src/shared/classroom-http.ts';
import { miniDef } from '../classroom/fixtures.ts';
import { miniLibrary, submission, world } from './room-harness.ts';
import { liveSession as serverSession, post, SocketClient as Client } from './classroom-client.ts';

const running: RunningClassroomServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close().catch(() => undefined);
  vi.restoreAllMocks();
});

function routes(address = '10.0.0.1', codes = new CodeGuard()) {
  const w = world();
  const app = classroomApp({ rooms: w.rooms, library: miniLibrary, addressOf: () => address, codes });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  return { ...w, app, call };
}

async function liveSession(a: ReturnType<typeof routes>) {
  const res = await a.call('POST', '/api/sessions', { title: 'Probe', scenarioHashes: [miniDef.hash] });
  const s = (await res.json()) as { code: string; trainerKey: string };
  await a.call('POST', `/api/sessions/${s.code}/control`, { action: 'start' }, { 'x-trainer-key': s.trainerKey });
  return s;
}

async function start(config: Partial<ServerConfig> = {}, options: { heartbeatMs?: number } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'htl-probe-'));
  const server = await startClassroomServer({
    config: { port: 0, host: '127.0.0.1', dataDir, retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 10_000, sessionCreateBurst: 10, msPerDecision: 0, ...config },
    library: miniLibrary,
    pushIntervalMs: 50,
    ...options,
  });
  running.push(server);
  return server;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('item 1: guessing join codes', () => {
  it('once an address has guessed too much, a real code is refused too (HTTP)', async () => {
    const a = routes();
    const s = await liveSession(a);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await a.call('GET', '/api/sessions/AAAAAAA')).status);
    expect(statuses.filter((x) => x === 404).length).toBeLessThanOrEqual(31);
    expect(statuses.at(-1)).toBe(429);
    expect((await a.call('GET', `/api/sessions/${s.code}`)).status).toBe(429);
    expect((await a.call('POST', `/api/sessions/${s.code}/join`, { nickname: 'Guesser' })).status).toBe(429);
  });
  it('a class typing the right code never runs the bucket down', async () => {
    const a = routes();
    const s = await liveSession(a);
    for (let i = 0; i < 100; i++) expect((await a.call('GET', `/api/sessions/${s.code}`)).status).toBe(200);
  });
  it('HTTP and WebSocket guesses share one bucket: guessed out over HTTP, a real code is refused on a socket', async () => {
    const server = await start();
    const { code } = await serverSession(server.url);
    for (let i = 0; i < 35; i++) await fetch(`${server.url}/api/sessions/AAAAAAA`);
    const c = new Client(server.url);
    await c.open;
    c.send({ type: 'hello', code });
    expect(await c.until((m) => m.type === 'error')).toMatchObject({ error: expect.stringContaining('Too many wrong codes') });
  });
  it('new codes have 7 characters', async () => {
    const a = routes();
    expect((await liveSession(a)).code).toMatch(/^[A-Z0-9]{7}$/);
  });
});

describe('item 3: checking uploads off the event loop', () => {
  const heavy = readFileSync('scenarios/demands-a-manager.yaml', 'utf8');
  it('a check that runs past its time limit is stopped and the file refused with a reason', async () => {
    const checker = workerChecker({ timeLimitMs: 5 });
    const outcome = await checker.check(heavy, 'heavy.yaml');
    await checker.close();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.diagnostics.join('\n')).toMatch(/longer than .* too many states/);
  });
  it('the worker gives the same definition as checking inline', async () => {
    const checker = workerChecker({ timeLimitMs: 20_000 });
    const [fromWorker, inline] = await Promise.all([checker.check(heavy, 'a.yaml'), inlineChecker.check(heavy, 'a.yaml')]);
    await checker.close();
    expect(fromWorker.ok && inline.ok && fromWorker.definition.hash === inline.definition.hash).toBe(true);
  }, 30_000);
  it('six checks at once leave /api/health answering quickly', async () => {
    const server = await start();
    await fetch(`${server.url}/api/health`);
    const checks = Array.from({ length: 6 }, () => post(`${server.url}/api/scenarios/check`, { file: 'heavy.yaml', text: heavy }));
    await sleep(50);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      times.push(performance.now() - t);
      await sleep(40);
    }
    const answers = await Promise.all(checks);
    expect(answers.some((x) => x.status === 200)).toBe(true);
    expect(Math.max(...times)).toBeLessThan(400);
  }, 60_000);
  it('checking files shares the session-creation limit', async () => {
    const a = routes();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await a.call('POST', '/api/scenarios/check', { file: 'x.yaml', text: 'format: 1\n' })).status);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('item 4: the body limit holds while the body streams', () => {
  it('a 20 MB chunked body is cut off near the limit, not read whole', async () => {
    const a = routes();
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 320) return controller.close();
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const res = await a.app.request('/api/scenarios/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });
});

describe('item 5: the same per-player limit on HTTP as on WebSockets', () => {
  it('a flood of HTTP submissions from one trainee is refused past a short burst', async () => {
    const a = routes();
    const s = await liveSession(a);
    const joined = (await (await a.call('POST', `/api/sessions/${s.code}/join`, { nickname: 'Flood' })).json()) as { token: string };
    const calls = [];
    for (let i = 0; i < 14; i++) {
      const issued = (await (await a.call('POST', `/api/sessions/${s.code}/tickets`, { token: joined.token, scenarioHash: miniDef.hash })).json()) as IssuedTicket;
      const call = submission('best', `flood-http-${i}-x`, issued);
      calls.push({ ...call, run: { ...call.run, events: call.run.events.map((e) => (e.type === 'wrap.submit' ? { ...e, notes: e.notes.slice(0, -2) + String(i).padStart(2, '0') } : e)) } });
    }
    a.clock.advance(60_000);
    const statuses: number[] = [];
    for (const call of calls) statuses.push((await a.call('POST', `/api/sessions/${s.code}/submissions`, { token: joined.token, ...call })).status);
    expect(statuses.filter((x) => x === 503).length).toBeGreaterThanOrEqual(3);
  });
});

describe('item 7: only JSON bodies', () => {
  it.each([
    ['text/plain', 'text/plain', JSON.stringify({ nickname: 'Csrf' })],
    ['a form', 'application/x-www-form-urlencoded', 'nickname=Csrf'],
    ['multipart', 'multipart/form-data; boundary=x', '--x\r\n\r\n'],
  ])('a join sent as %s is refused with 415 and nobody joins', async (_n, type, body) => {
    const a = routes();
    const s = await liveSession(a);
    const res = await a.app.request(`/api/sessions/${s.code}/join`, { method: 'POST', headers: { 'content-type': type }, body });
    expect(res.status).toBe(415);
    const room = (await a.rooms.get(s.code))!;
    expect(room.playerCount).toBe(0);
  });
});

describe('item 10: tickets over HTTP and WebSockets', () => {
  it('HTTP: a run without a ticket from this player is refused; with its own ticket it is accepted', async () => {
    const a = routes();
    const s = await liveSession(a);
    const alice = (await (await a.call('POST', `/api/sessions/${s.code}/join`, { nickname: 'Alice' })).json()) as { token: string };
    const bob = (await (await a.call('POST', `/api/sessions/${s.code}/join`, { nickname: 'Bob' })).json()) as { token: string };
    const issued = (await (await a.call('POST', `/api/sessions/${s.code}/tickets`, { token: alice.token, scenarioHash: miniDef.hash })).json()) as IssuedTicket;
    expect(issued.seed).toBeGreaterThanOrEqual(0);
    expect(issued.seed).toBeLessThanOrEqual(0xffffffff);
    a.clock.advance(60_000);
    const alicesRun = submission('best', 'alice-run-1', issued);
    const asBob = await a.call('POST', `/api/sessions/${s.code}/submissions`, { token: bob.token, ...alicesRun });
    expect(asBob.status).toBe(422);
    const asAlice = await a.call('POST', `/api/sessions/${s.code}/submissions`, { token: alice.token, ...alicesRun, submissionId: 'alice-run-2' });
    expect(asAlice.status).toBe(200);
  });
  it('WebSocket: a submission with a made-up ticket is refused; a ticketed one is accepted with the own row', async () => {
    const server = await start();
    const { code } = await serverSession(server.url);
    const joined = (await post(`${server.url}/api/sessions/${code}/join`, { nickname: 'Sam' })).body as { token: string };
    const c = new Client(server.url);
    await c.open;
    c.send({ type: 'hello', code, token: joined.token });
    c.send({ type: 'submit', submission: submission('best', 'made-up-ticket-1') });
    expect(await c.until((m) => m.type === 'submitted')).toMatchObject({ result: { status: 'refused', reason: expect.stringContaining('ticket') } });
    const issued = (await post(`${server.url}/api/sessions/${code}/tickets`, { token: joined.token, scenarioHash: miniDef.hash })).body as unknown as IssuedTicket;
    c.send({ type: 'submit', submission: submission('best', 'real-ticket-1', issued) });
    expect(await c.until((m) => m.type === 'submitted' && m.result.submissionId === 'real-ticket-1')).toMatchObject({ result: { status: 'accepted', row: { rank: 1, nickname: 'Sam' } } });
  });
  it('the real server keeps the plausibility floor by default', async () => {
    const server = await start({ msPerDecision: 1500 });
    const { code } = await serverSession(server.url);
    const joined = (await post(`${server.url}/api/sessions/${code}/join`, { nickname: 'Bot' })).body as { token: string };
    const issued = (await post(`${server.url}/api/sessions/${code}/tickets`, { token: joined.token, scenarioHash: miniDef.hash })).body as unknown as IssuedTicket;
    const res = await post(`${server.url}/api/sessions/${code}/submissions`, { token: joined.token, ...submission('best', 'instant-run-1', issued) });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('implausibly fast');
  });
});

describe('item 13: deleting a session with sockets open', () => {
  it('every socket is told and closed; nothing logs a database error', async () => {
    const errors = vi.spyOn(console, 'error');
    const server = await start();
    const { code, trainerKey } = await serverSession(server.url);
    const joined = (await post(`${server.url}/api/sessions/${code}/join`, { nickname: 'Sam' })).body as { token: string };
    const issued = (await post(`${server.url}/api/sessions/${code}/tickets`, { token: joined.token, scenarioHash: miniDef.hash })).body as unknown as IssuedTicket;
    const c = new Client(server.url);
    await c.open;
    c.send({ type: 'hello', code, token: joined.token });
    await c.until((m) => m.type === 'welcome');
    const del = await fetch(`${server.url}/api/sessions/${code}`, { method: 'DELETE', headers: { 'x-trainer-key': trainerKey } });
    expect(del.status).toBe(200);
    await c.until((m) => m.type === 'deleted');
    await sleep(100);
    expect(c.closed).toBe(true);
    const late = await post(`${server.url}/api/sessions/${code}/submissions`, { token: joined.token, ...submission('best', 'after-delete-1', issued) });
    expect(late.status).toBe(404);
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('item 14: heartbeat', () => {
  it('a frozen client that stops answering pings is dropped and shown as not connected', async () => {
    const server = await start({}, { heartbeatMs: 100 });
    const { code, trainerKey } = await serverSession(server.url);
    const joined = (await post(`${server.url}/api/sessions/${code}/join`, { nickname: 'Frozen' })).body as { token: string };
    const trainer = new Client(server.url);
    await trainer.open;
    trainer.send({ type: 'hello', code, trainerKey });
    const frozen = new Client(server.url, { autoPong: false });
    await frozen.open;
    frozen.send({ type: 'hello', code, token: joined.token });
    await trainer.until((m) => m.type === 'players' && m.players.some((p) => p.nickname === 'Frozen' && p.connected));
    await trainer.until((m) => m.type === 'players' && m.players.some((p) => p.nickname === 'Frozen' && !p.connected) && trainer.messages.indexOf(m) > 2, 3000);
    expect(trainer.closed).toBe(false);
  });
});

describe('item 17: aborted uploads, slow bodies, headers', () => {
  it('every answer carries a Content-Security-Policy, X-Frame-Options and nosniff', async () => {
    const a = routes();
    for (const path of ['/api/health', '/api/sessions/AAAAAAA']) {
      const res = await a.call('GET', path);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
  it('an upload aborted halfway is answered quietly, with no stack trace logged', async () => {
    const errors = vi.spyOn(console, 'error');
    const server = await start();
    const socket = connect(server.port, '127.0.0.1');
    await new Promise<void>((ok) => socket.once('connect', () => ok()));
    socket.write('POST /api/scenarios/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"file":"a.yaml","text":"');
    socket.write('x'.repeat(10_000));
    await sleep(100);
    socket.destroy();
    await sleep(200);
    expect(errors).not.toHaveBeenCalled();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
  it('a body that trickles in is cut off after the request time limit, not held for five minutes', async () => {
    const server = await start({ requestTimeoutMs: 1000 });
    const socket = connect(server.port, '127.0.0.1');
    let closedAt = 0;
    socket.on('close', () => (closedAt = performance.now()));
    socket.on('error', () => undefined);
    await new Promise<void>((ok) => socket.once('connect', () => ok()));
    const began = performance.now();
    socket.write('POST /api/scenarios/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
    await sleep(3500);
    clearInterval(trickle);
    socket.destroy();
    expect(closedAt).toBeGreaterThan(0);
    expect(closedAt - began).toBeLessThan(3000);
  });
});
