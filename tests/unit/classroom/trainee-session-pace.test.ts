/**
 * The trainee's side of the trainer's choices: the join answer's pace becomes the game's pace for
 * every call (an older server that sends none means untimed), the game can fetch a session call
 * it does not hold, and a call the trainer adds is passed on to the page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TraineeClient } from '../../../src/net/trainee-client.ts';
import { miniDef } from './fixtures.ts';
import { FakeSocket, MemoryStorage } from './fake-browser.ts';
import type { JoinCode, PlayerId } from '../../../src/shared/classroom-ids.ts';

const SCENARIO = { id: 'mini-call', title: 'Mini', hash: miniDef.hash, uploaded: false };

/** A server whose join answer carries `pace` (left out: an older server) and which holds one scenario file. */
function stubServer(pace?: 'live' | 'untimed') {
  vi.stubGlobal('location', { protocol: 'http:', host: 'classroom.test' });
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('fetch', async (url: string) => {
    if (url.endsWith('/join')) {
      const joined = { code: 'ACDEFGH', playerId: 'p1', token: 'K'.repeat(40), nickname: 'Sam', rejoined: false, status: 'live', scenarios: [SCENARIO], ...(pace === undefined ? {} : { pace }) };
      return Response.json(joined);
    }
    if (url.endsWith(`/scenarios/${miniDef.hash}`)) return Response.json({ file: 'mini-call.yaml', text: 'the file' });
    return Response.json({ error: 'That scenario is not in this session.' }, { status: 404 });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('the trainer’s pace reaches the game', () => {
  it.each([
    ['live', 'live'],
    ['untimed', 'untimed'],
    [undefined, 'untimed'],
  ] as const)('a join answer with pace %s plays every call %s', async (sent, played) => {
    stubServer(sent);
    const client = await TraineeClient.join('acdefgh', 'Sam', {}, new MemoryStorage() as unknown as Storage);
    expect((await client.playContext()).pace).toBe(played);
    client.stop();
  });

  it('fetches a session call by hash, and answers null for one the session does not have', async () => {
    stubServer('live');
    const client = await TraineeClient.join('acdefgh', 'Sam', {}, new MemoryStorage() as unknown as Storage);
    const context = await client.playContext();
    expect(await context.sessionFile!(miniDef.hash)).toEqual({ file: 'mini-call.yaml', text: 'the file' });
    expect(await context.sessionFile!('ab'.repeat(32))).toBeNull();
    client.stop();
  });

  it('passes on the calls the trainer adds to the running session', async () => {
    stubServer();
    const heard: string[][] = [];
    const client = await TraineeClient.join('acdefgh', 'Sam', { onScenarios: (s) => heard.push(s.map((x) => x.id)) }, new MemoryStorage() as unknown as Storage);
    await new Promise((r) => setTimeout(r, 0));
    FakeSocket.last!.receive({ type: 'scenarios', scenarios: [SCENARIO, { ...SCENARIO, id: 'added', hash: 'cd'.repeat(32), uploaded: true }] });
    expect(heard).toEqual([['mini-call', 'added']]);
    client.stop();
  });

  it('passes on the session’s calls in each welcome, so a call added while the socket was down still arrives', async () => {
    stubServer();
    const heard: string[][] = [];
    const client = await TraineeClient.join('acdefgh', 'Sam', { onScenarios: (s) => heard.push(s.map((x) => x.id)) }, new MemoryStorage() as unknown as Storage);
    await new Promise((r) => setTimeout(r, 0));
    const added = { ...SCENARIO, id: 'added', hash: 'cd'.repeat(32), uploaded: true };
    FakeSocket.last!.receive({ type: 'welcome', code: 'ACDEFGH' as JoinCode, role: 'trainee', playerId: 'p1' as PlayerId, nickname: 'Sam', title: 'Class', status: 'live', scenarios: [SCENARIO, added] });
    expect(heard).toEqual([['mini-call', 'added']]);
    client.stop();
  });
});
