/**
 * Issue 12, the limits the first round left without a test on every path: the connection cap
 * (item 17), the lower state limit for uploaded calls (item 3), joins per address, removing and
 * blocking over HTTP and on sockets (item 2), one trainee's submission rate over a socket (item 5).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { startClassroomServer, type RunningClassroomServer } from '../../../src/server/classroom-server.ts';
import { checkScenarioText, checkUploadText, UPLOAD_STATE_LIMIT } from '../../../src/server/scenario-library.ts';
import type { ServerConfig } from '../../../src/server/config.ts';
import type { IssuedTicket } from '../../../src/shared/classroom-http.ts';
import { MINI_PATH, miniDef } from '../classroom/fixtures.ts';
import { miniLibrary, submission } from './room-harness.ts';
import { liveSession, post, SocketClient as Client } from './classroom-client.ts';

const running: RunningClassroomServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close().catch(() => undefined);
});

async function start(config: Partial<ServerConfig> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'htl-limits-'));
  const server = await startClassroomServer({
    config: { port: 0, host: '127.0.0.1', dataDir, retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 10_000, sessionCreateBurst: 10, msPerDecision: 0, ...config },
    library: miniLibrary,
    pushIntervalMs: 50,
  });
  running.push(server);
  return server;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a plain HTTP request gets an answer (a connection over the cap is closed unanswered). */
function answered(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('error', () => done(false));
    socket.on('close', () => done(data.startsWith('HTTP/1.1 200')));
    socket.on('connect', () => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    setTimeout(() => socket.destroy(), 2000);
  });
}

describe('item 17: the connection cap (MAX_CONNECTIONS)', () => {
  it('past the cap, new HTTP requests and new sockets are turned away; once some close, they are served again', async () => {
    const server = await start({ maxConnections: 10 });
    const held = Array.from({ length: 10 }, () => new Client(server.url));
    await Promise.all(held.map((c) => c.open));
    expect(await answered(server.port)).toBe(false);
    const extra = new Client(server.url);
    await expect(extra.open).rejects.toThrow();
    for (const c of held.slice(0, 3)) c.ws.close();
    await sleep(200);
    expect(await answered(server.port)).toBe(true);
    const late = new Client(server.url);
    await late.open;
    late.ws.close();
    for (const c of held.slice(3)) c.ws.close();
  });
});

/** A chain of steps each setting a flag that the next step reads, so every flag multiplies the states (2^links). */
function multiplyingCall(links: number): string {
  const chain = Array.from({ length: links + 1 }, (_, i) => {
    const last = i === links;
    const next = last ? 'hello' : `link${i + 1}`;
    return [
      `  link${i}:`,
      `    customer: Question ${i + 1} about the bill.`,
      '    choices:',
      ...(last ? [] : [`      - { say: "Noted, point ${i + 1}.", set: [point${i}], next: ${next} }`]),
      `      - { say: "Moving on from point ${i + 1}.", next: ${next} }`,
      ...(i === 0 ? [] : [`      - { say: "Back to point ${i} for a moment.", when: { flags: [point${i - 1}] }, next: ${next} }`]),
    ].join('\n');
  });
  return readFileSync(MINI_PATH, 'utf8').replace('start: hello', 'start: link0').replace('nodes:\n', `nodes:\n${chain.join('\n')}\n`);
}

describe('item 3: a much lower state limit for uploaded calls', () => {
  const text = multiplyingCall(13);

  it('the library limit accepts the file; the upload limit refuses it with the limit named', () => {
    expect(checkScenarioText(text, 'flags.yaml').ok).toBe(true);
    const upload = checkUploadText(text, 'flags.yaml');
    expect(upload.ok).toBe(false);
    if (!upload.ok) expect(upload.diagnostics.map((d) => `${d.severity}: ${d.message}`).join('\n')).toContain(`error: The call has more than ${UPLOAD_STATE_LIMIT} distinct states`);
  });

  it('over HTTP, checking the file and creating a session with it are both refused, with the reason', async () => {
    const server = await start();
    const checked = await post(`${server.url}/api/scenarios/check`, { file: 'flags.yaml', text });
    expect(checked.body).toMatchObject({ ok: false });
    expect(JSON.stringify(checked.body)).toContain(`at most ${UPLOAD_STATE_LIMIT} states`);
    const created = await post(`${server.url}/api/sessions`, { title: 'Too big', uploads: [{ file: 'flags.yaml', text }] });
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body)).toContain(`at most ${UPLOAD_STATE_LIMIT} states`);
    expect((await post(`${server.url}/api/scenarios/check`, { file: 'small.yaml', text: multiplyingCall(3) })).body).toMatchObject({ ok: true });
  }, 30_000);
});

describe('item 2 on the wire: joins per address, remove and block', () => {
  it('HTTP: one address adds only JOINS_PER_ADDRESS players; the next is told why', async () => {
    const server = await start({ joinsPerAddress: 3 });
    const { code } = await liveSession(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(`${server.url}/api/sessions/${code}/join`, { nickname: `Bot ${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('HTTP and sockets: a blocked player is closed out, cannot rejoin, and cannot come back on a socket', async () => {
    const server = await start();
    const { code, trainerKey } = await liveSession(server.url);
    const bot = (await post(`${server.url}/api/sessions/${code}/join`, { nickname: 'Spammer' })).body as { token: string; playerId: string };
    const c = new Client(server.url);
    await c.open;
    c.send({ type: 'hello', code, token: bot.token });
    await c.until((m) => m.type === 'welcome');
    const removed = await post(`${server.url}/api/sessions/${code}/players/${bot.playerId}/remove`, { block: true }, { 'x-trainer-key': trainerKey });
    expect(removed).toMatchObject({ status: 200, body: { removed: bot.playerId, blocked: true } });
    await c.until((m) => m.type === 'removed');
    await sleep(100);
    expect(c.closed).toBe(true);
    expect((await post(`${server.url}/api/sessions/${code}/join`, { nickname: 'Spammer', token: bot.token })).status).toBe(403);
    const again = new Client(server.url);
    await again.open;
    again.send({ type: 'hello', code, token: bot.token });
    expect(await again.until((m) => m.type === 'error')).toMatchObject({ error: expect.stringContaining('not known') });
    const notTrainer = await post(`${server.url}/api/sessions/${code}/players/${bot.playerId}/remove`, { block: false });
    expect(notTrainer.status).toBe(403);
  });
});

describe('item 5 on a socket: one trainee cannot flood submissions', () => {
  it('past a short burst, socket submissions are refused as "send again later"; nothing more is counted', async () => {
    const server = await start();
    const { code } = await liveSession(server.url);
    const joined = (await post(`${server.url}/api/sessions/${code}/join`, { nickname: 'Flood' })).body as { token: string };
    const c = new Client(server.url);
    await c.open;
    c.send({ type: 'hello', code, token: joined.token });
    await c.until((m) => m.type === 'welcome');
    // Every call started first (the tickets), then all fourteen sent at once: a burst however slow the machine.
    const calls = [];
    for (let i = 0; i < 14; i++) {
      const issued = (await post(`${server.url}/api/sessions/${code}/tickets`, { token: joined.token, scenarioHash: miniDef.hash })).body as unknown as IssuedTicket;
      const call = submission('best', `flood-ws-${i}-x`, issued);
      const notes = (e: (typeof call.run.events)[number]) => (e.type === 'wrap.submit' ? { ...e, notes: e.notes.slice(0, -2) + String(i).padStart(2, '0') } : e);
      calls.push({ ...call, run: { ...call.run, events: call.run.events.map(notes) } });
    }
    for (const call of calls) c.send({ type: 'submit', submission: call });
    await c.until((m) => m.type === 'submitted' && m.result.submissionId === 'flood-ws-13-x', 20_000);
    const results = c.messages.flatMap((m) => (m.type === 'submitted' ? [m.result] : []));
    const later = results.filter((r) => r.status === 'refused' && r.retry === true);
    expect(later.length).toBeGreaterThanOrEqual(3);
    expect(results.filter((r) => r.status === 'accepted').length).toBe(14 - later.length);
  }, 30_000);
});
