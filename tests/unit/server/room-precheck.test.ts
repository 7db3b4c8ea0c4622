/**
 * Submit messages checked in a verdict worker are the room's work in hand, as submissions are:
 * while any is being checked (a burst), trainees' boards wait, and the checked submission counts
 * as prepared there (the run's hashes, JSON and checked verdict).
 */
import { describe, expect, it } from 'vitest';
import { inlineVerdicts, type Verdicts } from '../../../src/server/verify/verdicts.ts';
import { checkSubmitText, type CheckedSubmit } from '../../../src/server/verify/submission-check.ts';
import { miniDef } from '../classroom/fixtures.ts';
import { ManualClock, newDataPath, played, world } from './room-harness.ts';

function worldWithChecks() {
  const inFlight: (() => void)[] = [];
  const verdicts: Verdicts = {
    ...inlineVerdicts(),
    // A worker that answers when the test says so.
    check: (text) => new Promise<CheckedSubmit>((done) => inFlight.push(() => done(checkSubmitText(text, (h) => (h === miniDef.hash ? miniDef : undefined))))),
  };
  const { clock, sent, rooms, store } = world(newDataPath(), new ManualClock(), 3, verdicts);
  return { clock, sent, inFlight, rooms, store };
}

/** A session on the small call, created and started. */
async function startedRoom(rooms: ReturnType<typeof worldWithChecks>['rooms']) {
  const created = await rooms.create({ title: 'Checks', scenarioHashes: [miniDef.hash], uploads: [] });
  if (!created.ok) throw new Error(created.error);
  const room = (await rooms.get(created.value.code))!;
  await room.control('start');
  return room;
}

describe('a room with submissions being checked in a worker', () => {
  it('holds trainees’ boards while a check is in hand, and counts the checked call', async () => {
    const { clock, sent, inFlight, rooms } = worldWithChecks();
    const room = await startedRoom(rooms);
    const amy = await room.join('Amy', undefined, '10.0.0.1');
    const ben = await room.join('Ben', undefined, '10.0.0.2');
    if (!amy.ok || !ben.ok) throw new Error('join refused');
    room.connected(amy.value.playerId, 1, true);
    const amyCall = await played(room, clock, amy.value.playerId, 'best');
    const bensCall = await played(room, clock, ben.value.playerId, 'sloppyClose');
    const checking = room.precheck(JSON.stringify({ type: 'submit', submission: bensCall }));
    expect(checking).not.toBeNull();
    expect(await room.submit(amy.value.playerId, amyCall)).toMatchObject({ status: 'accepted' });
    const before = sent.length;
    clock.advance(2500);
    const trainees = () => sent.slice(before).filter((s) => s.to === amy.value.playerId && s.message.type === 'leaderboard');
    expect(sent.slice(before).some((s) => s.to === 'viewers' && s.message.type === 'leaderboard')).toBe(true);
    expect(trainees()).toHaveLength(0);
    inFlight.shift()!();
    const checked = await checking!;
    if (!checked.ok) throw new Error(checked.problem);
    expect(await room.submitPrepared(ben.value.playerId, checked.prepared)).toMatchObject({ status: 'accepted', row: { calls: 1 } });
    clock.advance(1500);
    expect(trainees().length).toBeGreaterThanOrEqual(1);
    expect(room.leaderboard().map((r) => r.calls)).toEqual([1, 1]);
  });

  it('counts a checked call from its run’s JSON alone: stored as sent, its fatal choice in the debrief, the same run resent counted once', async () => {
    const { clock, inFlight, rooms, store } = worldWithChecks();
    const room = await startedRoom(rooms);
    const bob = await room.join('Bob', undefined, '10.0.0.2');
    if (!bob.ok) throw new Error('join refused');
    const call = await played(room, clock, bob.value.playerId, 'fatal');
    const check = async (text: string) => {
      const checking = room.precheck(text)!;
      inFlight.shift()!();
      const checked = await checking;
      if (!checked.ok) throw new Error(checked.problem);
      expect(checked.prepared.run).toBeUndefined();
      return room.submitPrepared(bob.value.playerId, checked.prepared);
    };
    expect(await check(JSON.stringify({ type: 'submit', submission: call }))).toMatchObject({ status: 'accepted', duplicate: false });
    const again = await check(JSON.stringify({ type: 'submit', submission: { ...call, submissionId: 'another-id-0001' } }));
    expect(again).toMatchObject({ status: 'accepted', duplicate: true });
    const stored = await store.loadSession(room.code);
    expect(stored?.results.map((r) => r.run)).toEqual([call.run]);
    const debrief = await room.debrief();
    expect(debrief.team.calls).toBe(1);
    expect(debrief.mistakes[0]).toMatchObject({ severity: 'fatal', times: 1, choice: expect.stringContaining('Your balance') });
  });
});
