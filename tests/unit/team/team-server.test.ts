/**
 * Team mode and peer review on a real server over loopback, from both HTTP and WebSocket: the
 * trainer's settings need the key, the projector's wallboard moves as verified calls arrive, a
 * review reaches the classmate reviewed, the trainer can hide it and coach with GROW, bad input is
 * refused with a clear message, and everything survives a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer } from '../../../src/server/classroom-server.ts';
import type { PlanName } from '../classroom/fixtures.ts';
import { tightDef as miniDef, tightLibrary as miniLibrary, tightSubmission } from './tight-call.ts';
import type { ServerMessage } from '../../../src/shared/classroom-ws.ts';
import { get, post, SocketClient } from '../server/classroom-client.ts';
import type { IssuedTicket } from '../../../src/shared/classroom-http.ts';
import { DEFAULT_TEAM_SETTINGS, type ReviewRequest, type TeamBoard, type DeliveredFeedback } from '../../../src/shared/team-messages.ts';

const running: RunningClassroomServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close().catch(() => undefined);
});

async function start(dataDir = mkdtempSync(join(tmpdir(), 'htl-team-'))) {
  const server = await startClassroomServer({ config: { port: 0, host: '127.0.0.1', dataDir, retentionDays: 30, ratePerAddress: 100_000, maxSocketsPerAddress: 10_000, sessionCreateBurst: 10, msPerDecision: 0 }, library: miniLibrary, pushIntervalMs: 50 });
  running.push(server);
  return { server, url: server.url, dataDir };
}

/** The shared socket client, waiting longer: team pushes follow verified calls. */
class Client extends SocketClient {
  override until(test: (m: ServerMessage) => boolean, ms = 30_000): Promise<ServerMessage> {
    return super.until(test, ms);
  }
}

async function classroom(url: string, names: string[]) {
  const created = (await post(`${url}/api/sessions`, { title: 'Team day', scenarioHashes: [miniDef.hash] })).body as { code: string; trainerKey: string };
  const key = { 'x-trainer-key': created.trainerKey };
  await post(`${url}/api/sessions/${created.code}/control`, { action: 'start' }, key);
  const trainees = [];
  for (const nickname of names) {
    const joined = (await post(`${url}/api/sessions/${created.code}/join`, { nickname })).body as { token: string; playerId: string };
    const ws = new Client(url);
    await ws.open;
    ws.send({ type: 'hello', code: created.code, token: joined.token });
    await ws.until((m) => m.type === 'welcome');
    trainees.push({ nickname, ...joined, ws });
  }
  return { code: created.code, key, trainees };
}

async function callOver(url: string, code: string, t: { token: string; ws: Client }, plan: PlanName) {
  const issued = await post(`${url}/api/sessions/${code}/tickets`, { token: t.token, scenarioHash: miniDef.hash });
  const s = tightSubmission(plan, issued.body as unknown as IssuedTicket);
  t.ws.send({ type: 'submit', submission: s });
  await t.ws.until((m) => m.type === 'submitted' && m.result.submissionId === s.submissionId);
  return s.submissionId;
}

const teamOn = { ...DEFAULT_TEAM_SETTINGS, teamMode: true, teams: 2, showLeaderboard: false, names: 'shown' as const };
const lastBoard = (c: Client): TeamBoard | null => {
  const boards = c.messages.filter((m): m is Extract<ServerMessage, { type: 'team' }> => m.type === 'team');
  return boards.at(-1)?.board ?? null;
};

describe('team mode', () => {
  it('only the trainer turns it on, and the projector’s wallboard moves as each verified call arrives', { timeout: 120_000 }, async () => {
    const { url } = await start();
    const { code, key, trainees } = await classroom(url, ['Amy', 'Ben', 'Cal']);
    expect((await post(`${url}/api/sessions/${code}/team/settings`, teamOn)).status).toBe(403);
    expect((await post(`${url}/api/sessions/${code}/team/settings`, { ...teamOn, teams: 40 }, key)).status).toBe(400);
    const projector = new Client(url);
    await projector.open;
    projector.send({ type: 'hello', code });
    await projector.until((m) => m.type === 'welcome');
    expect((await post(`${url}/api/sessions/${code}/team/settings`, teamOn, key)).status).toBe(200);
    const first = (await projector.until((m) => m.type === 'team')) as Extract<ServerMessage, { type: 'team' }>;
    expect(first.board.serviceLevel).toBeNull();
    expect(first.board.teams.map((t) => t.members)).toEqual([2, 1]);

    const levels: (number | null)[] = [];
    for (const [i, t] of trainees.entries()) {
      await callOver(url, code, t, i === 1 ? 'sloppyClose' : 'best');
      await projector.until((m) => m.type === 'team' && m.board.calls === i + 1);
      levels.push(lastBoard(projector)!.serviceLevel);
    }
    // Calls over their handle-time target slow the whole simulated team: Erlang C at the class's handle
    // time falls under the huddle's 80 %. (The simulated queue's own figure depends on the session
    // code's seed; team-core.test.ts holds it below target with a fixed seed.)
    expect(levels.every((l) => l !== null && l >= 0 && l <= 1)).toBe(true);
    expect(new Set(levels).size).toBeGreaterThan(1);
    const board = lastBoard(projector)!;
    expect(board.ahtOverTargetSeconds!).toBeGreaterThan(0);
    expect(board.erlang.serviceLevel).toBeLessThan(0.8);
    expect(board.qa).not.toBeNull();
    expect(board.teams.every((t) => t.score !== null)).toBe(true);
    // The same board over HTTP, for a screen that missed the push.
    const viaHttp = (await get(`${url}/api/sessions/${code}/team`)).body as { board: TeamBoard };
    expect(viaHttp.board.calls).toBe(3);
    expect(viaHttp.board.serviceLevel).toBe(board.serviceLevel);

    const debrief = await get(`${url}/api/sessions/${code}/team/debrief`, key);
    expect(debrief.status).toBe(200);
    const behaviours = (debrief.body as { behaviours: { calls: number; items: { label: string; missed: number }[] } }).behaviours;
    expect(behaviours.calls).toBe(3);
    expect(behaviours.items.length).toBeGreaterThan(0);
    expect((await get(`${url}/api/sessions/${code}/team/debrief`)).status).toBe(403);
  });
});

describe('peer review and coaching', () => {
  it('a review sent over HTTP or the socket reaches the classmate; the trainer can hide it and coach with GROW', { timeout: 120_000 }, async () => {
    const { url, dataDir, server } = await start();
    const { code, key, trainees } = await classroom(url, ['Amy', 'Ben', 'Cal']);
    await post(`${url}/api/sessions/${code}/team/settings`, teamOn, key);
    expect((await post(`${url}/api/sessions/${code}/team/reviews/ask`, {}, key)).status).toBe(409);
    for (const t of trainees) await callOver(url, code, t, 'best');
    expect((await post(`${url}/api/sessions/${code}/team/reviews/ask`, {})).status).toBe(403);
    expect((await post(`${url}/api/sessions/${code}/team/reviews/ask`, {}, key)).body).toEqual({ asked: 3 });
    const [amy, ben, cal] = trainees as [typeof trainees[0], typeof trainees[0], typeof trainees[0]];
    const request = ((await amy.ws.until((m) => m.type === 'review-request')) as { request: ReviewRequest }).request;
    expect(request.callOf).toBe('Ben');
    expect(request.transcript.length).toBeGreaterThan(2);
    const qaChoice = request.choices.find((c) => c.ref.kind === 'qa')!;
    const answer = {
      requestId: request.requestId,
      wentWell: { text: 'You greeted the caller warmly and used their name.', ref: qaChoice.ref },
      evenBetterIf: { text: 'Even better if you summarised before closing <b>the call</b>.', ref: qaChoice.ref },
    };
    // Bad input: a comment tied to nothing in the call, too short, someone else's request.
    expect((await post(`${url}/api/sessions/${code}/team/reviews`, { ...answer, token: amy.token, wentWell: { ...answer.wentWell, ref: { kind: 'qa', id: 'no-such-item' } } })).status).toBe(400);
    const short = await post(`${url}/api/sessions/${code}/team/reviews`, { ...answer, token: amy.token, wentWell: { ...answer.wentWell, text: 'ok' } });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('10 characters');
    expect((await post(`${url}/api/sessions/${code}/team/reviews`, { ...answer, token: cal.token })).status).toBe(404);
    expect((await post(`${url}/api/sessions/${code}/team/reviews`, { ...answer, token: amy.token })).status).toBe(201);
    expect((await post(`${url}/api/sessions/${code}/team/reviews`, { ...answer, token: amy.token })).status).toBe(409);
    const got = ((await ben.ws.until((m) => m.type === 'feedback')) as { feedback: DeliveredFeedback[] }).feedback[0]!;
    expect(got.from).toBe('peer');
    expect(got.name).toBe('Amy');
    expect(got.text).toContain('Even better if');
    expect(got.text).toContain('<b>the call</b>');
    expect(got.withdrawn).toBe(false);

    // Over the socket: Cal reviews Amy's call.
    const calRequest = ((await cal.ws.until((m) => m.type === 'review-request')) as { request: ReviewRequest }).request;
    const ref = calRequest.choices[0]!.ref;
    cal.ws.send({ type: 'review', answer: { requestId: calRequest.requestId, wentWell: { text: 'Clear and calm from the first line.', ref }, evenBetterIf: { text: 'Check the caller is happy before ending.', ref } } });
    expect(await cal.ws.until((m) => m.type === 'review-saved')).toMatchObject({ ok: true });
    cal.ws.send({ type: 'review', answer: { requestId: calRequest.requestId, wentWell: { text: 'x', ref }, evenBetterIf: { text: 'Check the caller is happy before ending.', ref } } });
    expect(await cal.ws.until((m) => m.type === 'error')).toMatchObject({ type: 'error' });
    await amy.ws.until((m) => m.type === 'feedback');

    // The trainer sees both, hides Amy's review of Ben: Ben's copy is withdrawn.
    const view = (await get(`${url}/api/sessions/${code}/team/trainer`, key)).body as { reviews: { requestId: string; reviewer: string; reviewee: string }[]; players: { playerId: string; calls: { submissionId: string }[] }[] };
    expect(view.reviews.map((r) => `${r.reviewer}→${r.reviewee}`).sort()).toEqual(['Amy→Ben', 'Cal→Amy']);
    expect((await post(`${url}/api/sessions/${code}/team/reviews/${request.requestId}/hide`, { hidden: true })).status).toBe(403);
    expect((await post(`${url}/api/sessions/${code}/team/reviews/${request.requestId}/hide`, { hidden: true }, key)).status).toBe(200);
    await ben.ws.until((m) => m.type === 'feedback' && m.feedback.some((f) => f.withdrawn));

    // GROW coaching on Ben's call.
    const benCall = view.players.find((p) => p.playerId === ben.playerId)!.calls[0]!.submissionId;
    const grow = { playerId: ben.playerId, about: { kind: 'call', submissionId: benCall }, goal: 'Close every call with a summary', reality: 'You ended two calls without one', options: 'Use the summary line; note the reference first', will: 'Summarise on the next three calls', qaSection: 'closing' };
    expect((await post(`${url}/api/sessions/${code}/team/coaching`, grow)).status).toBe(403);
    expect((await post(`${url}/api/sessions/${code}/team/coaching`, { ...grow, goal: 'x'.repeat(401) }, key)).status).toBe(400);
    expect((await post(`${url}/api/sessions/${code}/team/coaching`, grow, key)).status).toBe(201);
    const coaching = ((await ben.ws.until((m) => m.type === 'feedback' && m.feedback.some((f) => f.from === 'trainer'))) as { feedback: DeliveredFeedback[] }).feedback[0]!;
    expect(coaching.text).toContain('Goal: Close every call with a summary');
    expect(coaching.qaSection).toBe('closing');

    // After a restart: the inbox still holds the hidden review (withdrawn) and the coaching note.
    await server.close();
    running.splice(0);
    const again = await start(dataDir);
    const inbox = (await post(`${again.url}/api/sessions/${code}/team/inbox`, { token: ben.token })).body as { feedback: DeliveredFeedback[] };
    expect(inbox.feedback.map((f) => [f.from, f.withdrawn])).toEqual([['peer', true], ['trainer', false]]);
    expect(((await get(`${again.url}/api/sessions/${code}/team`)).body as { teamMode: boolean }).teamMode).toBe(true);
  });
});
