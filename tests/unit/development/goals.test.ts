import { describe, expect, it } from 'vitest';
import { draftGoal, MIN_CALLS, suggestGoals, targetFor, type SuggestInput } from '../../../src/core/development/suggest-goals.ts';
import { GoalSchema, NewGoalSchema, editGoal, type Goal } from '../../../src/core/development/goal-schema.ts';
import { behaviourProblem } from '../../../src/core/development/observable-behaviour.ts';
import { HANDLE_TIME_BEHAVIOURS, SECTION_BEHAVIOURS, sectionsNamedIn } from '../../../src/core/development/behaviours.ts';
import { goalProgress } from '../../../src/core/development/goal-progress.ts';
import type { FeedbackEntry } from '../../../src/core/development/feedback.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';
import { makeCard, NOW, type CardSpec } from './make-card.ts';
import { loadScenarioFile, walk } from '../../helpers/walkthrough.ts';

const strong: CardSpec = { sections: { idv: 100, discovery: 100, empathy: 100, resolution: 100, closing: 100, compliance: 100 } };
const withSection = (spec: CardSpec, patch: CardSpec['sections']): CardSpec => ({ ...spec, sections: { ...spec.sections, ...patch } });
const times = (n: number, spec: CardSpec): CardSpec[] => Array.from({ length: n }, () => spec);
const suggest = (specs: CardSpec[], extra: Partial<SuggestInput> = {}) => suggestGoals({ cards: specs.map(makeCard), now: NOW, ...extra });
const areasOf = (specs: CardSpec[], extra: Partial<SuggestInput> = {}) => suggest(specs, extra).goals.map((s) => s.goal.area);
const ALL_CURATED: string[] = [...Object.values(SECTION_BEHAVIOURS).flatMap((s) => [...s.behaviours]), ...HANDLE_TIME_BEHAVIOURS];

const feedback = (over: Partial<FeedbackEntry> = {}): FeedbackEntry => ({
  id: 'fb-1', from: 'trainer', name: 'J. Patel', text: 'You rushed past the caller’s frustration; acknowledge how they feel first.', date: '2026-11-20', source: 'typed', ...over,
});

describe('no goal from the data before 5 calls in the area', () => {
  it.each([
    [1, []], [2, []], [4, []], [5, ['listening-empathy']], [8, ['listening-empathy']],
  ] as const)('%i weak calls give %j', (n, areas) => {
    expect(areasOf(times(n, withSection(strong, { empathy: 40 })))).toEqual(areas);
  });

  it('says plainly which areas have too few calls, with the count', () => {
    const { notEnough } = suggest(times(2, strong));
    expect(notEnough.map((n) => n.area)).toContain('idv-data');
    expect(notEnough.find((n) => n.area === 'idv-data')!.message).toBe(`ID&V and data protection: not enough calls yet — 2 of the ${MIN_CALLS} calls a fair baseline needs, so no goal is suggested from the data.`);
  });

  it('sets a goal anyway when the trainee asks, marked early, with the small-sample caution', () => {
    const input: SuggestInput = { cards: times(2, withSection(strong, { empathy: 40 })).map(makeCard), now: NOW };
    const draft = draftGoal('listening-empathy', input);
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.suggestion.goal).toMatchObject({ area: 'listening-empathy', metric: 'section-empathy', baseline: 40, early: true, source: { kind: 'trainee' } });
    expect(draft.suggestion.why).toMatch(/only 2 calls, fewer than the 5/);
  });

  it.each([
    ['no call measured the area', [] as CardSpec[], /No call has measured/],
    ['the area is already at its best', times(2, strong), /already at its target/],
  ])('refuses to set one anyway when %s', (_n, specs, message) => {
    const draft = draftGoal('idv-data', { cards: specs.map(makeCard), now: NOW });
    expect(draft.ok).toBe(false);
    if (!draft.ok) expect(draft.reason).toMatch(message);
  });
});

describe('behaviours are curated, first person and transferable', () => {
  it.each(ALL_CURATED)('“%s” is specific and in the first person', (text) => {
    expect(behaviourProblem(text)).toBeNull();
    expect(text).toMatch(/^I /);
  });

  it('never copies a call’s own QA item, however often it was missed', () => {
    const spec: CardSpec = { ...withSection(strong, { empathy: 30 }), missed: { empathy: [['flood', 'Acknowledges the impact (flooded floor, a family’s washing)']] } };
    const [s] = suggest(times(5, spec)).goals;
    expect(ALL_CURATED).toContain(s!.goal.behaviour);
    expect(s!.goal.behaviour).not.toMatch(/flood/);
  });

  it.each([
    ['weak hold etiquette', withSection(strong, { 'hold-transfer': 20 }), 'section-hold-transfer'],
    ['weak closing, no hold on any call', withSection(strong, { closing: 40 }), 'section-closing'],
  ] as const)('%s gives a goal on %s', (_n, spec, metric) => {
    const [s] = suggest(times(5, spec)).goals;
    expect(s!.goal.metric).toBe(metric);
    expect(s!.goal.behaviour).toBe(SECTION_BEHAVIOURS[metric.replace('section-', '') as 'closing'].behaviours[0]);
  });

  it('offers no hold goal when no call had a hold', () => {
    const goals = suggest(times(6, withSection(strong, { closing: 60 }))).goals;
    expect(goals.map((g) => g.goal.metric)).not.toContain('section-hold-transfer');
    expect(goals.map((g) => g.goal.behaviour).join(' ')).not.toMatch(/hold/);
  });
});

describe('targets', () => {
  it.each([
    ['compliance from 0', 'section-compliance', 0, 100],
    ['compliance from 40', 'section-compliance', 40, 100],
    ['compliance from 95', 'section-compliance', 95, 100],
    ['empathy from 20', 'section-empathy', 20, 40],
    ['empathy from 68', 'section-empathy', 68, 78],
    ['empathy from 88', 'section-empathy', 88, 93],
    ['handle time at 150% of target', 'aht-ratio', 150, 125],
    ['handle time at 104% of target', 'aht-ratio', 104, 100],
    ['handle time at 180% of target', 'aht-ratio', 180, 150],
  ] as const)('%s → %i', (_n, metric, baseline, target) => {
    expect(targetFor(metric, baseline)).toBe(target);
  });

  it('a compliance goal from the data aims at 100%', () => {
    const [s] = suggest(times(5, withSection(strong, { compliance: 0 }))).goals;
    expect([s!.goal.metric, s!.goal.baseline, s!.goal.target]).toEqual(['section-compliance', 0, 100]);
    expect(s!.why).toMatch(/a legal requirement is met on every call/);
  });

  it.each([
    ['a compliance target below 100', { metric: 'section-compliance', area: 'compliance', baseline: 0, target: 20 }, /target is 100%/],
    ['an FCR floor below 75 on a handle-time goal', { metric: 'aht-ratio', area: 'control-time', baseline: 150, target: 125, fcrFloor: 70 }, /FCR floor at 75% or more/],
    ['a handle-time goal with no FCR floor', { metric: 'aht-ratio', area: 'control-time', baseline: 150, target: 125 }, /needs an FCR floor/],
  ] as const)('refuses %s', (_n, patch, message) => {
    const base = { id: 'g', behaviour: 'I give every required statement in full', deadline: { kind: 'calls', calls: 5 }, setAt: NOW, setAfterRuns: 5, basis: 'test' };
    const parsed = NewGoalSchema.safeParse({ ...base, ...patch });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join(' ')).toMatch(message);
  });
});

describe('handle time is a ratio to each call’s own target, judged on calls brought to a close', () => {
  const slow = (total: number, target: number): CardSpec => ({ ...strong, aht: total, target });
  const hungUp = (spec: CardSpec): Scorecard => ({ ...makeCard(spec), outcome: 'hung-up', fcr: { value: 'no', reason: 'hung up' } });

  it('compares calls with different targets fairly', () => {
    // 600/400 = 150%, 300/200 = 150%: the same pace against target, whatever the seconds.
    const [s] = suggest([slow(600, 400), slow(300, 200), slow(600, 400), slow(300, 200), slow(600, 400)]).goals;
    expect([s!.goal.metric, s!.goal.baseline, s!.goal.target]).toEqual(['aht-ratio', 150, 125]);
  });

  it.each([
    ['FCR at 0%', 'no', 75],
    ['FCR at 100%', 'yes', 75],
  ] as const)('the FCR floor is at least 75%% whatever the current rate (%s)', (_n, fcr, floor) => {
    // A follow-up the agent owns: the call reached a proper close but was not resolved first time.
    const card = (): Scorecard => ({ ...makeCard(slow(600, 400)), outcome: fcr === 'yes' ? 'resolved' : 'follow-up', fcr: { value: fcr, reason: 'test' } });
    const [s] = suggestGoals({ cards: [card(), card(), card(), card(), card()], now: NOW }).goals;
    expect(s!.goal.metric).toBe('aht-ratio');
    expect(s!.goal.fcrFloor).toBe(floor);
    expect(s!.why).toMatch(/FCR must stay at 75% or more/);
  });

  it('a hang-up is not counted towards handle time', () => {
    const cards = [...times(4, slow(600, 400)).map(makeCard), hungUp(slow(60, 400)), hungUp(slow(60, 400))];
    const result = suggestGoals({ cards, now: NOW });
    expect(result.goals.map((g) => g.goal.metric)).not.toContain('aht-ratio');
    expect(result.notEnough.map((n) => n.area)).not.toContain('control-time');
  });

  it('progress is judged only on calls where the goal applies', () => {
    const goal = GoalSchema.parse({
      id: 'g', area: 'control-time', metric: 'section-hold-transfer', behaviour: SECTION_BEHAVIOURS['hold-transfer'].behaviours[0],
      baseline: 40, target: 60, deadline: { kind: 'calls', calls: 2 }, setAt: NOW, setAfterRuns: 5, basis: 'test',
    });
    const run = (i: number, spec: CardSpec) => ({ id: `r${i}`, at: `2026-11-23T1${i}:00:00.000Z`, scorecard: makeCard(spec) });
    const progress = goalProgress(goal, [run(1, strong), run(2, withSection(strong, { 'hold-transfer': 80 })), run(3, strong), run(4, withSection(strong, { 'hold-transfer': 70 }))], '2026-11-23T20:00:00.000Z');
    expect(progress.evidence.map((e) => e.runId)).toEqual(['r2', 'r4']);
    expect(progress.status).toBe('achieved');
  });

  it('a hang-up is no handle-time evidence, and counts against the FCR floor, which the sentence names', () => {
    const goal = GoalSchema.parse({
      id: 'g', area: 'control-time', metric: 'aht-ratio', behaviour: HANDLE_TIME_BEHAVIOURS[0],
      baseline: 150, target: 125, fcrFloor: 75, deadline: { kind: 'calls', calls: 5 }, setAt: NOW, setAfterRuns: 5, basis: 'test',
    });
    const runs = [
      { id: 'a', at: '2026-11-23T11:00:00.000Z', scorecard: makeCard(slow(400, 400)) },
      { id: 'b', at: '2026-11-23T12:00:00.000Z', scorecard: hungUp(slow(30, 400)) },
    ];
    const progress = goalProgress(goal, runs, '2026-11-23T13:00:00.000Z');
    expect(progress.evidence.map((e) => e.runId)).toEqual(['a']);
    expect(progress.status).toBe('slipping');
    expect(progress.sentence).toBe('Slipping: from 150% of target towards 125% of target, now 100% of target; 4 calls left. FCR is 50%, below the 75% floor.');
    expect(goalProgress(goal, runs.slice(0, 1), '2026-11-23T13:00:00.000Z').status).toBe('on-track');
  });
});

describe('goals from feedback and from the trainee’s own note, each labelled', () => {
  it.each([
    ['a trainer’s feedback naming the QA area', feedback({ qaSection: 'empathy' }), 'section-empathy', 'Trainer feedback from J. Patel, 2026-11-20'],
    ['a trainer’s feedback whose words point at an area', feedback(), 'section-empathy', 'Trainer feedback from J. Patel, 2026-11-20'],
    ['a peer’s feedback about holds', feedback({ from: 'peer', name: '', text: 'Long silences on hold; check back with the caller more often.' }), 'section-hold-transfer', 'Peer feedback, 2026-11-20'],
  ] as const)('%s', (_n, entry, metric, label) => {
    const spec = withSection(strong, { empathy: 50, 'hold-transfer': 50 });
    const [s] = suggest([spec, spec], { feedback: [entry] }).goals;
    expect(s!.goal.metric).toBe(metric);
    expect(s!.goal.source).toEqual({ kind: 'feedback', label, ref: 'fb-1' });
    expect(s!.why).toContain(`From ${label}`);
    expect(s!.goal.early).toBe(true);
  });

  it('a feedback entry already turned into a goal is not offered again', () => {
    const spec = withSection(strong, { empathy: 50 });
    expect(suggest([spec], { feedback: [feedback()], usedFeedback: ['fb-1'] }).goals).toEqual([]);
  });

  it('offers a goal from the trainee’s own “to improve” note, quoting it', () => {
    const spec = withSection(strong, { closing: 50 });
    const [s] = suggest([spec], { ownNotes: [{ text: 'I forgot to recap before closing', at: '2026-11-22T09:00:00.000Z', runId: 'r1' }] }).goals;
    expect(s!.goal.source).toEqual({ kind: 'own-note', label: 'Your own note after the call on 2026-11-22', ref: 'r1' });
    expect(s!.why).toContain('“I forgot to recap before closing”');
    expect(s!.goal.behaviour).toBe(SECTION_BEHAVIOURS.closing.behaviours[0]);
  });

  it.each([
    ['I keep putting people on hold without asking', ['hold-transfer']],
    ['my ID&V questions were in the wrong order', ['idv']],
    ['nothing in particular today', []],
  ])('reads “%s” as about %j', (text, sections) => {
    expect(sectionsNamedIn(text).slice(0, sections.length)).toEqual(sections);
    if (sections.length === 0) expect(sectionsNamedIn(text)).toEqual([]);
  });

  it('puts feedback first, then the note, then the data, one goal per area, three at most', () => {
    const spec = withSection(strong, { empathy: 50, closing: 50, idv: 40, resolution: 60 });
    const goals = suggest(times(5, spec), {
      feedback: [feedback()],
      ownNotes: [{ text: 'recap before closing', at: NOW, runId: 'r5' }],
    }).goals;
    expect(goals.map((g) => g.goal.source?.kind)).toEqual(['feedback', 'own-note', 'data']);
    expect(goals.map((g) => g.goal.area)).toEqual(['listening-empathy', 'control-time', 'idv-data']);
  });

  it('suggests no second goal for an area that already has one', () => {
    expect(areasOf(times(5, withSection(strong, { empathy: 40, idv: 50 })), { activeAreas: ['listening-empathy'] })).toEqual(['idv-data']);
  });
});

describe('every suggestion is sound, over many mixes of calls', () => {
  it('passes the new-goal rules, names a curated behaviour and carries an FCR floor on handle time', () => {
    const specOf = (i: number): CardSpec => ({
      sections: { idv: (i * 37) % 101, discovery: (i * 53) % 101, empathy: (i * 71) % 101, resolution: (i * 13) % 101, closing: (i * 29) % 101, ...(i % 2 ? { 'hold-transfer': (i * 7) % 101 } : {}), compliance: (i * 89) % 101 },
      missed: { empathy: [['e', 'Be nicer']] },
      fatal: i % 9 === 0 ? ['data-before-idv'] : [],
      fcr: (['yes', 'no', 'excluded'] as const)[i % 3],
      aht: 150 + ((i * 61) % 500),
    });
    let count = 0;
    for (let n = 1; n < 60; n += 1) {
      const specs = Array.from({ length: 1 + (n % 9) }, (_, k) => specOf(n * 7 + k));
      for (const { goal } of suggest(specs, { feedback: n % 4 === 0 ? [feedback()] : [] }).goals) {
        count += 1;
        expect(NewGoalSchema.safeParse(goal).success).toBe(true);
        expect(ALL_CURATED).toContain(goal.behaviour);
        if (goal.metric === 'section-compliance') expect(goal.target).toBe(100);
        if (goal.metric === 'aht-ratio') expect(goal.fcrFloor).toBeGreaterThanOrEqual(75);
        if (goal.source?.kind === 'data') expect(goal.early).toBeUndefined();
      }
    }
    expect(count).toBeGreaterThan(30);
  });

  it('suggests a goal from real calls played through the core', () => {
    const def = loadScenarioFile('tests/unit/core/fixtures/mini-call.yaml');
    const sloppy = walk(def, ['Good morning', { idv: 'pass' }, 'I can see two', 'resume', { kb: 'duplicate-payments' }, "I'll log this", 'Bye then', { wrap: { disposition: 'general', notes: 'x' } }]).scorecard;
    const goals = suggestGoals({ cards: times(5, {}).map(() => sloppy), now: NOW }).goals;
    expect(goals.map((g) => [g.goal.metric, g.goal.baseline, g.goal.target])).toEqual([['section-notes', 0, 20], ['section-hold-transfer', 0, 20]]);
    expect(goals[1]!.goal.behaviour).toBe('I ask before I put the caller on hold, say why, and check back at least once a minute');
  });
});

describe('a goal cannot be vague', () => {
  const goal: Goal = suggest(times(5, withSection(strong, { empathy: 60 }))).goals[0]!.goal;

  it.each([
    ['get better at calls', /too vague/],
    ['Improve my empathy', /too vague/],
    ['Be more friendly', /too vague/],
    ['Empathy', /at least 4 words/],
    ['Much nicer overall on the phone', /action a listener could observe/],
  ])('refuses the behaviour “%s”', (behaviour, message) => {
    const result = editGoal(goal, { behaviour });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join(' ')).toMatch(message);
  });

  it.each([
    ['a target no better than the baseline', { target: 60 }, /higher than the baseline/],
    ['a target out of reach in one step', { target: 100 }, /not achievable/],
    ['a deadline of no calls', { deadline: { kind: 'calls', calls: 0 } }, /at least 1 call/],
    ['a deadline far away', { deadline: { kind: 'days', days: 365 } }, /within 90 days/],
  ] as const)('refuses %s', (_n, edit, message) => {
    const result = editGoal(goal, edit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join(' ')).toMatch(message);
  });

  it('accepts a specific edit and keeps the rest', () => {
    const result = editGoal(goal, { behaviour: 'I say sorry and name the problem back to the caller', target: 75, deadline: { kind: 'days', days: 14 } });
    expect(result.ok && [result.goal.target, result.goal.deadline, result.goal.metric]).toEqual([75, { kind: 'days', days: 14 }, 'section-empathy']);
  });
});
