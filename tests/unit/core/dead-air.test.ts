import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk } from '../../helpers/walkthrough.ts';
import { CallSession } from '../../../src/core/engine/call-session.ts';
import { replay } from '../../../src/core/engine/replay.ts';
import { score, scoreRun } from '../../../src/core/scoring/score.ts';
import type { CallEvent, RunLog } from '../../../src/shared/call-events.ts';
import { RunLogSchema } from '../../../src/shared/call-events.ts';

const def = loadScenarioFile('tests/unit/core/fixtures/mini-call.yaml');
const NOTES = 'Refund of duplicate done, reference C-1001';
const plan = ['good morning', { idv: 'pass' as const }, "I'll log this", "So that's the refund", { wrap: { disposition: 'billing-refund', notes: NOTES } }];
const untimed = walk(def, plan);
const silence = (seconds: number): CallEvent => ({ type: 'line.silence', seconds });
const log = (events: readonly CallEvent[], pace?: 'live'): RunLog => ({ scenarioId: def.scenario.id, scenarioHash: def.hash, seed: 1, events: [...events], ...(pace ? { pace } : {}) });

describe('live pace: dead air in the run log', () => {
  const [answer, ...rest] = untimed.events;
  const live = log([answer!, silence(5), silence(3), ...rest], 'live');
  const result = scoreRun(def, live);
  if (!result.ok) throw new Error(result.error);
  const card = result.scorecard;

  it('counts the silence as talk time and shows it as dead air on a card marked live', () => {
    expect(card.aht.talk).toBe(untimed.scorecard.aht.talk + 8);
    expect(card.aht.deadAir).toBe(8);
    expect(card.pace).toBe('live');
    expect(RunLogSchema.parse(live)).toEqual(live);
  });

  it('the silence costs the caller patience and mood, and is a moment in the transcript', () => {
    const after = replay(def, live.events.slice(0, 3));
    const before = replay(def, live.events.slice(0, 1));
    if (!after.ok || !before.ok) throw new Error('replay failed');
    expect(after.snapshot.context.patience).toBe(before.snapshot.context.patience - 8);
    expect(after.snapshot.context.mood).toBe(before.snapshot.context.mood - 1);
    expect(result.transcript.filter((t) => t.text.startsWith('(silence on the line')).map((t) => t.text)).toEqual(['(silence on the line: 5 s)', '(silence on the line: 3 s)']);
  });

  it('the live session and the replay of its log give the same score', () => {
    const session = new CallSession(def, 1, 'live');
    for (const event of live.events) expect(session.send(event)).toBe(true);
    const run = session.runLog();
    expect(run.pace).toBe('live');
    expect(score(def, run)).toEqual({ ok: true, scorecard: card });
  });

  it('an untimed run is scored exactly as before: no pace, no dead air', () => {
    expect(untimed.scorecard.pace).toBeUndefined();
    expect(untimed.scorecard.aht.deadAir).toBeUndefined();
    expect(new CallSession(def, 1).runLog().pace).toBeUndefined();
  });

  it('silence cannot be logged before the call is answered or after it has ended', () => {
    expect(replay(def, [silence(5)]).ok).toBe(false);
    expect(replay(def, [...untimed.events, silence(5)]).ok).toBe(false);
  });

  it('enough dead air and the caller hangs up', () => {
    const session = new CallSession(def, 1, 'live');
    session.send({ type: 'call.answer' });
    for (let i = 0; i < 20 && session.view().phase !== 'wrapup'; i += 1) session.send(silence(5));
    expect(session.view().phase).toBe('wrapup');
    expect(session.view().wrapup?.outcome).toBe('hung-up');
  });
});
