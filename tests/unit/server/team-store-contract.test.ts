/**
 * The team store contract: what team mode relies on from its store, run against SQLite and a real
 * PostgreSQL. Settings and teams come back after a restart, a review counts once, the trainer's
 * hide flag sticks, coaching notes keep their GROW parts, deleting a session deletes its team
 * state, and (PostgreSQL) a change made through one instance's store is told to another's.
 */
import { describe, expect, it, type TestContext } from 'vitest';
import { DEFAULT_TEAM_SETTINGS, type TeamSettings } from '../../../src/shared/team-messages.ts';
import type { StoredSession } from '../../../src/server/store/classroom-store.ts';
import type { StoredCoaching, StoredReview } from '../../../src/server/team/team-store.ts';
import { isSharedTeamStore } from '../../../src/server/team/team-store.ts';
import { miniDef } from '../classroom/fixtures.ts';
import { useStorePlaces, type StoreKind } from './store-kinds.ts';

const placeFor = useStorePlaces();

const session = (code: string): StoredSession => ({
  code,
  title: `Class ${code}`,
  trainerKeyHash: 'ab'.repeat(32),
  status: 'live',
  createdAt: 1000,
  scenarios: [{ id: 'mini-call', title: 'Mini', hash: miniDef.hash, uploaded: false, file: 'mini-call.yaml', text: 'text' }],
});

/** A place with one session in it, its classroom store open. */
async function withSession(kind: StoreKind, ctx: TestContext, code = 'TEAM01') {
  const place = await placeFor(kind, ctx);
  const classroom = await place.open();
  await classroom.createSession(session(code));
  return { place, classroom };
}

const teamOn: TeamSettings = { ...DEFAULT_TEAM_SETTINGS, teamMode: true, teams: 3, names: 'shown' };

const review = (requestId: string, text: string, at = 20): StoredReview => ({
  code: 'TEAM01',
  requestId,
  wentWell: { text, ref: { kind: 'qa', id: 'greeting' }, about: 'Greeting' },
  evenBetterIf: { text: 'Check the account earlier.', ref: { kind: 'moment', id: '2' }, about: 'Account check' },
  qaSection: 'Opening',
  hidden: false,
  at,
});

const note: StoredCoaching = {
  code: 'TEAM01', noteId: 'g000000000001', playerId: 'p0000000001', about: 'session', aboutLabel: 'the session “Class TEAM01”',
  goal: 'Close calls cleanly', reality: 'Two calls ended abruptly', options: 'Summarise before closing', will: 'Use the summary line', qaSection: null, at: 30,
};

describe.each<StoreKind>(['sqlite', 'postgres'])('the team store on %s', (kind) => {
  it('keeps settings, teams, requests, reviews and coaching notes across a restart', async (ctx) => {
    const { place, classroom } = await withSession(kind, ctx);
    const team = await place.openTeam();
    expect(await team.load('TEAM01')).toEqual({ settings: null, members: {}, requests: [], reviews: [], coaching: [] });
    await team.saveSettings('TEAM01', teamOn, { p0000000001: 1, p0000000002: 2 });
    await team.addRequests([
      { code: 'TEAM01', requestId: 'r000000000002', reviewer: 'p0000000002', reviewee: 'p0000000001', submissionId: 's2', at: 11 },
      { code: 'TEAM01', requestId: 'r000000000001', reviewer: 'p0000000001', reviewee: 'p0000000002', submissionId: 's1', at: 10 },
    ]);
    expect(await team.addReview(review('r000000000001', 'Warm greeting.'))).toBe(true);
    await team.setHidden('TEAM01', 'r000000000001', true);
    await team.addCoaching(note);
    await team.close();
    const again = await place.openTeam();
    const state = await again.load('TEAM01');
    expect(state.settings).toEqual(teamOn);
    expect(state.members).toEqual({ p0000000001: 1, p0000000002: 2 });
    expect(state.requests.map((r) => r.requestId)).toEqual(['r000000000001', 'r000000000002']);
    expect(state.reviews).toEqual([{ ...review('r000000000001', 'Warm greeting.'), hidden: true }]);
    expect(state.coaching).toEqual([note]);
    await again.close();
    await classroom.close();
  });

  it('counts a review once: a second answer to the same request is refused and the first stays', async (ctx) => {
    const { place, classroom } = await withSession(kind, ctx);
    const team = await place.openTeam();
    await team.addRequests([{ code: 'TEAM01', requestId: 'r000000000001', reviewer: 'p0000000001', reviewee: 'p0000000002', submissionId: 's1', at: 10 }]);
    // The same requests asked again (a retried write) are stored once.
    await team.addRequests([{ code: 'TEAM01', requestId: 'r000000000001', reviewer: 'p0000000001', reviewee: 'p0000000002', submissionId: 's1', at: 10 }]);
    expect(await team.addReview(review('r000000000001', 'First answer.'))).toBe(true);
    expect(await team.addReview(review('r000000000001', 'Second answer.', 25))).toBe(false);
    const state = await team.load('TEAM01');
    expect(state.requests).toHaveLength(1);
    expect(state.reviews.map((r) => r.wentWell.text)).toEqual(['First answer.']);
    await team.close();
    await classroom.close();
  });

  it('deleting a session deletes its team state, and another session’s stays', async (ctx) => {
    const { place, classroom } = await withSession(kind, ctx);
    await classroom.createSession(session('TEAM02'));
    const team = await place.openTeam();
    for (const code of ['TEAM01', 'TEAM02']) {
      await team.saveSettings(code, teamOn, { p0000000001: 1 });
      await team.addCoaching({ ...note, code });
    }
    await classroom.deleteSession('TEAM01');
    expect(await team.load('TEAM01')).toEqual({ settings: null, members: {}, requests: [], reviews: [], coaching: [] });
    expect((await team.load('TEAM02')).coaching).toHaveLength(1);
    await team.close();
    await classroom.close();
  });
});

describe('the team store shared by several instances', () => {
  it('tells another instance’s store which session changed, and not the instance that wrote it', async (ctx) => {
    const { place, classroom } = await withSession('postgres', ctx);
    const [a, b] = [await place.openTeam(), await place.openTeam()];
    if (!isSharedTeamStore(a) || !isSharedTeamStore(b)) throw new Error('the PostgreSQL team store should be shared');
    const heardByA: string[] = [];
    const heardByB: string[] = [];
    const listening = [await a.listen((code) => heardByA.push(code), () => undefined), await b.listen((code) => heardByB.push(code), () => undefined)];
    await a.saveSettings('TEAM01', teamOn, {});
    await a.addCoaching(note);
    await expect.poll(() => heardByB, { timeout: 2000 }).toEqual(['TEAM01', 'TEAM01']);
    expect(heardByA).toEqual([]);
    expect((await b.load('TEAM01')).settings).toEqual(teamOn);
    for (const l of listening) await l.close();
    await a.close();
    await b.close();
    await classroom.close();
  });
});
