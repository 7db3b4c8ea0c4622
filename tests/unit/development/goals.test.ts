import { describe, expect, it } from 'vitest';
import { suggestGoals } from '../../../src/core/development/suggest-goals.ts';
import { GoalSchema, editGoal, type Goal } from '../../../src/core/development/goal-schema.ts';
import { behaviourProblem } from '../../../src/core/development/observable-behaviour.ts';
import { makeCard, NOW, type CardSpec } from './make-card.ts';
import { loadScenarioFile, walk } from '../../helpers/walkthrough.ts';

const goalsFor = (specs: CardSpec[], activeAreas: Goal['area'][] = []) =>
  suggestGoals({ cards: specs.map(makeCard), now: NOW, activeAreas });

const strong: CardSpec = { sections: { idv: 100, discovery: 100, empathy: 100, resolution: 100, closing: 100, compliance: 100 } };
const weakEmpathy: CardSpec = { ...strong, sections: { ...strong.sections, empathy: 20 }, missed: { empathy: [['ack', 'Acknowledges the caller’s frustration']] } };
const weakIdv: CardSpec = { ...strong, sections: { ...strong.sections, idv: 50 }, missed: { idv: [['ask-dob', 'Asks for the date of birth']] } };
const slow: CardSpec = { ...strong, aht: 480, target: 300 };

describe('goal suggestions', () => {
  it.each([
    ['nothing to go on', [], []],
    ['everything green gives no goal rather than a vague one', [strong, strong, strong], []],
    ['one weak area', [weakEmpathy, weakEmpathy, strong], ['listening-empathy']],
    ['weakest first, at most three', [{ ...weakIdv, sections: { ...weakIdv.sections, empathy: 10, resolution: 40 }, fcr: 'no', aht: 600 }], ['resolution', 'idv-data', 'control-time']],
    ['two weak areas, the weaker on average first', [weakEmpathy, weakIdv, weakIdv], ['idv-data', 'listening-empathy']],
  ] as const)('%s', (_n, specs, areas) => {
    expect(goalsFor([...specs] as CardSpec[]).map((s) => s.goal.area)).toEqual(areas);
  });

  it('makes up two with a stretch goal from a green area that has room left', () => {
    const nearlyIdv: CardSpec = { ...weakEmpathy, sections: { ...weakEmpathy.sections, idv: 95 } };
    const goals = goalsFor([nearlyIdv]);
    expect(goals.map((g) => [g.goal.area, g.goal.baseline, g.goal.target])).toEqual([['listening-empathy', 60, 75], ['idv-data', 95, 100]]);
    expect(goals[1]!.why).toMatch(/already green, so this is a stretch goal/);
  });

  it('looks at the recent window, not just the last call', () => {
    const goals = goalsFor([weakEmpathy, weakEmpathy, weakEmpathy, weakEmpathy, strong]);
    expect(goals.map((g) => g.goal.area)).toEqual(['listening-empathy']);
    expect(goals[0]!.goal.basis).toBe('your last 5 calls');
    // listening averaged (60×4 + 100)/5 = 68
    expect(goals[0]!.goal.baseline).toBe(68);
  });

  it('forgets runs older than the window', () => {
    expect(goalsFor([weakEmpathy, strong, strong, strong, strong, strong])).toEqual([]);
  });

  it('takes the behaviour from the QA item actually missed, with its count', () => {
    const [s] = goalsFor([weakIdv, weakIdv, strong]);
    expect(s!.goal.behaviour).toBe('Asks for the date of birth, on every call');
    expect(s!.why).toMatch(/missed on 2 of 3 calls/);
  });

  it('falls back to the area’s concrete behaviour when the missed item names no observable action', () => {
    const vagueItem: CardSpec = { ...strong, sections: { ...strong.sections, empathy: 0 }, missed: { empathy: [['x', 'Good rapport']] } };
    expect(goalsFor([vagueItem])[0]!.goal.behaviour).toMatch(/^Acknowledge the caller’s feelings/);
  });

  it.each([
    [20, 40], [50, 70], [68, 78], [80, 85], [88, 93],
  ])('a baseline of %i gets an achievable target of %i', (score, target) => {
    const [s] = goalsFor([{ sections: { empathy: score } }]);
    expect([s!.goal.baseline, s!.goal.target]).toEqual([score, target]);
  });

  it('every goal has a deadline in calls', () => {
    for (const s of goalsFor([weakEmpathy, weakIdv])) expect(s.goal.deadline).toEqual({ kind: 'calls', calls: 5 });
  });

  it('a handle-time goal always carries an FCR floor from the trainee’s own FCR', () => {
    const [s] = goalsFor([slow, slow, { ...slow, fcr: 'no' }, slow]);
    expect(s!.goal.metric).toBe('aht-seconds');
    expect(s!.goal.baseline).toBe(480);
    expect(s!.goal.target).toBe(410);
    expect(s!.goal.fcrFloor).toBe(75);
    expect(s!.why).toMatch(/FCR must stay at 75% or more/);
  });

  it('suggests no second goal for an area that already has one', () => {
    expect(goalsFor([weakEmpathy, weakIdv], ['listening-empathy']).map((s) => s.goal.area)).toEqual(['idv-data']);
  });

  it('never generates a vague goal, over many mixes of runs', () => {
    const sectionsOf = (i: number): CardSpec => ({
      sections: { idv: (i * 37) % 101, discovery: (i * 53) % 101, empathy: (i * 71) % 101, resolution: (i * 13) % 101, closing: (i * 29) % 101, 'hold-transfer': (i * 7) % 101, compliance: (i * 89) % 101 },
      missed: { empathy: [['e', i % 2 ? 'Be nicer' : 'Apologises for the wait']], resolution: [['r', 'Get better at calls']] },
      fatal: i % 9 === 0 ? ['data-before-idv'] : [],
      fcr: (['yes', 'no', 'excluded'] as const)[i % 3],
      aht: 150 + ((i * 61) % 500),
    });
    let count = 0;
    for (let n = 1; n < 60; n += 1) {
      const specs = Array.from({ length: 1 + (n % 7) }, (_, k) => sectionsOf(n * 7 + k));
      for (const { goal } of goalsFor(specs)) {
        count += 1;
        expect(GoalSchema.safeParse(goal).success).toBe(true);
        expect(behaviourProblem(goal.behaviour)).toBeNull();
        expect(goal.behaviour.toLowerCase()).not.toContain('get better');
        expect(goal.target).not.toBe(goal.baseline);
        if (goal.metric === 'aht-seconds') expect(goal.fcrFloor).toBeTypeOf('number');
      }
    }
    expect(count).toBeGreaterThan(50);
  });

  it('suggests a goal from real calls played through the core', () => {
    const def = loadScenarioFile('tests/unit/core/fixtures/mini-call.yaml');
    const sloppy = walk(def, ['Good morning', { idv: 'pass' }, 'I can see two', 'resume', { kb: 'duplicate-payments' }, "I'll log this", 'Bye then', { wrap: { disposition: 'general', notes: 'x' } }]).scorecard;
    const [s] = suggestGoals({ cards: [sloppy, sloppy], now: NOW });
    expect(s!.goal.area).toBe('control-time');
    expect(s!.goal.behaviour).toMatch(/^(Checks back|Recaps)/);
  });
});

describe('a goal cannot be vague', () => {
  const goal = goalsFor([weakEmpathy])[0]!.goal;

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
    const result = editGoal(goal, { behaviour: 'Say sorry and name the problem back to the caller', target: 75, deadline: { kind: 'days', days: 14 } });
    expect(result.ok && [result.goal.target, result.goal.deadline, result.goal.metric]).toEqual([75, { kind: 'days', days: 14 }, 'listening-empathy'.replace(/^/, 'area-')]);
  });

  it('refuses a handle-time goal without an FCR floor', () => {
    const aht = goalsFor([slow])[0]!.goal;
    const { fcrFloor: _drop, ...rest } = aht;
    expect(GoalSchema.safeParse(rest).error?.issues[0]?.message).toMatch(/FCR floor/);
  });
});
