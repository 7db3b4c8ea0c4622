import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { checkFeedback, readFeedbackFile } from '../../../src/core/development/feedback.ts';
import { callHeadline, fatalTimes, handleTimeVerdict } from '../../../src/core/development/call-story.ts';
import { measureArea } from '../../../src/core/development/measure-areas.ts';
import { shiftSummaries } from '../../../src/core/development/shifts.ts';
import { ENTRY_CRITERIA } from '../../../src/core/development/criteria.ts';
import { suggestInputFrom } from '../../../src/core/development/suggest-input.ts';
import { emptyRecord } from '../../../src/core/development/trainee-record.ts';
import { CURRICULUM } from '../../../src/core/model/curriculum.ts';
import { IndexedDbDevelopmentStore } from '../../../src/storage/development-store.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';
import { makeCard } from './make-card.ts';

let n = 0;
const id = (): string => `f${++n}`;

describe('received feedback', () => {
  it.each([
    ['a trainer’s note about a QA area', { from: 'trainer', name: 'J. Patel', text: 'Check back more often on hold.', qaSection: 'hold-transfer', date: '2026-11-20' }, null],
    ['a peer’s note with no area', { from: 'peer', text: 'You stayed calm with an angry caller.', date: '2026-11-21' }, null],
    ['a one-word note', { from: 'peer', text: 'Good', date: '2026-11-21' }, /at least a sentence/],
    ['a date that is not a date', { from: 'trainer', text: 'Check back more often on hold.', date: 'last week' }, /YYYY-MM-DD/],
  ] as const)('%s', (_n, input, problem) => {
    const r = checkFeedback({ id: id(), ...input });
    if (problem === null) expect(r.ok && r.value.source).toBe('typed');
    else expect(!r.ok && r.problems.join(' ')).toMatch(problem);
  });

  it('imports a file entry by entry: good ones in, bad ones reported', () => {
    const file = JSON.stringify({ format: 'hold-the-line/feedback', feedback: [
      { from: 'trainer', name: 'Sam', text: 'Recap the next steps before you close.', qaSection: 'closing', date: '2026-11-19' },
      { from: 'boss', text: 'Nope, not a known giver.', date: '2026-11-19' },
    ] });
    const r = readFeedbackFile(file, id);
    expect(r.ok && r.entries.map((e) => [e.from, e.qaSection, e.source])).toEqual([['trainer', 'closing', 'imported']]);
    expect(r.ok && r.problems).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['a development export', '{"format":"hold-the-line/development","feedback":[]}', /not a feedback file/],
  ])('refuses %s', (_n, text, message) => {
    const r = readFeedbackFile(text, id);
    expect(!r.ok && r.message).toMatch(message);
  });

  it('is stored beside runs and goals, and an older database is upgraded to hold it', async () => {
    const factory = new IDBFactory();
    const store = await IndexedDbDevelopmentStore.open(factory);
    const entry = checkFeedback({ id: 'fb', from: 'trainer', text: 'Acknowledge feelings first.', date: '2026-11-20' });
    if (!entry.ok) throw new Error('bad fixture');
    await store.saveFeedback(entry.value);
    store.close();
    const again = await IndexedDbDevelopmentStore.open(factory);
    expect((await again.load()).record.feedback.map((f) => f.id)).toEqual(['fb']);
  });
});

describe('one story per call', () => {
  const card = (over: Partial<Scorecard>, spec = {}): Scorecard => ({ ...makeCard(spec), ...over });
  it.each([
    ['resolved and quick', card({ outcome: 'resolved' }, { aht: 200, target: 300 }), 'within'],
    ['resolved and slow', card({ outcome: 'resolved' }, { aht: 400, target: 300 }), 'over'],
    ['a hang-up, however quick', card({ outcome: 'hung-up' }, { aht: 60, target: 300 }), 'not-judged'],
    ['left unresolved', card({ outcome: 'unresolved' }, { aht: 60, target: 300 }), 'not-judged'],
    ['a fatal breach', card({ outcome: 'resolved' }, { aht: 60, target: 300, fatal: ['card-read-back'] }), 'not-judged'],
  ] as const)('handle time on %s is %s', (_n, c, kind) => {
    expect(handleTimeVerdict(c).kind).toBe(kind);
  });

  it('a hang-up earns no call-control credit for its short handle time (calibration compares like with like)', () => {
    const quickHangUp = card({ outcome: 'hung-up' }, { aht: 60, target: 300, sections: { closing: 40 } });
    expect(measureArea(quickHangUp, 'control-time').score).toBe(40);
    expect(measureArea(card({ outcome: 'resolved' }, { aht: 60, target: 300, sections: { closing: 40 } }), 'control-time').score).toBe(70);
  });

  it('times a fatal breach where its key moment does, and leads the headline with it', () => {
    const c = card({ keyMoments: [{ at: 27, step: 4, text: 'You read the card back. breach card-read-back: a fatal error.', impact: -100 }] }, { fatal: ['card-read-back'] });
    expect(fatalTimes(c).map((f) => f.at)).toEqual([27]);
    expect(callHeadline(c)).toEqual({ tone: 'bad', text: 'Failed on compliance: breach card-read-back. A real audit would fail this call whatever the customer felt.' });
  });

  it.each([
    ['hung-up', 'bad', /hung up/],
    ['unresolved', 'bad', /left unmet/],
    ['resolved', 'mixed', /QA 85% \(amber\)/],
  ] as const)('headline for a %s call', (outcome, tone, text) => {
    const h = callHeadline(card({ outcome }));
    expect(h.tone).toBe(tone);
    expect(h.text).toMatch(text);
  });
});

describe('the portfolio’s summaries and references', () => {
  it('summarises each day’s calls as a shift, judging handle time only on closed calls', () => {
    const at = (h: number) => `2026-11-23T${String(h).padStart(2, '0')}:00:00.000Z`;
    const shifts = shiftSummaries([
      { at: at(9), scorecard: makeCard({ aht: 200, target: 300 }) },
      { at: at(10), scorecard: { ...makeCard({ aht: 60, target: 300, fcr: 'no' }), outcome: 'hung-up' } },
      { at: '2026-11-24T09:00:00.000Z', scorecard: makeCard({ aht: 400, target: 300 }) },
    ]);
    expect(shifts.map((s) => [s.date, s.calls, s.fcrRate, s.withinTarget, s.judged])).toEqual([['2026-11-23', 2, 50, 1, 1], ['2026-11-24', 1, 100, 0, 1]]);
  });

  it('maps every kind of entry to references that exist in the unit', () => {
    for (const refs of Object.values(ENTRY_CRITERIA)) for (const r of refs) expect(CURRICULUM[r]).toBeTypeOf('string');
  });
});


describe('the suggester reads the whole record', () => {
  it('passes feedback, the trainee’s own notes, active areas and feedback already used', () => {
    const fb = checkFeedback({ id: 'fb-used', from: 'peer', text: 'Recap the next steps before you close.', date: '2026-11-20' });
    if (!fb.ok) throw new Error('bad fixture');
    const run = (id: string, toImprove: string) => ({
      id, at: `2026-11-2${id.length}T09:00:00.000Z`, scenarioTitle: 't', run: { scenarioId: 'test', scenarioHash: '0'.repeat(64), seed: 0, events: [] },
      scorecard: makeCard(), reflection: null,
      rating: { ratings: { 'idv-data': 3, 'listening-empathy': 3, resolution: 3, 'control-time': 3, compliance: 3 }, wentWell: '', toImprove, at: '2026-11-20T09:00:00.000Z' },
    });
    const goal = {
      goal: { id: 'g', area: 'control-time' as const, metric: 'section-closing' as const, behaviour: 'I recap what was agreed before I close the call', baseline: 40, target: 60,
        deadline: { kind: 'calls' as const, calls: 5 }, setAt: '2026-11-20T09:00:00.000Z', setAfterRuns: 1, basis: 'b', source: { kind: 'feedback' as const, label: 'l', ref: 'fb-used' } },
      state: 'active' as const, acceptedAt: '2026-11-20T09:00:00.000Z', reviews: [],
    };
    const input = suggestInputFrom({ ...emptyRecord(), runs: [run('r', ''), run('rr', 'I talk over the caller')], goals: [goal], feedback: [fb.value] }, '2026-11-25T09:00:00.000Z');
    expect(input.activeAreas).toEqual(['control-time']);
    expect(input.usedFeedback).toEqual(['fb-used']);
    expect(input.ownNotes).toEqual([{ text: 'I talk over the caller', at: '2026-11-22T09:00:00.000Z', runId: 'rr' }]);
    expect(input.feedback).toHaveLength(1);
  });

  it('imports feedback through the store, adding only what is new', async () => {
    const store = await IndexedDbDevelopmentStore.open(new IDBFactory());
    const fb = checkFeedback({ id: 'fb-a', from: 'trainer', text: 'Give the recording statement first.', qaSection: 'compliance', date: '2026-11-20' });
    if (!fb.ok) throw new Error('bad fixture');
    expect(await store.importEntries({ runs: [], goals: [], feedback: [fb.value] })).toEqual({ runs: 0, goals: 0, feedback: 1 });
    expect(await store.importEntries({ runs: [], goals: [], feedback: [fb.value] })).toEqual({ runs: 0, goals: 0, feedback: 0 });
  });
});
