/** Team mode's pure parts: who is in which team, the balanced team score, the wallboard's queue, the debrief's behaviours, review pairs and feedback entries. */
import { describe, expect, it } from 'vitest';
import { assignTeams } from '../../../src/core/classroom/team-members.ts';
import { teamStandings } from '../../../src/core/classroom/team-standings.ts';
import { teamBoard } from '../../../src/core/classroom/team-wallboard.ts';
import { teamBehaviours } from '../../../src/core/classroom/team-behaviours.ts';
import { peerPairs } from '../../../src/core/classroom/peer-pairs.ts';
import { feedbackEntryFrom, WITHDRAWN_TEXT } from '../../../src/core/development/classroom-feedback.ts';
import { suggestGoals } from '../../../src/core/development/suggest-goals.ts';
import { kpisOf, type CallKpis } from '../../../src/core/classroom/call-kpis.ts';
import { callComposite } from '../../../src/core/classroom/composite.ts';
import type { TeamCall } from '../../../src/core/classroom/team-call.ts';
import { DEFAULT_TEAM_SETTINGS } from '../../../src/shared/team-messages.ts';
import { card } from '../classroom/fixtures.ts';

const kpis = (over: Partial<CallKpis> = {}): CallKpis => ({ scenarioId: 's', qa: 90, fatal: false, fcr: 'yes', csatStars: 5, ahtTotal: 300, ahtTarget: 300, ...over });
let n = 0;
const call = (playerId: string, over: Partial<CallKpis> = {}): TeamCall => ({ submissionId: `c${++n}`, playerId, kpis: kpis(over), run: null as never, at: n });

describe('teams', () => {
  it('deals players into the smallest team, keeps places, and deals again when the number of teams changes', () => {
    const four = assignTeams(['a', 'b', 'c', 'd', 'e'], {}, 2);
    expect(four).toEqual({ a: 1, b: 2, c: 1, d: 2, e: 1 });
    expect(assignTeams(['a', 'b', 'c', 'd', 'e', 'f'], four, 2)).toEqual({ ...four, f: 2 });
    expect(assignTeams(['a', 'b', 'c'], { a: 3, b: 3, c: 3 }, 2)).toEqual({ a: 1, b: 2, c: 1 });
  });

  it('scores a team by the mean of its members’ means: a prolific player does not carry it, and size does not matter', () => {
    const members = { a: 1, b: 1, c: 2, d: 2, e: 2, f: 2 };
    const calls = [
      ...Array.from({ length: 6 }, () => call('a', { qa: 100 })),
      call('b', { qa: 0, fcr: 'no', csatStars: 1, ahtTotal: 600 }),
      call('c'), call('d'), call('e'), call('f'),
    ];
    const rows = teamStandings(members, calls, 2);
    const great = callComposite(kpis({ qa: 100 })).composite;
    const poor = callComposite(kpis({ qa: 0, fcr: 'no', csatStars: 1, ahtTotal: 600 })).composite;
    const one = rows.find((r) => r.team === 1)!;
    expect(one.score).toBeCloseTo((great + poor) / 2, 1);
    expect(one.calls).toBe(7);
    const two = rows.find((r) => r.team === 2)!;
    expect(two.rank).toBe(1);
    expect(rows[0]!.team).toBe(2);
  });

  it('ranks a team only once half its members have played', () => {
    const rows = teamStandings({ a: 1, b: 1, c: 1, d: 2 }, [call('a'), call('d')], 2);
    expect(rows.find((r) => r.team === 1)).toMatchObject({ played: 1, score: null, rank: null });
    expect(rows.find((r) => r.team === 2)).toMatchObject({ played: 1, rank: 1 });
  });
});

describe('the shared wallboard', () => {
  const base = { code: 'K7QP2M', seq: 0, settings: { ...DEFAULT_TEAM_SETTINGS, teamMode: true }, scenarioIds: ['s'], members: { a: 1, b: 1, c: 1 } };
  it('holds the huddle’s service level when the class works at target, and falls under it when the class runs long', () => {
    const onTarget = teamBoard({ ...base, calls: ['a', 'b', 'c'].map((p) => call(p)) });
    const slow = teamBoard({ ...base, calls: ['a', 'b', 'c'].map((p) => call(p, { ahtTotal: 480 })) });
    expect(onTarget.serviceLevel).not.toBeNull();
    expect(onTarget.erlang.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(slow.erlang.serviceLevel).toBeLessThan(0.8);
    expect(slow.serviceLevel!).toBeLessThan(onTarget.serviceLevel!);
    expect(slow.ahtSeconds).toBe(480);
    expect(slow.ahtOverTargetSeconds).toBe(180);
    expect(onTarget.ahtOverTargetSeconds).toBe(0);
  });
  it('shows nothing measured before the first call, and the same board for the same calls', () => {
    expect(teamBoard({ ...base, calls: [] })).toMatchObject({ calls: 0, serviceLevel: null, qa: null });
    const calls = ['a', 'b'].map((p) => call(p, { fcr: 'no' }));
    expect(teamBoard({ ...base, calls })).toEqual(teamBoard({ ...base, calls }));
  });
});

describe('the debrief’s team view', () => {
  it('puts first the QA item whose misses cost the class the most composite points', () => {
    const cards = (['best', 'best', 'sloppyClose', 'fatal'] as const).map((p) => ({ card: card(p), composite: callComposite(kpisOf(card(p))).composite }));
    const view = teamBehaviours(cards);
    expect(view.calls).toBe(4);
    const top = view.items[0]!;
    expect(top.pointsLost).toBeGreaterThan(0);
    expect(top.meanWhenMet!).toBeGreaterThan(top.meanWhenMissed!);
    for (let i = 1; i < view.items.length; i++) expect((view.items[i - 1]!.pointsLost ?? -1) >= (view.items[i]!.pointsLost ?? -1)).toBe(true);
    expect(view.hurt.every((m) => m.total < 0)).toBe(true);
  });
});

describe('peer review pairs', () => {
  it('puts trainees with calls in a ring: nobody reviews themselves, nobody reviews the same call twice', () => {
    const players = [{ playerId: 'a', calls: ['a1'] }, { playerId: 'b', calls: ['b1', 'b2'] }, { playerId: 'c', calls: [] }, { playerId: 'd', calls: ['d1'] }];
    const pairs = peerPairs(players, () => false);
    expect(pairs).toEqual([{ reviewer: 'a', reviewee: 'b', submissionId: 'b2' }, { reviewer: 'b', reviewee: 'd', submissionId: 'd1' }, { reviewer: 'd', reviewee: 'a', submissionId: 'a1' }]);
    expect(peerPairs(players, (r, id) => r === 'a' && id === 'b2')[0]).toEqual({ reviewer: 'a', reviewee: 'b', submissionId: 'b1' });
    expect(peerPairs([{ playerId: 'a', calls: ['a1'] }], () => false)).toEqual([]);
  });
});

describe('feedback from the classroom into the plan', () => {
  const delivered = { id: 'peer-r1', from: 'peer' as const, name: 'Amy', text: 'What went well (Opening): warm.\nEven better if (Closing): summarise first.', qaSection: 'closing', date: '2026-11-30', withdrawn: false };
  it('becomes a feedback entry that suggests a goal “from feedback” in the area it names', () => {
    const entry = feedbackEntryFrom(delivered)!;
    expect(entry).toMatchObject({ source: 'classroom', from: 'peer', qaSection: 'closing' });
    const suggested = suggestGoals({ cards: [card('sloppyClose'), card('sloppyClose')], feedback: [entry], now: '2026-11-30T10:00:00.000Z' });
    expect(suggested.goals.some((g) => g.goal.source?.kind === 'feedback' && g.goal.source.ref === 'peer-r1')).toBe(true);
  });
  it('withdrawn, it keeps its id, says so and names no area; an unknown area is dropped', () => {
    expect(feedbackEntryFrom({ ...delivered, withdrawn: true })).toMatchObject({ id: 'peer-r1', text: WITHDRAWN_TEXT });
    expect(feedbackEntryFrom({ ...delivered, withdrawn: true })!.qaSection).toBeUndefined();
    expect(feedbackEntryFrom({ ...delivered, qaSection: 'nonsense' })!.qaSection).toBeUndefined();
    expect(feedbackEntryFrom({ ...delivered, date: 'yesterday' })).toBeNull();
  });
});
