/**
 * Issue 11 §5, the server's side: a scenario is one thing from menu to server, its content hash.
 * Two uploads that share an id but not their content are two calls on the leaderboard: playing
 * one does not count as having played the other, and each keeps its own best.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { miniDef } from '../classroom/fixtures.ts';
import { played, submission, world } from './room-harness.ts';

describe('standings are kept by content hash', () => {
  it('a second upload with the same id but other content is its own call on the board', async () => {
    const w = world();
    // Same id, different content (a reworded title): a different hash.
    const reworded = readFileSync('tests/unit/core/fixtures/mini-call.yaml', 'utf8').replace('title:', 'title: Reworded -');
    const created = await w.rooms.create({ title: 'Same id twice', scenarioHashes: [miniDef.hash], uploads: [{ file: 'reworded.yaml', text: reworded }] });
    if (!created.ok) throw new Error('error' in created ? created.error : 'refused');
    const room = (await w.rooms.get(created.value.code))!;
    await room.control('start');
    const [first, second] = created.value.scenarios;
    expect(first!.id).toBe(second!.id);
    expect(first!.hash).not.toBe(second!.hash);

    const both = await room.join('PlayedBoth', undefined, '10.0.0.1');
    const once = await room.join('PlayedOnce', undefined, '10.0.0.2');
    if (!both.ok || !once.ok) throw new Error('join refused');
    expect(await room.submit(both.value.playerId, await played(room, w.clock, both.value.playerId, 'best'))).toMatchObject({ status: 'accepted' });
    expect(await room.submit(once.value.playerId, await played(room, w.clock, once.value.playerId, 'best'))).toMatchObject({ status: 'accepted' });

    const issued = await room.issueTicket(both.value.playerId, second!.hash);
    if (!issued.ok) throw new Error(issued.error);
    const onSecond = submission('best', 'same-id-second', issued.value);
    w.clock.advance(60_000);
    const answer = await room.submit(both.value.playerId, { ...onSecond, run: { ...onSecond.run, scenarioHash: second!.hash } });
    expect(answer).toMatchObject({ status: 'accepted' });

    const rows = room.leaderboard();
    const row = (name: string) => rows.find((r) => r.nickname === name)!;
    expect(row('PlayedBoth')).toMatchObject({ played: 2, scenarios: 2, calls: 2, rank: 1 });
    expect(row('PlayedOnce')).toMatchObject({ played: 1, scenarios: 2, calls: 1, rank: 2 });
    // The same best on each of the two calls: twice the score of one of them over the session's two.
    expect(row('PlayedBoth').score).toBeCloseTo(2 * row('PlayedOnce').score, 0);
  });
});
