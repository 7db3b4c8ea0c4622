import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../helpers/walkthrough.ts';
import { CallSession } from '../../../src/core/engine/call-session.ts';
import { defaultStartPoint, startFrom } from '../../../src/core/engine/start-from.ts';
import { scoreRun } from '../../../src/core/scoring/score.ts';

const def = loadScenarioFile('scenarios/billing-double-charge.yaml');

function sessionFrom(point: Parameters<typeof startFrom>[1]): CallSession {
  const started = startFrom(def, point);
  if (!started.ok) throw new Error(started.error);
  const session = new CallSession(started.definition, 7);
  session.send({ type: 'call.answer' });
  return session;
}

describe('starting a call from a chosen step', () => {
  it('answers straight into the chosen step with the chosen mood, patience, time and ID&V', () => {
    const session = sessionFrom({ ...defaultStartPoint(def, 'recap'), mood: -4, patience: 35, idv: 'passed', elapsed: 240 });
    const view = session.view();
    expect(view.nodeId).toBe('recap');
    expect(view.mood).toBe(-4);
    expect(view.patience).toBe(35);
    expect(view.idvState).toBe('passed');
    expect(view.clock.talk).toBe(240);
  });

  it('keeps chosen values inside the scale a call uses', () => {
    const view = sessionFrom({ ...defaultStartPoint(def, 'recap'), mood: -20, patience: 250, elapsed: -10 }).view();
    expect(view.mood).toBe(-5);
    expect(view.patience).toBe(100);
    expect(view.clock.talk).toBe(0);
  });

  it('offers the choices the chosen flags unlock, and hides those they rule out', () => {
    const says = (flags: string[]) => sessionFrom({ ...defaultStartPoint(def, 'recap'), flags, idv: 'passed' }).view().choices.map((c) => c.say);
    expect(says(['complaint-logged']).some((s) => s.includes('complaint reference is CMP-20417'))).toBe(true);
    expect(says([]).some((s) => s.includes('complaint reference is CMP-20417'))).toBe(false);
  });

  it('plays on to an ending and scores against the started definition', () => {
    const started = startFrom(def, { ...defaultStartPoint(def, 'recap'), flags: ['complaint-logged'], idv: 'passed' });
    if (!started.ok) throw new Error(started.error);
    const session = new CallSession(started.definition, 3);
    session.send({ type: 'call.answer' });
    const recap = session.view().choices.find((c) => c.say.includes('CMP-20417'))!;
    expect(session.send({ type: 'agent.choose', index: recap.index })).toBe(true);
    const code = session.view().wrapup!.dispositions[0]!.code;
    expect(session.send({ type: 'wrap.submit', disposition: code, notes: 'Refunded the duplicate, complaint CMP-20417 logged.' })).toBe(true);
    const scored = scoreRun(started.definition, session.runLog());
    expect(scored.ok).toBe(true);
    // The same log cannot be played on the call from its real start.
    expect(scoreRun(def, session.runLog()).ok).toBe(false);
  });

  it('refuses an unknown step or an ending with a message, and leaves the original call alone', () => {
    const unknown = startFrom(def, defaultStartPoint(def, 'no-such-step'));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toContain('no-such-step');
    const ending = startFrom(def, defaultStartPoint(def, 'end-resolved'));
    expect(ending.ok).toBe(false);
    const original = new CallSession(def, 1);
    original.send({ type: 'call.answer' });
    expect(original.view().nodeId).toBe(def.scenario.start);
  });
});
