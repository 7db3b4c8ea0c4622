/**
 * Every HTTP answer has a shared schema, and the browser's client parses with it: here the real
 * client (`api`) talks to the real routes in-process, through a whole session, so a route whose
 * answer drifts from its schema fails here rather than on a trainer's screen.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classroomApp } from '../../../src/server/http/app.ts';
import { api, ClassroomError } from '../../../src/net/classroom-api.ts';
import { HealthSchema, LeaderboardAnswerSchema, PlayerListAnswerSchema, SubmittedSchema, ExportAnswerSchema } from '../../../src/shared/classroom-http.ts';
import { miniDef } from '../classroom/fixtures.ts';
import { miniLibrary, submission, world } from './room-harness.ts';

function wired() {
  const w = world();
  const app = classroomApp({ rooms: w.rooms, library: miniLibrary, addressOf: () => '10.0.0.9' });
  vi.stubGlobal('fetch', (path: string, init?: RequestInit) => app.request(path, init));
  return { ...w, app };
}

afterEach(() => void vi.unstubAllGlobals());

describe('every answer parses with its shared schema, in the browser client', () => {
  it('a whole session: library, check, create, join, ticket, submit, control, debrief, remove, delete', async () => {
    const w = wired();
    expect((await api.scenarios()).scenarios.map((s) => s.hash)).toEqual([miniDef.hash]);
    expect(await api.checkFile('mine.yaml', 'format: 2\nid: Bad Id\n')).toMatchObject({ ok: false });
    const created = await api.createSession({ title: 'Thursday', scenarioHashes: [miniDef.hash], uploads: [] });
    const key = created.trainerKey;
    expect(await api.session(created.code)).toMatchObject({ status: 'lobby', players: 0 });
    expect(await api.control(created.code, 'start', key)).toEqual({ status: 'live' });
    const amy = await api.join(created.code, 'Amy', undefined);
    const bob = await api.join(created.code, 'Bob', undefined);
    expect((await api.scenarioFile(created.code, miniDef.hash)).text).toContain('mini-call');
    const issued = await api.ticket(created.code, amy.token, miniDef.hash);
    w.clock.advance(60_000);

    // The routes the pages do not call yet are parsed with their schemas directly.
    const call = (path: string, init: RequestInit = {}) => w.app.request(path, { ...init, headers: { 'content-type': 'application/json', 'x-trainer-key': key } });
    const sent = await call(`/api/sessions/${created.code}/submissions`, { method: 'POST', body: JSON.stringify({ token: amy.token, ...submission('best', undefined, issued) }) });
    expect(SubmittedSchema.parse(await sent.json()).result).toMatchObject({ status: 'accepted', row: { rank: 1 } });
    expect(HealthSchema.parse(await (await call('/api/health')).json())).toEqual({ ok: true });
    expect(LeaderboardAnswerSchema.parse(await (await call(`/api/sessions/${created.code}/leaderboard`)).json()).rows).toHaveLength(2);
    expect(PlayerListAnswerSchema.parse(await (await call(`/api/sessions/${created.code}/players`)).json()).players).toHaveLength(2);
    expect(ExportAnswerSchema.parse(await (await call(`/api/sessions/${created.code}/export.json`)).json()).debrief.team.calls).toBe(1);

    expect((await api.debrief(created.code, key)).debrief.people).toHaveLength(2);
    expect(await api.removePlayer(created.code, bob.playerId, true, key)).toEqual({ removed: bob.playerId, blocked: true });
    expect(await api.deleteSession(created.code, key)).toEqual({ deleted: true });
  });

  it('a refusal reaches the page as the server’s own words', async () => {
    wired();
    await expect(api.session('AAAAAAA')).rejects.toThrow(/No session has that code/);
    await expect(api.createSession({ title: 'x', scenarioHashes: [], uploads: [] })).rejects.toThrow(ClassroomError);
  });

  it('an answer in the wrong shape is refused with a message, not used', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ scenarios: [{ id: 1 }] }), { status: 200 }));
    await expect(api.scenarios()).rejects.toThrow(/not in the expected shape/);
  });
});
