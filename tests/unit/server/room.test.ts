import { describe, expect, it } from 'vitest';
import type { PlayerId } from '../../../src/shared/classroom-ids.ts';
import { ownRowOf } from '../../../src/shared/classroom-ws.ts';
import { miniDef } from '../classroom/fixtures.ts';
import { played, started, submission, world } from './room-harness.ts';

async function liveRoom() {
  const w = world();
  const created = await w.rooms.create({ title: 'Monday cohort', scenarioHashes: [miniDef.hash], uploads: [] });
  if (!created.ok) throw new Error(created.error);
  const room = (await w.rooms.get(created.value.code))!;
  return { ...w, room, created: created.value };
}
async function joined(room: Awaited<ReturnType<typeof liveRoom>>['room'], name: string) {
  const j = await room.join(name, undefined);
  if (!j.ok) throw new Error(j.error);
  return j.value;
}
const leaderboards = (sent: { to: string; message: { type: string } }[]) => sent.filter((s) => s.message.type === 'leaderboard');

describe('joining', () => {
  it('makes clashing nicknames unique and refuses bad ones with a reason', async () => {
    const { room, clock } = await liveRoom();
    expect((await joined(room, 'Sam')).nickname).toBe('Sam');
    expect((await joined(room, 'sam')).nickname).toBe('sam 2');
    const bad = await room.join('x', undefined);
    expect(bad).toMatchObject({ ok: false, status: 400 });
  });
  it('a reload with the player token gives back the same player and name', async () => {
    const { room, clock } = await liveRoom();
    const first = await joined(room, 'Priya');
    const again = await room.join('Someone else', first.token);
    expect(again).toMatchObject({ ok: true, value: { playerId: first.playerId, nickname: 'Priya', rejoined: true } });
    expect(room.playerCount).toBe(1);
  });
  it('a locked session refuses newcomers but lets a player back in', async () => {
    const { room, clock } = await liveRoom();
    const p = await joined(room, 'Ali');
    await room.control('start');
    await room.control('lock');
    expect(await room.join('Late', undefined)).toMatchObject({ ok: false, error: expect.stringContaining('locked') });
    expect((await room.join('Ali', p.token)).ok).toBe(true);
  });
});

describe('trainer control', () => {
  it('only the trainer key matches, and moves follow lobby → live ⇄ locked → ended', async () => {
    const { room, created } = await liveRoom();
    expect(room.isTrainer(created.trainerKey)).toBe(true);
    expect(room.isTrainer(created.trainerKey.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBe(false);
    expect(await room.control('unlock')).toMatchObject({ ok: false, error: 'Cannot unlock a session that is lobby.' });
    expect(await room.control('start')).toEqual({ ok: true, value: 'live' });
    expect(await room.control('end')).toEqual({ ok: true, value: 'ended' });
  });
});

describe('submissions', () => {
  it('a call finished before the trainer starts is kept and counted (item 12), and scored by the server', async () => {
    const { room, clock } = await liveRoom();
    const p = await joined(room, 'Sam');
    const early = await room.submit(p.playerId, await played(room, clock, p.playerId, 'best'));
    expect(early).toMatchObject({ status: 'accepted', duplicate: false, row: { rank: 1, calls: 1 } });
    await room.control('start');
    const r = await room.submit(p.playerId, await played(room, clock, p.playerId, 'sloppyClose'));
    expect(r).toMatchObject({ status: 'accepted', duplicate: false });
    expect(room.leaderboard()[0]).toMatchObject({ nickname: 'Sam', calls: 2 });
  });
  it('a call finished after the session ended is refused for good', async () => {
    const { room, clock } = await liveRoom();
    const p = await joined(room, 'Sam');
    const s = await played(room, clock, p.playerId, 'best');
    await room.control('end');
    const r = await room.submit(p.playerId, s);
    expect(r).toMatchObject({ status: 'refused', reason: expect.stringContaining('ended') });
    expect(r.status === 'refused' && r.retry).toBeFalsy();
  });
  it('a retried submission id counts once, even when the retries overlap', async () => {
    const { room, clock } = await liveRoom();
    const p = await joined(room, 'Sam');
    await room.control('start');
    const s = await played(room, clock, p.playerId, 'best', 'same-id-12345');
    const [a, b] = await Promise.all([room.submit(p.playerId, s), room.submit(p.playerId, s)]);
    const c = await room.submit(p.playerId, s);
    expect([a.status, b.status, c.status]).toEqual(['accepted', 'accepted', 'accepted']);
    expect([a, b, c].filter((r) => r.status === 'accepted' && !r.duplicate)).toHaveLength(1);
    expect(room.leaderboard()[0]!.calls).toBe(1);
  });
  it('a submission id used by another player is refused', async () => {
    const { room, clock } = await liveRoom();
    const a = await joined(room, 'Amy');
    const b = await joined(room, 'Bob');
    await room.control('start');
    await room.submit(a.playerId, await played(room, clock, a.playerId, 'best', 'shared-id-1'));
    expect(await room.submit(b.playerId, await played(room, clock, b.playerId, 'best', 'shared-id-1'))).toMatchObject({ status: 'refused', reason: expect.stringContaining('another player') });
  });
  it.each([
    ['a forged score', (s: ReturnType<typeof submission>) => ({ ...s, claimed: { ...s.claimed, qa: 100 } }), 'does not match'],
    ['an unknown scenario hash', (s: ReturnType<typeof submission>) => ({ ...s, run: { ...s.run, scenarioHash: 'f'.repeat(64) } }), 'another scenario'],
    ['an impossible log (the call never finished)', (s: ReturnType<typeof submission>) => ({ ...s, run: { ...s.run, events: s.run.events.slice(0, 2) } }), 'impossible run'],
    ['an impossible log (a choice that is not offered)', (s: ReturnType<typeof submission>) => ({ ...s, run: { ...s.run, events: [s.run.events[0]!, { type: 'agent.choose' as const, index: 7 }, ...s.run.events.slice(2)] } }), 'impossible run'],
  ])('%s is refused with a reason and changes nothing', async (_name, tamper, reason) => {
    const { room, clock } = await liveRoom();
    const p = await joined(room, 'Mallory');
    await room.control('start');
    const result = await room.submit(p.playerId, tamper(await played(room, clock, p.playerId, 'fatal')));
    expect(result).toMatchObject({ status: 'refused', reason: expect.stringContaining(reason) });
    expect(room.leaderboard()[0]!.calls).toBe(0);
  });
});

describe('leaderboard pushes', () => {
  it('coalesce: many submissions inside one interval make one push, ranked by call quality', async () => {
    const { room, sent, clock } = await liveRoom();
    const players = await Promise.all(['Amy', 'Bob', 'Cat', 'Dan'].map((n) => joined(room, n)));
    await room.control('start');
    clock.advance(1000);
    sent.length = 0;
    const plans = ['sloppyClose', 'best', 'fatal', 'hungUp'] as const;
    const calls = await Promise.all(players.map((p, i) => started(room, p.playerId, plans[i]!)));
    clock.advance(60_000);
    sent.length = 0;
    await Promise.all(players.map((p, i) => room.submit(p.playerId as PlayerId, calls[i]!)));
    clock.advance(10);
    const firstBurst = leaderboards(sent).filter((s) => s.to === 'viewers').length;
    clock.advance(200);
    const boards = leaderboards(sent).filter((s) => s.to === 'viewers');
    expect(firstBurst).toBeLessThanOrEqual(1);
    expect(boards.length).toBeLessThanOrEqual(2);
    const last = boards.at(-1)!.message as unknown as { rows: { nickname: string }[]; seq: number };
    expect(last.rows.map((r) => r.nickname)).toEqual(['Bob', 'Amy', 'Dan', 'Cat']);
    expect(last.seq).toBe(4);
  });
  it('each trainee gets their own row in the reply, and hears within a second when others move them', async () => {
    const { room, sent, clock } = await liveRoom();
    const amy = await joined(room, 'Amy');
    const bob = await joined(room, 'Bob');
    room.connected(amy.playerId, 1);
    await room.control('start');
    const mine = await room.submit(amy.playerId, await played(room, clock, amy.playerId, 'sloppyClose'));
    expect(mine).toMatchObject({ status: 'accepted', row: { nickname: 'Amy', rank: 1 } });
    clock.advance(2000);
    sent.length = 0;
    await room.submit(bob.playerId, await played(room, clock, bob.playerId, 'best'));
    clock.advance(1100);
    // Bob's result also changed the board's rows: Amy's place comes with the board, in one message.
    const told = sent.filter((s) => s.to === amy.playerId).map((s) => ownRowOf(s.message)?.rank);
    expect(told).toEqual([2]);
  });
});

describe('restart and retention', () => {
  it('a session, its players and results survive a restart; the token still rejoins', async () => {
    const first = await liveRoom();
    const p = await joined(first.room, 'Sam');
    await first.room.control('start');
    const s = await played(first.room, first.clock, p.playerId, 'best', 'before-restart-1');
    await first.room.submit(p.playerId, s);
    const before = first.room.leaderboard();
    await first.store.close();

    const second = world(first.path);
    const room = (await second.rooms.get(first.created.code))!;
    expect(room.status).toBe('live');
    expect(room.leaderboard()).toEqual(before);
    expect(await room.join('whoever', p.token)).toMatchObject({ ok: true, value: { playerId: p.playerId, nickname: 'Sam' } });
    expect(await room.submit(p.playerId, s)).toMatchObject({ duplicate: true });
    expect(room.isTrainer(first.created.trainerKey)).toBe(true);
    await second.store.close();
  });
  it('sessions older than the retention period are deleted with everything in them', async () => {
    const { rooms, clock, created, store } = await liveRoom();
    clock.advance(31 * 86_400_000);
    const fresh = await rooms.create({ title: 'New', scenarioHashes: [miniDef.hash], uploads: [] });
    expect(await rooms.sweep(30)).toEqual([created.code]);
    expect(await rooms.get(created.code)).toBeNull();
    expect(await store.loadSession(created.code)).toBeNull();
    expect(fresh.ok && (await rooms.get(fresh.value.code)) !== null).toBe(true);
  });
  it('an uploaded scenario with errors is refused with its diagnostics', async () => {
    const { rooms } = world();
    const answer = await rooms.create({ title: 'Mine', scenarioHashes: [], uploads: [{ file: 'mine.yaml', text: 'format: 2\nid: x\n' }] });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.details.join('\n')).toMatch(/mine\.yaml/);
  });
});

describe('debrief', () => {
  it("adds each person's calls up to the team's and lists the fatal choice as a common mistake", async () => {
    const { room, clock } = await liveRoom();
    const a = await joined(room, 'Amy');
    const b = await joined(room, 'Bob');
    await room.control('start');
    await room.submit(a.playerId, await played(room, clock, a.playerId, 'best'));
    await room.submit(b.playerId, await played(room, clock, b.playerId, 'fatal'));
    await room.submit(b.playerId, await played(room, clock, b.playerId, 'fatal', undefined, '2'));
    const d = await room.debrief();
    expect(d.team.calls).toBe(3);
    expect(d.people.map((p) => [p.nickname, p.calls])).toEqual([['Amy', 1], ['Bob', 2]]);
    expect(d.mistakes[0]).toMatchObject({ severity: 'fatal', times: 2, players: 1, choice: expect.stringContaining('Your balance') });
  });
});

describe('push timing', () => {
  it('a pending once-a-second rank update never delays a new result on the leaderboard', async () => {
    const { room, sent, clock } = await liveRoom();
    const players = await Promise.all(['Amy', 'Bob', 'Cat'].map((n) => joined(room, n)));
    for (const p of players) room.connected(p.playerId, 1);
    await room.control('start');
    await room.submit(players[0]!.playerId, await played(room, clock, players[0]!.playerId, 'sloppyClose'));
    clock.advance(200);
    await room.submit(players[1]!.playerId, await played(room, clock, players[1]!.playerId, 'best'));
    clock.advance(200);
    sent.length = 0;
    await room.submit(players[2]!.playerId, await played(room, clock, players[2]!.playerId, 'best'));
    clock.advance(200);
    const boards = leaderboards(sent).map((s) => (s.message as unknown as { seq: number }).seq);
    expect(boards).toContain(3);
  });
});
