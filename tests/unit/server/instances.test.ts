/**
 * The classroom server on each store, and several server instances sharing one PostgreSQL: a
 * trainee on one instance and the projector on another see the same leaderboard; a submission sent
 * to two instances at once counts once; a removal, a status change and a restart reach every
 * instance. Real servers on loopback, a real (throwaway) PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { startClassroomServer, type RunningClassroomServer } from '../../../src/server/classroom-server.ts';
import type { ServerConfig } from '../../../src/server/config.ts';
import type { LeaderboardRow } from '../../../src/shared/classroom-results.ts';
import { ownRowOf } from '../../../src/shared/classroom-ws.ts';
import { DEFAULT_TEAM_SETTINGS, type ReviewRequest } from '../../../src/shared/team-messages.ts';
import { miniLibrary } from './room-harness.ts';
import { inlineChecker, type ScenarioChecker } from '../../../src/server/check/scenario-checker.ts';
import { MINI_PATH } from '../classroom/fixtures.ts';
import type { SessionScenario } from '../../../src/shared/classroom-http.ts';
import { get, getJson, joinAs, liveSession, post, SocketClient, ticketed } from './classroom-client.ts';
import { useStorePlaces, type StoreKind, type StorePlace } from './store-kinds.ts';

const placeFor = useStorePlaces();
const refuseUploads = { check: async () => ({ ok: false, diagnostics: ['no uploads here'] }), close: async () => undefined } as unknown as ScenarioChecker;
const MINI = readFileSync(MINI_PATH, 'utf8');
const running: RunningClassroomServer[] = [];
const sockets: SocketClient[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const s of running.splice(0)) await s.close().catch(() => undefined);
});

async function instance(place: StorePlace, checker: ScenarioChecker = refuseUploads): Promise<RunningClassroomServer> {
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: place.kind === 'sqlite' ? dirname(place.path) : 'unused',
    retentionDays: 30,
    ratePerAddress: 100_000,
    maxSocketsPerAddress: 10_000,
    sessionCreateBurst: 10,
    msPerDecision: 0,
    verifyWorkers: 0,
    ...(place.url === null ? {} : { databaseUrl: place.url, databasePoolSize: 4 }),
  };
  const server = await startClassroomServer({ config, library: miniLibrary, pushIntervalMs: 100, checker });
  running.push(server);
  return server;
}

const socket = async (url: string, code: string, token?: string) => {
  const c = await SocketClient.hello(url, code, token);
  sockets.push(c);
  return c;
};

const board = (url: string, code: string) => getJson<{ rows: LeaderboardRow[] }>(`${url}/api/sessions/${code}/leaderboard`).then((b) => b.rows.map((r) => `${r.nickname}:${r.calls}:${r.score}`).sort());

async function storedResults(url: string, code: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const n = (await c.query<{ n: string }>('SELECT count(*) AS n FROM results WHERE code = $1', [code])).rows[0]!.n;
  await c.end();
  return Number(n);
}

describe.each<StoreKind>(['sqlite', 'postgres'])('a classroom on the %s store', (kind) => {
  it('every result reaches the projector once, however often it is sent, and is still there after a restart', async (ctx) => {
    const place = await placeFor(kind, ctx);
    const server = await instance(place);
    const { code } = await liveSession(server.url);
    const projector = await socket(server.url, code);
    const trainees = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const joined = await joinAs(server.url, code, `Trainee ${i}`);
        const c = await socket(server.url, code, joined.token);
        return { c, call: await ticketed(server.url, code, joined.token, i % 2 === 0 ? 'best' : 'fatal') };
      }),
    );
    for (const t of trainees) t.c.send({ type: 'submit', submission: t.call }), t.c.send({ type: 'submit', submission: t.call });
    for (const t of trainees) await t.c.until((m) => m.type === 'submitted' && m.result.status === 'accepted' && m.result.duplicate);
    const last = await projector.until((m) => m.type === 'leaderboard' && m.seq === 8);
    expect(last).toMatchObject({ players: 8 });
    const before = await board(server.url, code);
    expect(before.map((r) => r.split(':')[1])).toEqual(Array(8).fill('1'));
    await server.close();
    running.splice(0);
    const again = await instance(place);
    expect(await board(again.url, code)).toEqual(before);
  });
});

describe('several instances on one PostgreSQL', () => {
  it('a trainee on one instance and the projector on another see the same leaderboard within the push interval', async (ctx) => {
    const place = await placeFor('postgres', ctx);
    const [a, b] = [await instance(place), await instance(place)];
    const { code, trainerKey } = await liveSession(a.url);
    const projector = await socket(b.url, code);
    const onA = await joinAs(a.url, code, 'Ann');
    const annSocket = await socket(a.url, code, onA.token);
    // Ticket from A, submitted to B: B has not seen the ticket in memory yet, and reads it from the database.
    const call = await ticketed(a.url, code, onA.token, 'best');
    const sent = await post(`${b.url}/api/sessions/${code}/submissions`, { token: onA.token, ...call });
    expect(sent.body).toMatchObject({ result: { status: 'accepted', duplicate: false } });
    const sentAt = Date.now();
    await projector.until((m) => m.type === 'leaderboard' && m.rows.some((r) => r.nickname === 'Ann' && r.calls === 1), 2000);
    expect(Date.now() - sentAt).toBeLessThan(1000);
    await annSocket.until((m) => ownRowOf(m)?.calls === 1, 2000);
    expect(await board(a.url, code)).toEqual(await board(b.url, code));
    // The trainer ends the class on B: the trainee's socket on A is told.
    await post(`${b.url}/api/sessions/${code}/control`, { action: 'end' }, { 'x-trainer-key': trainerKey });
    await annSocket.until((m) => m.type === 'status' && m.status === 'ended', 2000);
  });

  it('the debrief on one instance names the mistakes of calls played on another (their runs are read back from the database)', async (ctx) => {
    const place = await placeFor('postgres', ctx);
    const [a, b] = [await instance(place), await instance(place)];
    const { code, trainerKey } = await liveSession(a.url);
    const projector = await socket(b.url, code);
    for (const [name, plan] of [['Ann', 'fatal'], ['Bea', 'best']] as const) {
      const joined = await joinAs(a.url, code, name);
      const sent = await post(`${a.url}/api/sessions/${code}/submissions`, { token: joined.token, ...(await ticketed(a.url, code, joined.token, plan)) });
      expect(sent.body).toMatchObject({ result: { status: 'accepted', duplicate: false } });
    }
    await projector.until((m) => m.type === 'leaderboard' && m.seq === 2, 2000);
    const debrief = async (url: string) => (await get(`${url}/api/sessions/${code}/debrief`, { 'x-trainer-key': trainerKey })).body['debrief'] as { team: { calls: number }; mistakes: { severity: string; times: number }[] };
    const onB = await debrief(b.url);
    expect(onB.team.calls).toBe(2);
    expect(onB.mistakes).toContainEqual(expect.objectContaining({ severity: 'fatal', times: 1 }));
    expect(onB).toEqual(await debrief(a.url));
  });

  it('the same submission sent to two instances at once counts once, and one ticket counts one run', async (ctx) => {
    const place = await placeFor('postgres', ctx);
    const [a, b] = [await instance(place), await instance(place)];
    const { code } = await liveSession(a.url);
    const sam = await joinAs(a.url, code, 'Sam');
    const call = await ticketed(a.url, code, sam.token, 'best');
    const answers = await Promise.all([a, b].map((s) => post(`${s.url}/api/sessions/${code}/submissions`, { token: sam.token, ...call })));
    const results = answers.map((x) => x.body['result'] as { status: string; duplicate: boolean });
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    // One ticket, two different runs with their own ids, to two instances at once: one counts.
    const ticket = await ticketed(a.url, code, sam.token, 'fatal');
    const other = { ...ticket, submissionId: `${ticket.submissionId}-x`, run: { ...ticket.run, events: (await ticketed(a.url, code, sam.token, 'sloppyClose')).run.events } };
    await Promise.all([post(`${a.url}/api/sessions/${code}/submissions`, { token: sam.token, ...ticket }), post(`${b.url}/api/sessions/${code}/submissions`, { token: sam.token, ...other })]);
    expect(await storedResults(place.url!, code)).toBe(2);
    await expect.poll(() => board(b.url, code), { timeout: 2000 }).toEqual(await board(a.url, code));
    expect((await board(a.url, code))[0]).toMatch(/^Sam:2:/);
  });

  it('a player removed on one instance is closed on the other, and an instance that restarts catches up', async (ctx) => {
    const place = await placeFor('postgres', ctx);
    const a = await instance(place);
    let b = await instance(place);
    const { code, trainerKey } = await liveSession(a.url);
    const kim = await joinAs(a.url, code, 'Kim');
    const lee = await joinAs(a.url, code, 'Lee');
    const kimOnB = await socket(b.url, code, kim.token);
    const removed = await post(`${a.url}/api/sessions/${code}/players/${kim.playerId}/remove`, { block: true }, { 'x-trainer-key': trainerKey });
    expect(removed.status).toBe(200);
    await kimOnB.until((m) => m.type === 'removed' && m.blocked, 2000);
    expect((await post(`${b.url}/api/sessions/${code}/join`, { nickname: 'Kim again', token: kim.token })).status).toBe(403);
    await b.close();
    running.splice(running.indexOf(b), 1);
    await post(`${a.url}/api/sessions/${code}/submissions`, { token: lee.token, ...(await ticketed(a.url, code, lee.token, 'best')) });
    b = await instance(place);
    expect(await board(b.url, code)).toEqual(await board(a.url, code));
    expect(await board(b.url, code)).toEqual([expect.stringMatching(/^Lee:1:/)]);
  });

  it('a call added to a running session on one instance reaches trainees on another, who can start it there', async (ctx) => {
    const place = await placeFor('postgres', ctx);
    const a = await instance(place, inlineChecker);
    const b = await instance(place, inlineChecker);
    const { code, trainerKey } = await liveSession(a.url);
    const kim = await joinAs(b.url, code, 'Kim');
    const kimOnB = await socket(b.url, code, kim.token);
    const text = MINI.replace('id: mini-call', 'id: added-call').replace('title: Mini call for engine tests', 'title: The added call');
    const added = await post(`${a.url}/api/sessions/${code}/calls`, { file: 'added.yaml', text }, { 'x-trainer-key': trainerKey });
    expect(added.status).toBe(201);
    const pushed = await kimOnB.until((m) => m.type === 'scenarios', 3000);
    const calls = (pushed as { scenarios: SessionScenario[] }).scenarios;
    expect(calls.map((c) => c.id)).toEqual(['mini-call', 'added-call']);
    const ticket = await post(`${b.url}/api/sessions/${code}/tickets`, { token: kim.token, scenarioHash: calls[1]!.hash });
    expect(ticket.status).toBe(201);
  });

  it('an instance that lost its listening connection catches up when it is back', async (ctx) => {
    const place = await placeFor('postgres', ctx);
    const [a, b] = [await instance(place), await instance(place)];
    const { code } = await liveSession(a.url);
    const projector = await socket(b.url, code);
    const ann = await joinAs(a.url, code, 'Ann');
    const call = await ticketed(a.url, code, ann.token, 'best');
    await projector.until((m) => m.type === 'players' && m.players.length === 1, 2000);
    // Every listening connection is cut; the result is stored while nobody listens, so its note is lost.
    const admin = new pg.Client({ connectionString: place.url! });
    await admin.connect();
    const cut = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
    await admin.end();
    // One listening connection per instance carries the rooms' and team mode's notes.
    expect(cut.rowCount).toBe(2);
    expect((await post(`${a.url}/api/sessions/${code}/submissions`, { token: ann.token, ...call })).body).toMatchObject({ result: { status: 'accepted' } });
    await projector.until((m) => m.type === 'leaderboard' && m.rows.some((r) => r.nickname === 'Ann' && r.calls === 1), 5000);
  });

  it('team mode: the trainer’s settings and review requests on one instance reach screens on another, and a review answered there reaches the trainer', async (ctx) => {
    const place = await placeFor('postgres', ctx);
    const [a, b] = [await instance(place), await instance(place)];
    const { code, trainerKey } = await liveSession(a.url);
    const key = { 'x-trainer-key': trainerKey };
    const ann = await joinAs(a.url, code, 'Ann');
    const bob = await joinAs(a.url, code, 'Bob');
    const [annOnB, bobOnB, projectorOnB] = [await socket(b.url, code, ann.token), await socket(b.url, code, bob.token), await socket(b.url, code)];
    const teamOn = { ...DEFAULT_TEAM_SETTINGS, teamMode: true, teams: 2, names: 'shown' };
    expect((await post(`${a.url}/api/sessions/${code}/team/settings`, teamOn, key)).status).toBe(200);
    await projectorOnB.until((m) => m.type === 'team' && m.board.teams.length === 2, 3000);
    for (const t of [ann, bob]) await post(`${a.url}/api/sessions/${code}/submissions`, { token: t.token, ...(await ticketed(a.url, code, t.token, 'best')) });
    // Both calls reach B through the room's own fan-out, so B's wallboard counts them too.
    await projectorOnB.until((m) => m.type === 'team' && m.board.calls === 2, 3000);
    expect((await post(`${a.url}/api/sessions/${code}/team/reviews/ask`, {}, key)).body).toEqual({ asked: 2 });
    const request = ((await annOnB.until((m) => m.type === 'review-request', 3000)) as { request: ReviewRequest }).request;
    expect(request.callOf).toBe('Bob');
    const ref = request.choices[0]!.ref;
    const answer = { requestId: request.requestId, wentWell: { text: 'A calm and clear greeting.', ref }, evenBetterIf: { text: 'Summarise before you close.', ref } };
    // Answered on B, where the request was only read from the database.
    expect((await post(`${b.url}/api/sessions/${code}/team/reviews`, { ...answer, token: ann.token })).status).toBe(201);
    await bobOnB.until((m) => m.type === 'feedback' && m.feedback.some((f) => f.name === 'Ann'), 3000);
    // Sent again to A, the same review counts once.
    expect((await post(`${a.url}/api/sessions/${code}/team/reviews`, { ...answer, token: ann.token })).status).toBe(409);
    const trainerView = async () => ((await (await fetch(`${a.url}/api/sessions/${code}/team/trainer`, { headers: key })).json()) as { reviews: { reviewer: string; reviewee: string }[] }).reviews;
    await expect.poll(trainerView, { timeout: 3000 }).toEqual([expect.objectContaining({ reviewer: 'Ann', reviewee: 'Bob' })]);
  });
});
