/**
 * The trainer's pace for a session, from HTTP: chosen at creation, carried in the join answer and
 * the session's details, enforced on every submitted call (a run played at the other pace is
 * refused with the reason), and named in the debrief and both exports.
 */
import { describe, expect, it } from 'vitest';
import { classroomApp } from '../../../src/server/http/app.ts';
import { JoinedSchema, type IssuedTicket, type SubmitResult } from '../../../src/shared/classroom-http.ts';
import { miniDef } from '../classroom/fixtures.ts';
import { miniLibrary, submission, world } from './room-harness.ts';

function api() {
  const w = world();
  const app = classroomApp({ rooms: w.rooms, library: miniLibrary, addressOf: () => '10.0.0.2' });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { ...w, call };
}

/** A started session with one joined trainee; `pace` left out means the trainer did not choose. */
async function classWith(pace?: 'live' | 'untimed') {
  const a = api();
  const created = (await (await a.call('POST', '/api/sessions', { title: 'Pace class', scenarioHashes: [miniDef.hash], ...(pace === undefined ? {} : { pace }) })).json()) as { code: string; trainerKey: string };
  const key = { 'x-trainer-key': created.trainerKey };
  await a.call('POST', `/api/sessions/${created.code}/control`, { action: 'start' }, key);
  const joined = JoinedSchema.parse(await (await a.call('POST', `/api/sessions/${created.code}/join`, { nickname: 'Ola' })).json());
  /** Plays the mini call well on a fresh ticket, marked as played live or not, and submits it. */
  const submit = async (live: boolean) => {
    const issued = (await (await a.call('POST', `/api/sessions/${created.code}/tickets`, { token: joined.token, scenarioHash: miniDef.hash })).json()) as IssuedTicket;
    const s = submission('best', undefined, issued);
    a.clock.advance(60_000);
    const run = live ? { ...s.run, pace: 'live' as const } : s.run;
    const res = await a.call('POST', `/api/sessions/${created.code}/submissions`, { token: joined.token, ...s, run });
    return { status: res.status, result: ((await res.json()) as { result: SubmitResult }).result };
  };
  return { a, code: created.code, key, joined, submit };
}

describe('the pace a trainer sets for a session', () => {
  it('is untimed when the trainer does not choose, and the join answer says so', async () => {
    const { joined, submit } = await classWith();
    expect(joined.pace).toBe('untimed');
    const live = await submit(true);
    expect(live.status).toBe(422);
    expect(live.result).toMatchObject({ status: 'refused' });
    expect(live.result.status === 'refused' && live.result.reason).toContain('played live pace, but the trainer set this session to untimed');
    expect((await submit(false)).result.status).toBe('accepted');
  });

  it('live pace reaches the trainee in the join answer and the session details', async () => {
    const { a, code, joined } = await classWith('live');
    expect(joined.pace).toBe('live');
    const info = (await (await a.call('GET', `/api/sessions/${code}`)).json()) as { pace: string };
    expect(info.pace).toBe('live');
    const again = JoinedSchema.parse(await (await a.call('POST', `/api/sessions/${code}/join`, { nickname: 'Ola', token: joined.token })).json());
    expect(again).toMatchObject({ rejoined: true, pace: 'live' });
  });

  it('a live-pace session refuses a call played untimed and counts one played at live pace', async () => {
    const { submit } = await classWith('live');
    const untimed = await submit(false);
    expect(untimed.status).toBe(422);
    expect(untimed.result.status === 'refused' && untimed.result.reason).toContain('played untimed, but the trainer set this session to live pace');
    const live = await submit(true);
    expect(live.status).toBe(200);
    expect(live.result.status).toBe('accepted');
  });

  it('the debrief and both exports say the calls were played at live pace', async () => {
    const { a, code, key, submit } = await classWith('live');
    await submit(true);
    const debrief = (await (await a.call('GET', `/api/sessions/${code}/debrief`, undefined, key)).json()) as { pace: string };
    expect(debrief.pace).toBe('live');
    const json = (await (await a.call('GET', `/api/sessions/${code}/export.json`, undefined, key)).json()) as { pace: string };
    expect(json.pace).toBe('live');
    const csv = (await (await a.call('GET', `/api/sessions/${code}/export.csv`, undefined, key)).text()).trim().split('\r\n');
    expect(csv[0]).toMatch(/,"pace"$/);
    expect(csv.slice(1).every((line) => line.endsWith(',"live pace"'))).toBe(true);
    expect(csv).toHaveLength(3);
  });

  it('refuses a pace that is not one of the two', async () => {
    const res = await api().call('POST', '/api/sessions', { title: 'x', scenarioHashes: [miniDef.hash], pace: 'fast' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('pace');
  });

  it('survives a restart of the server (stored with the session)', async () => {
    const { a, code } = await classWith('live');
    const reopened = world(a.path);
    const room = await reopened.rooms.get(code);
    expect(room?.pace).toBe('live');
  });
});
