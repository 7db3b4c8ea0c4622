/**
 * The workbench's send panel talking to a real classroom app (requests routed into it in memory):
 * the call being edited is added to a running session with the code as typed and the key, or the
 * trainer page's whole address, and each refusal comes back in the server's words.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { classroomApp } from '../../../src/server/http/app.ts';
import { addToSession, sendToClassroom, trainerKeyFrom } from '../../../src/workbench/classroom-send.ts';
import { MINI_PATH } from '../classroom/fixtures.ts';
import { miniLibrary, world } from '../server/room-harness.ts';

const SERVER = 'http://classroom.test';
const MINI = readFileSync(MINI_PATH, 'utf8');
const CALL = MINI.replace('id: mini-call', 'id: bench-call').replace('title: Mini call for engine tests', 'title: From the bench');

function server() {
  const w = world();
  const app = classroomApp({ rooms: w.rooms, library: miniLibrary, addressOf: () => '10.0.0.4' });
  vi.stubGlobal('fetch', (url: URL | string, init?: RequestInit) => app.request(String(url).replace(SERVER, ''), init));
  return w;
}

afterEach(() => vi.unstubAllGlobals());

describe('the workbench adds the call being edited to a running session', () => {
  it('reads the key from the key itself or from the trainer page’s address', () => {
    expect(trainerKeyFrom('  abc123  ')).toBe('abc123');
    expect(trainerKeyFrom('http://localhost:8080/classroom/trainer.html?code=ABCDEFG#key=s3cret')).toBe('s3cret');
    expect(trainerKeyFrom('http://localhost:8080/classroom/trainer.html?code=ABCDEFG#nothing')).toBe('');
  });

  it('adds it with the code in any case and the trainer page’s address as the key', async () => {
    const w = server();
    const started = await sendToClassroom(SERVER, 'Bench class', 'first.yaml', MINI);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const added = await addToSession(SERVER, started.code.toLowerCase(), started.trainerUrl, 'calls/bench call?.yaml', CALL);
    expect(added).toEqual({ ok: true, code: started.code, title: 'From the bench', alreadyThere: false, calls: 2 });
    expect((await w.rooms.get(started.code))?.scenarios.map((s) => s.id)).toEqual(['mini-call', 'bench-call']);
    expect(await addToSession(SERVER, started.code, started.trainerUrl, 'again.yaml', CALL)).toMatchObject({ ok: true, alreadyThere: true, calls: 2 });
  });

  it('shows each refusal in the server’s words', async () => {
    server();
    const started = await sendToClassroom(SERVER, 'Bench class', 'first.yaml', MINI);
    if (!started.ok) throw new Error(started.message);
    expect(await addToSession(SERVER, started.code, 'A'.repeat(40), 'x.yaml', CALL)).toMatchObject({ ok: false, message: 'Only the trainer link can do that.' });
    expect(await addToSession(SERVER, 'ZZZZZZZ', started.trainerUrl, 'x.yaml', CALL)).toMatchObject({ ok: false, message: expect.stringContaining('No session has that code') });
    expect(await addToSession(SERVER, '', '', 'x.yaml', CALL)).toMatchObject({ ok: false, message: expect.stringContaining('Give the session’s code and your trainer key') });
    const broken = await addToSession(SERVER, started.code, started.trainerUrl, 'broken.yaml', 'format: 2\nid: Bad Id\n');
    expect(broken).toMatchObject({ ok: false, message: 'This call could not be used.' });
    expect(!broken.ok && broken.details.join('\n')).toMatch(/broken\.yaml:\d+/);
    const clash = await addToSession(SERVER, started.code, started.trainerUrl, 'clash.yaml', MINI.replace('title: Mini call for engine tests', 'title: Changed'));
    expect(clash).toMatchObject({ ok: false, message: expect.stringContaining('already has a call with the id “mini-call”') });
  });

  it('tells the trainer when nothing answers at the address', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    const r = await addToSession(SERVER, 'ABCDEFG', 'k'.repeat(40), 'x.yaml', CALL);
    expect(r).toMatchObject({ ok: false, message: `Could not reach the classroom server at ${SERVER}: fetch failed` });
  });
});
