/**
 * Team mode's HTTP answers have shared schemas (src/shared/team-http.ts) and the browser's client
 * parses each with its route's: here the real client talks to a real server through every team
 * route, so an answer that drifts from its schema fails here; and an answer in the wrong shape, or
 * a path that is no team route, reaches the page as a clear message instead of a crash.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer } from '../../../src/server/classroom-server.ts';
import { api, ClassroomError } from '../../../src/net/classroom-api.ts';
import { DEFAULT_TEAM_SETTINGS } from '../../../src/shared/team-messages.ts';
import { joinAs, liveSession, post, ticketed } from './classroom-client.ts';
import { miniLibrary } from './room-harness.ts';

const running: RunningClassroomServer[] = [];
const realFetch = globalThis.fetch;
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const s of running.splice(0)) await s.close();
});

async function server(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'htl-team-http-'));
  const s = await startClassroomServer({ config: { port: 0, host: '127.0.0.1', dataDir, retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 10_000, sessionCreateBurst: 10, msPerDecision: 0, verifyWorkers: 0 }, library: miniLibrary, pushIntervalMs: 50 });
  running.push(s);
  // The browser client calls paths on its own origin: send them to the test server.
  vi.stubGlobal('fetch', (path: string, init?: RequestInit) => realFetch(path.startsWith('/') ? `${s.url}${path}` : path, init));
  return s.url;
}

describe('team mode’s answers in the browser client', () => {
  it('every team route’s answer parses with its schema, through a whole peer review', async () => {
    const url = await server();
    const { code, trainerKey: key } = await liveSession(url);
    const team = `/api/sessions/${code}/team`;
    expect(await api.get(team)).toEqual({ teamMode: false, board: null });
    const amy = await joinAs(url, code, 'Amy');
    const bob = await joinAs(url, code, 'Bob');
    for (const t of [amy, bob]) await post(`${url}/api/sessions/${code}/submissions`, { token: t.token, ...(await ticketed(url, code, t.token, 'best')) });
    const saved = (await api.post(`${team}/settings`, { ...DEFAULT_TEAM_SETTINGS, teamMode: true, teams: 2, names: 'shown' }, key)) as { board: { calls: number } };
    expect(saved.board.calls).toBe(2);
    expect(await api.post(`${team}/reviews/ask`, {}, key)).toEqual({ asked: 2 });
    const inbox = (await api.post(`${team}/inbox`, { token: amy.token })) as { requests: { requestId: string; callOf: string | null; choices: { ref: unknown }[] }[] };
    const request = inbox.requests[0]!;
    expect(request.callOf).toBe('Bob');
    const ref = request.choices[0]!.ref;
    const answer = { requestId: request.requestId, wentWell: { text: 'A calm and clear greeting.', ref }, evenBetterIf: { text: 'Summarise before you close.', ref }, token: amy.token };
    expect(await api.post(`${team}/reviews`, answer)).toEqual({ requestId: request.requestId });
    expect(await api.post(`${team}/reviews/${request.requestId}/hide`, { hidden: true }, key)).toEqual({ requestId: request.requestId, hidden: true });
    const coached = (await api.post(`${team}/coaching`, { playerId: bob.playerId, about: { kind: 'session' }, goal: 'Summarise every call', reality: 'Two calls ended abruptly', options: 'A summary line', will: 'Use it on the next calls' }, key)) as { noteId: string };
    expect(coached.noteId).toMatch(/^g/);
    const view = (await api.get(`${team}/trainer`, key)) as { reviews: { reviewer: string; hidden: boolean }[]; coaching: unknown[] };
    expect(view.reviews).toEqual([expect.objectContaining({ reviewer: 'Amy', hidden: true })]);
    expect(view.coaching).toHaveLength(1);
    expect(((await api.get(`${team}/debrief`, key)) as { behaviours: { calls: number } }).behaviours.calls).toBe(2);
    // A refusal still carries the server's words.
    await expect(api.post(`${team}/reviews`, answer)).rejects.toThrow(/already sent this review/);
  });

  it('an answer in the wrong shape is refused with a message the page can show, not read', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ teamMode: 'yes', board: null }), { status: 200 }));
    await expect(api.get('/api/sessions/ABCDEFG/team')).rejects.toThrow(/not in the expected shape/);
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ asked: -1 }), { status: 201 }));
    await expect(api.post('/api/sessions/ABCDEFG/team/reviews/ask', {}, 'key')).rejects.toThrow(ClassroomError);
    vi.stubGlobal('fetch', async () => new Response('<html>proxy error</html>', { status: 200 }));
    await expect(api.get('/api/sessions/ABCDEFG/team/trainer', 'key')).rejects.toThrow(/not in the expected shape/);
  });

  it('a path that is no team route is refused before anything is sent', async () => {
    const sent = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', sent);
    await expect(api.get('/api/sessions/ABCDEFG/leaderboard')).rejects.toThrow(/not one of team mode’s routes/);
    await expect(api.post('/api/sessions/ABCDEFG/team/trainer', {})).rejects.toThrow(/not one of team mode’s routes/);
    expect(sent).not.toHaveBeenCalled();
  });
});
