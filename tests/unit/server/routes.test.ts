import { describe, expect, it } from 'vitest';
import { classroomApp } from '../../../src/server/http/app.ts';
import { miniDef } from '../classroom/fixtures.ts';
import { miniLibrary, submission, world } from './room-harness.ts';
import type { IssuedTicket } from '../../../src/shared/classroom-http.ts';
import type { PlanName } from '../classroom/fixtures.ts';

function api() {
  const w = world();
  const app = classroomApp({ rooms: w.rooms, library: miniLibrary, addressOf: () => '10.0.0.1' });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  return { ...w, app, call };
}

/** Starts a call over HTTP (its ticket), lets a person's playing time pass, and returns the finished call. */
async function ticketed(a: ReturnType<typeof api>, code: string, token: string, plan: PlanName, id?: string) {
  const res = await a.call('POST', `/api/sessions/${code}/tickets`, { token, scenarioHash: miniDef.hash });
  expect(res.status).toBe(201);
  const call = submission(plan, id, (await res.json()) as IssuedTicket);
  a.clock.advance(60_000);
  return call;
}

async function session(a: ReturnType<typeof api>) {
  const res = await a.call('POST', '/api/sessions', { title: 'Tuesday', scenarioHashes: [miniDef.hash] });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; trainerKey: string; trainerPath: string };
}

describe('classroom HTTP routes', () => {
  it('lists the library and creates a session with a code and a secret trainer link', async () => {
    const a = api();
    const lib = (await (await a.call('GET', '/api/scenarios')).json()) as { scenarios: { id: string }[] };
    expect(lib.scenarios.map((s) => s.id)).toEqual(['mini-call']);
    const s = await session(a);
    expect(s.code).toMatch(/^[A-Z0-9]{7}$/);
    expect(s.trainerPath).toContain(s.trainerKey);
    const info = (await (await a.call('GET', `/api/sessions/${s.code.toLowerCase()}`)).json()) as { status: string; scenarios: unknown[] };
    expect(info).toMatchObject({ status: 'lobby', scenarios: [{ id: 'mini-call' }] });
  });

  it.each([
    ['not JSON', '{nope', 400, 'not valid JSON'],
    ['no scenarios', { title: 'x' }, 400, 'at least one scenario'],
    ['an unknown field', { title: 'x', scenarioHashes: [miniDef.hash], admin: true }, 400, 'not valid'],
    ['a huge body', { title: 'x', uploads: [{ file: 'a.yaml', text: 'x'.repeat(300_000) }] }, 413, 'too large'],
  ])('refuses %s with a clear message', async (_n, body, status, message) => {
    const res = await api().call('POST', '/api/sessions', body);
    expect(res.status).toBe(status);
    expect(JSON.stringify(await res.json())).toContain(message);
  });

  it('checks an uploaded file with the same pipeline and shows its diagnostics', async () => {
    const res = await api().call('POST', '/api/scenarios/check', { file: 'mine.yaml', text: 'format: 2\nid: Bad Id\n' });
    const body = (await res.json()) as { ok: boolean; diagnostics: string[] };
    expect(body.ok).toBe(false);
    expect(body.diagnostics.join('\n')).toMatch(/mine\.yaml:\d+/);
  });

  it('only the trainer key can start, see the debrief, export and delete', async () => {
    const a = api();
    const s = await session(a);
    expect((await a.call('POST', `/api/sessions/${s.code}/control`, { action: 'start' })).status).toBe(403);
    expect((await a.call('POST', `/api/sessions/${s.code}/control`, { action: 'start' }, { 'x-trainer-key': 'A'.repeat(40) })).status).toBe(403);
    const key = { 'x-trainer-key': s.trainerKey };
    expect(await (await a.call('POST', `/api/sessions/${s.code}/control`, { action: 'start' }, key)).json()).toEqual({ status: 'live' });
    expect((await a.call('GET', `/api/sessions/${s.code}/debrief`)).status).toBe(403);
    expect((await a.call('GET', `/api/sessions/${s.code}/debrief`, undefined, key)).status).toBe(200);
    const csv = await a.call('GET', `/api/sessions/${s.code}/export.csv`, undefined, key);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await a.call('DELETE', `/api/sessions/${s.code}`)).status).toBe(403);
    expect((await a.call('DELETE', `/api/sessions/${s.code}`, undefined, key)).status).toBe(200);
    expect((await a.call('GET', `/api/sessions/${s.code}`)).status).toBe(404);
  });

  it('joins, submits a verified call, refuses a forged one, and exports the result', async () => {
    const a = api();
    const s = await session(a);
    await a.call('POST', `/api/sessions/${s.code}/control`, { action: 'start' }, { 'x-trainer-key': s.trainerKey });
    const joined = (await (await a.call('POST', `/api/sessions/${s.code}/join`, { nickname: 'Sam' })).json()) as { token: string; nickname: string };
    expect(joined.nickname).toBe('Sam');
    const good = await a.call('POST', `/api/sessions/${s.code}/submissions`, { token: joined.token, ...(await ticketed(a, s.code, joined.token, 'best')) });
    expect(good.status).toBe(200);
    const forged = await ticketed(a, s.code, joined.token, 'fatal');
    const bad = await a.call('POST', `/api/sessions/${s.code}/submissions`, { token: joined.token, ...forged, claimed: { ...forged.claimed, qa: 100 } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('does not match');
    const stranger = await a.call('POST', `/api/sessions/${s.code}/submissions`, { token: 'B'.repeat(40), ...submission('best') });
    expect(stranger.status).toBe(403);
    const json = (await (await a.call('GET', `/api/sessions/${s.code}/export.json`, undefined, { 'x-trainer-key': s.trainerKey })).json()) as { leaderboard: { nickname: string; calls: number }[] };
    expect(json.leaderboard).toMatchObject([{ nickname: 'Sam', calls: 1 }]);
  });

  it('an unknown code is a 404 with a hint, and a flood from one address is slowed down', async () => {
    const a = api();
    const res = await a.call('GET', '/api/sessions/AAAAAA');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain('projector');
    const app = classroomApp({ rooms: a.rooms, library: miniLibrary, addressOf: () => '10.9.9.9', limits: { perAddress: 5, perSecond: 0.001 } });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await app.request('/api/health')).status);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('guessing codes', () => {
  it('a run of wrong codes from one address is slowed down', async () => {
    const a = api();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await a.call('GET', '/api/sessions/AAAAAA')).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
