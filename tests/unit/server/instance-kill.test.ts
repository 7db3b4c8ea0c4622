/**
 * An instance killed (SIGKILL) in the middle of storing a submission, on a real PostgreSQL with
 * real server processes: the trainee's screen reconnects to another instance and sends the same
 * submission again. Whether the killed instance had stored it or not, it counts exactly once (in
 * the database and on the other instance's leaderboard), and an acknowledgement always means it
 * is in the database. This is the instances bench's kill (bench:classroom --instances 3) at the
 * size of one trainee, with the kill placed where it hurts.
 */
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { join } from 'node:path';
import pg from 'pg';
import { loadScenarioLibrary } from '../../../src/server/scenario-library.ts';
import type { LeaderboardRow } from '../../../src/shared/classroom-results.ts';
import { finishedRun, startInstance, stopAll, type Instance } from '../../../tools/bench-instances.ts';
import { getJson, joinAs, post, SocketClient } from './classroom-client.ts';
import { usePostgres } from './store-kinds.ts';

const postgres = usePostgres();
const running: Instance[] = [];
const sockets: SocketClient[] = [];
const admins: pg.Client[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await stopAll(running.splice(0));
  for (const c of admins.splice(0)) await c.end().catch(() => undefined);
});

const def = [...loadScenarioLibrary(join(import.meta.dirname, '../../../scenarios')).byHash.values()][0]!.definition;

async function twoInstances(ctx: TestContext) {
  const reason = postgres.skipReason();
  if (reason !== null) ctx.skip(reason);
  const place = await postgres.place();
  const env = { DATABASE_URL: place.url!, DATABASE_POOL_SIZE: '3', MIN_MS_PER_DECISION: '0', VERIFY_WORKERS: '0' };
  const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  running.push(a, b);
  const admin = new pg.Client({ connectionString: place.url! });
  admin.on('error', () => undefined);
  await admin.connect();
  admins.push(admin);
  return { a, b, admin };
}

async function liveSession(url: string): Promise<{ code: string }> {
  const created = (await post(`${url}/api/sessions`, { title: 'Class', scenarioHashes: [def.hash] })).body as { code: string; trainerKey: string };
  await post(`${url}/api/sessions/${created.code}/control`, { action: 'start' }, { 'x-trainer-key': created.trainerKey });
  return created;
}

/** Joins on A, takes a ticket on A, and connects its screen to B: the submission to send. */
async function traineeOnB(a: Instance, b: Instance, code: string, name: string) {
  const joined = await joinAs(a.url, code, name);
  const issued = (await post(`${a.url}/api/sessions/${code}/tickets`, { token: joined.token, scenarioHash: def.hash })).body as { ticket: string; seed: number };
  const played = [0, 1, 2, 3, 4, 5].map((offset) => finishedRun(def, `Reference for ${name}.`, offset)).find((r) => r !== null)!;
  const submission = { submissionId: `kill-${name}-0123456789`, ticket: issued.ticket, run: { ...played.run, seed: issued.seed }, claimed: played.claimed };
  const screen = await SocketClient.hello(b.url, code, joined.token);
  sockets.push(screen);
  return { ...joined, submission, screen };
}

const storedFor = async (admin: pg.Client, code: string, playerId: string) =>
  Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM results WHERE code = $1 AND player_id = $2', [code, playerId])).rows[0]!.n);

const callsOnBoard = async (url: string, code: string) =>
  (await getJson<{ rows: LeaderboardRow[] }>(`${url}/api/sessions/${code}/leaderboard`)).rows.map((r) => `${r.nickname}:${r.calls}`).sort();

/** The screen comes back on A, says hello with its token and sends the same submission again. */
async function sendAgainOn(a: Instance, code: string, t: Awaited<ReturnType<typeof traineeOnB>>) {
  const again = await SocketClient.hello(a.url, code, t.token);
  sockets.push(again);
  again.send({ type: 'submit', submission: t.submission });
  return again.until((m) => m.type === 'submitted', 15_000);
}

describe('an instance killed while storing a submission', () => {
  it('killed while its write waited on the room’s lock: sent again to another instance, the call counts once', { timeout: 120_000 }, async (ctx) => {
    const { a, b, admin } = await twoInstances(ctx);
    const { code } = await liveSession(a.url);
    const ann = await traineeOnB(a, b, code, 'Ann');
    // The session's row is held, so B's write (one statement) waits inside PostgreSQL, before it commits.
    await admin.query('BEGIN');
    await admin.query('SELECT 1 FROM sessions WHERE code = $1 FOR UPDATE', [code]);
    ann.screen.send({ type: 'submit', submission: ann.submission });
    await expect.poll(async () => Number((await admin.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")).rows[0]!.n), { timeout: 15_000 }).toBe(1);
    b.child.kill('SIGKILL');
    await expect.poll(() => ann.screen.closed, { timeout: 5000 }).toBe(true);
    await admin.query('COMMIT');
    expect(ann.screen.messages.some((m) => m.type === 'submitted')).toBe(false);
    // PostgreSQL may still finish the killed instance's statement once the lock is free (nobody
    // reads its answer): the copy sent again is then answered as already counted. Either way it counts once.
    const answer = await sendAgainOn(a, code, ann);
    expect(answer).toMatchObject({ type: 'submitted', result: { status: 'accepted' } });
    expect(await storedFor(admin, code, ann.playerId)).toBe(1);
    expect(await callsOnBoard(a.url, code)).toEqual(['Ann:1']);
  });

  it('killed after its transaction committed, before it answered: sent again, the call counts once and is answered as already counted', { timeout: 120_000 }, async (ctx) => {
    const { a, b, admin } = await twoInstances(ctx);
    const { code } = await liveSession(a.url);
    const bob = await traineeOnB(a, b, code, 'Bob');
    // A projector on A, so A holds the session in memory and hears B's note.
    const projector = await SocketClient.hello(a.url, code);
    sockets.push(projector);
    bob.screen.send({ type: 'submit', submission: bob.submission });
    await expect.poll(() => storedFor(admin, code, bob.playerId), { timeout: 15_000, interval: 5 }).toBe(1);
    b.child.kill('SIGKILL');
    const answer = await sendAgainOn(a, code, bob);
    expect(answer).toMatchObject({ type: 'submitted', result: { status: 'accepted', duplicate: true } });
    expect(await storedFor(admin, code, bob.playerId)).toBe(1);
    // The catch-up from B's note and the second sending together still show one call.
    await projector.until((m) => m.type === 'leaderboard' && m.rows.some((r) => r.nickname === 'Bob' && r.calls === 1), 5000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await callsOnBoard(a.url, code)).toEqual(['Bob:1']);
  });
});
