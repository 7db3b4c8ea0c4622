/**
 * Issue 12, item 12, the trainee's side: a finished call stays in the outbox until the server has
 * settled it. A refusal the server marks "send again" (busy, could not store) keeps it; an
 * acceptance or a refusal for good removes it. The call carries the ticket its start was given.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TraineeClient } from '../../../src/net/trainee-client.ts';
import { startClassroomCall } from '../../../src/net/classroom-call.ts';
import { miniDef, play } from './fixtures.ts';
import { FakeSocket, MemoryStorage } from './fake-browser.ts';

const TOKEN = 'K'.repeat(40);
const TICKET = 'T'.repeat(40);

function stubServer() {
  vi.stubGlobal('location', { protocol: 'http:', host: 'classroom.test' });
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('fetch', async (url: string) => {
    const body = url.endsWith('/join')
      ? { code: 'ACDEFGH', playerId: 'p1', token: TOKEN, nickname: 'Sam', rejoined: false, status: 'lobby', scenarios: [] }
      : { ticket: TICKET, seed: 4242 };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

afterEach(() => vi.unstubAllGlobals());

/** The trainee's own row on a board or standing, at `rank`. */
const ownRow = (rank: number) => ({ rank, playerId: 'p1' as never, nickname: 'Sam', score: 90, calls: 1, fatalCalls: 0, played: 1, scenarios: 1, connected: true });

/** A trainee joined to the stub server, recording the ranks of the own rows and the player counts of the boards its page is shown. */
async function watchedClient() {
  const ranks: number[] = [];
  const boards: number[] = [];
  const client = await TraineeClient.join('ACDEFGH', 'Sam', { onStanding: (row) => ranks.push(row.rank ?? 0), onLeaderboard: (_rows, players) => boards.push(players) }, new MemoryStorage() as unknown as Storage);
  await new Promise((r) => setTimeout(r, 0));
  return { client, ranks, boards };
}

async function finishedCall(client: TraineeClient) {
  const played = play('best');
  expect(await startClassroomCall(miniDef.hash)).toEqual({ ticket: TICKET, seed: 4242 });
  const id = await client.submit({ scenarioId: 'mini-call', scenarioHash: miniDef.hash, seed: 4242, events: [...played.events] }, played.scorecard);
  await Promise.resolve();
  const socket = FakeSocket.last!;
  const sent = socket.sent.find((m) => (m as { type: string }).type === 'submit') as { submission: { ticket: string; run: { seed: number } } };
  return { id: id!, socket, sent };
}

describe('the trainee outbox', () => {
  it('sends the call with its ticket and seed, and keeps it after a "send again" refusal', async () => {
    stubServer();
    const client = await TraineeClient.join('ACDEFGH', 'Sam', {}, new MemoryStorage() as unknown as Storage);
    await new Promise((r) => setTimeout(r, 0));
    const { id, socket, sent } = await finishedCall(client);
    expect(sent.submission).toMatchObject({ ticket: TICKET, run: { seed: 4242 } });
    socket.receive({ type: 'submitted', seq: 0, result: { status: 'refused', submissionId: id as never, reason: 'the server could not store this call; it will be sent again', retry: true } });
    expect(client.pending).toBe(1);
    socket.receive({ type: 'submitted', seq: 1, result: { status: 'accepted', submissionId: id as never, composite: 90, duplicate: false } });
    expect(client.pending).toBe(0);
    client.stop();
  });
  it('drops a call refused for good (a forged score is not resent forever)', async () => {
    stubServer();
    const client = await TraineeClient.join('ACDEFGH', 'Sam', {}, new MemoryStorage() as unknown as Storage);
    await new Promise((r) => setTimeout(r, 0));
    const { id, socket } = await finishedCall(client);
    socket.receive({ type: 'submitted', seq: 0, result: { status: 'refused', submissionId: id as never, reason: 'the score sent does not match' } });
    expect(client.pending).toBe(0);
    client.stop();
  });
  it('keeps the first answer to a call when a resend crosses it (a refused run sent again finds its ticket used)', async () => {
    stubServer();
    const answers: string[] = [];
    const client = await TraineeClient.join('ACDEFGH', 'Sam', { onSubmitted: (r) => answers.push(r.status === 'refused' ? r.reason : 'accepted') }, new MemoryStorage() as unknown as Storage);
    await new Promise((r) => setTimeout(r, 0));
    const { id, socket } = await finishedCall(client);
    socket.receive({ type: 'submitted', seq: 0, result: { status: 'refused', submissionId: id as never, reason: 'the score sent does not match' } });
    socket.receive({ type: 'submitted', seq: 0, result: { status: 'refused', submissionId: id as never, reason: 'its ticket is unknown or already used' } });
    expect(answers).toEqual(['the score sent does not match']);
    client.stop();
  });
  it('shows the newest own row and board: an older one written after a burst does not overwrite them', async () => {
    stubServer();
    const { client, ranks, boards } = await watchedClient();
    const { id, socket } = await finishedCall(client);
    socket.receive({ type: 'submitted', seq: 40, result: { status: 'accepted', submissionId: id as never, composite: 90, duplicate: false, row: ownRow(3) } });
    socket.receive({ type: 'standing', seq: 12, row: ownRow(9) });
    socket.receive({ type: 'standing', seq: 41, row: ownRow(4) });
    socket.receive({ type: 'leaderboard', seq: 41, players: 41, rows: [] });
    socket.receive({ type: 'leaderboard', seq: 30, players: 30, rows: [] });
    expect(ranks).toEqual([3, 4]);
    expect(boards).toEqual([41]);
    // A new connection (the server may have restarted and counts again) starts over.
    socket.receive({ type: 'welcome', code: 'ACDEFGH' as never, role: 'trainee', playerId: 'p1' as never, nickname: 'Sam', title: 'T', status: 'live', scenarios: [] });
    socket.receive({ type: 'standing', seq: 2, row: ownRow(5) });
    expect(ranks).toEqual([3, 4, 5]);
    client.stop();
  });
  it('asks for the session’s board in its hello only when the page shows it', async () => {
    stubServer();
    const hello = async (events: Parameters<typeof TraineeClient.join>[2]) => {
      const client = await TraineeClient.join('ACDEFGH', 'Sam', events, new MemoryStorage() as unknown as Storage);
      await new Promise((r) => setTimeout(r, 0));
      const sent = FakeSocket.last!.sent.find((m) => (m as { type: string }).type === 'hello');
      client.stop();
      return sent;
    };
    expect(await hello({ onStanding: () => undefined })).not.toHaveProperty('board');
    expect(await hello({ onLeaderboard: () => undefined })).toMatchObject({ board: true });
  });
  it('a board that carries the trainee’s own row shows both; an older one shows neither', async () => {
    stubServer();
    const { client, ranks, boards } = await watchedClient();
    const socket = FakeSocket.last!;
    socket.receive({ type: 'leaderboard', seq: 7, players: 12, rows: [ownRow(2)], row: ownRow(2) });
    socket.receive({ type: 'leaderboard', seq: 5, players: 11, rows: [ownRow(6)], row: ownRow(6) });
    expect(ranks).toEqual([2]);
    expect(boards).toEqual([12]);
    client.stop();
  });
});
