/**
 * Team mode gives its memory back: when a session ends its cached scorecards go, and when its room
 * leaves memory (deleted, or idle and evicted) everything held for it goes; an evicted session that
 * is asked for again is rebuilt with its calls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer } from '../../../src/server/classroom-server.ts';
import { tightLibrary, tightDef, tightSubmission } from './tight-call.ts';
import { get, post, SocketClient } from '../server/classroom-client.ts';
import type { IssuedTicket } from '../../../src/shared/classroom-http.ts';
import { DEFAULT_TEAM_SETTINGS } from '../../../src/shared/team-messages.ts';

const running: RunningClassroomServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close().catch(() => undefined);
});

async function start() {
  const dataDir = mkdtempSync(join(tmpdir(), 'htl-team-memory-'));
  const server = await startClassroomServer({ config: { port: 0, host: '127.0.0.1', dataDir, retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 10_000, sessionCreateBurst: 10, msPerDecision: 0 }, library: tightLibrary, pushIntervalMs: 50 });
  running.push(server);
  return server;
}

/** A session in team mode where two trainees each finished a call, and the trainer looked at the team page (scorecards worked out). */
async function playedSession(server: RunningClassroomServer) {
  const url = server.url;
  const created = (await post(`${url}/api/sessions`, { title: 'Team day', scenarioHashes: [tightDef.hash] })).body as { code: string; trainerKey: string };
  const key = { 'x-trainer-key': created.trainerKey };
  const code = created.code;
  await post(`${url}/api/sessions/${code}/control`, { action: 'start' }, key);
  expect((await post(`${url}/api/sessions/${code}/team/settings`, { ...DEFAULT_TEAM_SETTINGS, teamMode: true, teams: 2 }, key)).status).toBe(200);
  for (const nickname of ['Ann', 'Bob']) {
    const joined = (await post(`${url}/api/sessions/${code}/join`, { nickname })).body as { token: string };
    const ws = new SocketClient(url);
    await ws.open;
    ws.send({ type: 'hello', code, token: joined.token });
    await ws.until((m) => m.type === 'welcome');
    const issued = await post(`${url}/api/sessions/${code}/tickets`, { token: joined.token, scenarioHash: tightDef.hash });
    const s = tightSubmission('best', issued.body as unknown as IssuedTicket);
    ws.send({ type: 'submit', submission: s });
    await ws.until((m) => m.type === 'submitted' && m.result.submissionId === s.submissionId, 30_000);
    ws.ws.close();
  }
  const view = await get(`${url}/api/sessions/${code}/team/trainer`, key);
  expect(view.status).toBe(200);
  return { code, key };
}

describe('team mode gives its memory back', () => {
  it('an ended session lets go of its scorecards, and a deleted one of everything', async () => {
    const server = await start();
    const { code, key } = await playedSession(server);
    const other = await playedSession(server);
    expect(server.team.footprint(code)).toMatchObject({ states: 1, calls: 2, scored: 2 });
    await post(`${server.url}/api/sessions/${code}/control`, { action: 'end' }, key);
    expect(server.team.footprint(code)).toMatchObject({ states: 1, calls: 2, scored: 0 });
    // The team debrief after the end still has both calls (scorecards worked out again).
    const debrief = (await get(`${server.url}/api/sessions/${code}/team/debrief`, key)).body as { teams: { calls: number }[] };
    expect(debrief.teams.reduce((n, t) => n + t.calls, 0)).toBe(2);
    expect((await fetch(`${server.url}/api/sessions/${code}`, { method: 'DELETE', headers: key })).status).toBe(200);
    expect(server.team.footprint(code)).toEqual({ states: 0, calls: 0, scored: 0, timers: 0 });
    // The other session is untouched.
    expect(server.team.footprint(other.code)).toMatchObject({ states: 1, calls: 2, scored: 2 });
  }, 60_000);

  it('a session evicted from memory lets go of everything, and comes back with its calls when asked for', async () => {
    const server = await start();
    const { code, key } = await playedSession(server);
    // Evicted once the server has seen the trainees' sockets close.
    await expect.poll(() => server.rooms.evictIdle(0).includes(code), { timeout: 5000 }).toBe(true);
    expect(server.team.footprint()).toEqual({ states: 0, calls: 0, scored: 0, timers: 0 });
    const debrief = (await get(`${server.url}/api/sessions/${code}/team/debrief`, key)).body as { teams: { calls: number }[] };
    expect(debrief.teams.reduce((n, t) => n + t.calls, 0)).toBe(2);
  }, 60_000);
});
