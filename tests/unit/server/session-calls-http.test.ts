/**
 * Adding a call to a running session, from HTTP: only the trainer key can, the file gets the same
 * checks as an upload at creation (and the same rate bucket), a locked or ended session or a
 * second call with the same id and other content is refused in words, the very same call again
 * changes nothing, and the new call reaches the trainer's and trainees' pages over their sockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { classroomApp } from '../../../src/server/http/app.ts';
import { startClassroomServer, type RunningClassroomServer } from '../../../src/server/classroom-server.ts';
import { AddedSessionCallSchema, MAX_SESSION_SCENARIOS } from '../../../src/shared/classroom-http.ts';
import { UPLOAD_STATE_LIMIT } from '../../../src/server/scenario-library.ts';
import type { ServerMessage } from '../../../src/shared/classroom-ws.ts';
import { MINI_PATH, miniDef } from '../classroom/fixtures.ts';
import { miniLibrary, world } from './room-harness.ts';

const MINI = readFileSync(MINI_PATH, 'utf8');
/** The mini call under another id and title: a different call. */
const another = (id: string, title = `Call ${id}`) => MINI.replace('id: mini-call', `id: ${id}`).replace('title: Mini call for engine tests', `title: ${title}`);

function api(sessionBurst = 100) {
  const w = world();
  const app = classroomApp({ rooms: w.rooms, library: miniLibrary, addressOf: () => '10.0.0.3', limits: { perAddress: 1000, perSecond: 100, sessionBurst } });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { ...w, call };
}

async function running(a: ReturnType<typeof api>, uploads: { file: string; text: string }[] = []) {
  const created = (await (await a.call('POST', '/api/sessions', { title: 'Running', scenarioHashes: [miniDef.hash], uploads })).json()) as { code: string; trainerKey: string };
  const key = { 'x-trainer-key': created.trainerKey };
  await a.call('POST', `/api/sessions/${created.code}/control`, { action: 'start' }, key);
  const add = async (file: string, text: string, headers = key) => {
    const res = await a.call('POST', `/api/sessions/${created.code}/calls`, { file, text }, headers);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { code: created.code, key, add };
}

describe('adding a call to a running session', () => {
  it('adds a checked upload; a trainee can start it and fetch its file; it is stored', async () => {
    const a = api();
    const s = await running(a);
    const added = await add201(s, 'added.yaml', another('added-call', 'The added call'));
    expect(added.added).toMatchObject({ id: 'added-call', title: 'The added call', uploaded: true });
    expect(added.scenarios.map((x) => x.id)).toEqual(['mini-call', 'added-call']);
    const joined = (await (await a.call('POST', `/api/sessions/${s.code}/join`, { nickname: 'Kai' })).json()) as { token: string; scenarios: { id: string }[] };
    expect(joined.scenarios.map((x) => x.id)).toEqual(['mini-call', 'added-call']);
    expect((await a.call('POST', `/api/sessions/${s.code}/tickets`, { token: joined.token, scenarioHash: added.added.hash })).status).toBe(201);
    const file = (await (await a.call('GET', `/api/sessions/${s.code}/scenarios/${added.added.hash}`)).json()) as { file: string; text: string };
    expect(file).toEqual({ file: 'added.yaml', text: another('added-call', 'The added call') });
    const reopened = await world(a.path).rooms.get(s.code);
    expect(reopened?.scenarios.map((x) => x.id)).toEqual(['mini-call', 'added-call']);
  });

  it('tells every page of the session about the new list of calls', async () => {
    const a = api();
    const s = await running(a);
    await add201(s, 'added.yaml', another('pushed-call'));
    const pushes = a.sent.filter((m) => m.code === s.code && m.message.type === 'scenarios');
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.to).toBe('all');
    const message = pushes[0]!.message as Extract<ServerMessage, { type: 'scenarios' }>;
    expect(message.scenarios.map((x) => x.id)).toEqual(['mini-call', 'pushed-call']);
  });

  it('only the trainer key can add a call', async () => {
    const s = await running(api());
    const res = await s.add('x.yaml', another('sneaky'), { 'x-trainer-key': 'A'.repeat(40) });
    expect(res.status).toBe(403);
    const none = await s.add('x.yaml', another('sneaky'), {} as typeof s.key);
    expect(none.status).toBe(403);
  });

  it('a file with problems is refused with the checker’s diagnostics, naming the file', async () => {
    const res = await (await running(api())).add('broken.yaml', 'format: 2\nid: Bad Id\n');
    expect(res.status).toBe(400);
    expect(res.body['error']).toBe('This call could not be used.');
    expect((res.body['details'] as string[]).join('\n')).toMatch(/broken\.yaml:\d+/);
  });

  it('a call whose flags multiply its states past the upload limit is refused, as at creation', async () => {
    const res = await (await running(api())).add('flags.yaml', multiplyingCall(13));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(`at most ${UPLOAD_STATE_LIMIT} states`);
  });

  it('the same call again changes nothing; the same id with other content is refused', async () => {
    const a = api();
    const s = await running(a);
    const same = await s.add('mini again.yaml', MINI);
    expect(same.status).toBe(200);
    expect(AddedSessionCallSchema.parse(same.body)).toMatchObject({ alreadyThere: true, scenarios: [{ id: 'mini-call' }] });
    const clash = await s.add('changed.yaml', MINI.replace('title: Mini call for engine tests', 'title: Mini call, changed'));
    expect(clash.status).toBe(409);
    expect(clash.body['error']).toContain('already has a call with the id “mini-call” and other content');
    expect(a.sent.filter((m) => m.message.type === 'scenarios')).toHaveLength(0);
  });

  it.each([
    ['lock', 'is locked: unlock it'],
    ['end', 'has ended'],
  ] as const)('a session after "%s" is refused cleanly', async (action, words) => {
    const a = api();
    const s = await running(a);
    await a.call('POST', `/api/sessions/${s.code}/control`, { action }, s.key);
    const res = await s.add('late.yaml', another('late-call'));
    expect(res.status).toBe(409);
    expect(res.body['error']).toContain(words);
  });

  it(`stops at ${MAX_SESSION_SCENARIOS} calls, the limit at creation`, async () => {
    const a = api();
    const uploads = Array.from({ length: MAX_SESSION_SCENARIOS - 1 }, (_, i) => ({ file: `c${i}.yaml`, text: another(`call-${i}`) }));
    const s = await running(a, uploads);
    const res = await s.add('one-more.yaml', another('one-too-many'));
    expect(res.status).toBe(409);
    expect(res.body['error']).toContain(`already holds ${MAX_SESSION_SCENARIOS} calls`);
  });

  it('shares the rate bucket of session creation and file checks', async () => {
    const a = api(2);
    const s = await running(a);
    expect((await s.add('a.yaml', another('first-added'))).status).toBe(201);
    const limited = await s.add('b.yaml', another('second-added'));
    expect(limited.status).toBe(429);
    expect(limited.body['error']).toContain('please wait a minute');
  });

  it('a body that is not an upload is refused with what is wrong', async () => {
    const res = await (await running(api())).add('bad name?.yaml', MINI);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('file');
  });
});

/** A chain of steps each setting a flag the next one reads, so every flag doubles the states (as in issue12-limits.test.ts). */
function multiplyingCall(links: number): string {
  const chain = Array.from({ length: links + 1 }, (_, i) => {
    const next = i === links ? 'hello' : `link${i + 1}`;
    return [
      `  link${i}:`,
      `    customer: Question ${i + 1} about the bill.`,
      '    choices:',
      ...(i === links ? [] : [`      - { say: "Noted, point ${i + 1}.", set: [point${i}], next: ${next} }`]),
      `      - { say: "Moving on from point ${i + 1}.", next: ${next} }`,
      ...(i === 0 ? [] : [`      - { say: "Back to point ${i} for a moment.", when: { flags: [point${i - 1}] }, next: ${next} }`]),
    ].join('\n');
  });
  return MINI.replace('id: mini-call', 'id: flag-chain').replace('start: hello', 'start: link0').replace('nodes:\n', `nodes:\n${chain.join('\n')}\n`);
}

async function add201(s: Awaited<ReturnType<typeof running>>, file: string, text: string) {
  const res = await s.add(file, text);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return AddedSessionCallSchema.parse(res.body);
}

// ——— On a real server: the push arrives on the trainer's and a trainee's sockets. ———

const servers: RunningClassroomServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close().catch(() => undefined);
});

function socket(url: string, hello: Record<string, unknown>): { messages: ServerMessage[]; ready: Promise<void>; close: () => void } {
  const ws = new WebSocket(url.replace('http', 'ws') + '/ws');
  const messages: ServerMessage[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(d.toString()) as ServerMessage));
  const ready = new Promise<void>((ok, fail) => {
    ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', ...hello })));
    ws.once('error', fail);
    const wait = () => (messages.some((m) => m.type === 'welcome') ? ok() : setTimeout(wait, 10));
    wait();
  });
  return { messages, ready, close: () => ws.close() };
}

async function until<T>(read: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the push of an added call over the sockets', () => {
  it('reaches the trainer’s page and a trainee’s page with the new list', async () => {
    const server = await startClassroomServer({
      config: { port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'htl-add-call-')), retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 100, sessionCreateBurst: 10, msPerDecision: 0 },
      library: miniLibrary,
      pushIntervalMs: 50,
    });
    servers.push(server);
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
      (await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;
    const created = (await post('/api/sessions', { title: 'Sockets', scenarioHashes: [miniDef.hash] })) as { code: string; trainerKey: string };
    const key = { 'x-trainer-key': created.trainerKey };
    await post(`/api/sessions/${created.code}/control`, { action: 'start' }, key);
    const joined = (await post(`/api/sessions/${created.code}/join`, { nickname: 'Noor' })) as { token: string };
    const trainer = socket(server.url, { code: created.code, trainerKey: created.trainerKey });
    const trainee = socket(server.url, { code: created.code, token: joined.token });
    await Promise.all([trainer.ready, trainee.ready]);
    const added = AddedSessionCallSchema.parse(await post(`/api/sessions/${created.code}/calls`, { file: 'live.yaml', text: another('socket-call', 'Added while live') }, key));
    for (const page of [trainer, trainee]) {
      const push = await until(() => page.messages.find((m): m is Extract<ServerMessage, { type: 'scenarios' }> => m.type === 'scenarios'));
      expect(push.scenarios.map((x) => x.hash)).toEqual([miniDef.hash, added.added.hash]);
      page.close();
    }
  });
});
