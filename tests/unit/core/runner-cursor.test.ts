import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../helpers/walkthrough.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import type { CallEvent } from '../../../src/shared/call-events.ts';

const def = loadScenarioFile('scenarios/billing-double-charge.yaml');
const opening: CallEvent[] = [{ type: 'call.answer' }, { type: 'agent.choose', index: 0 }];

describe('the runner cursor (one working context, stepped in place)', () => {
  it('keeps a copied-out state as it was while it steps on', () => {
    const runner = new ConfigRunner(def);
    const cursor = runner.cursor();
    expect(cursor.take(opening[0]!)).toBe(true);
    const kept = cursor.state();
    const talkBefore = kept.context.talk;
    expect(cursor.take(opening[1]!)).toBe(true);
    expect(kept.context.talk).toBe(talkBefore);
    expect(cursor.context.talk).toBeGreaterThan(talkBefore);
    expect(cursor.value).not.toBe(kept.value);
  });

  it('leaves everything as it was when the call cannot take an event', () => {
    const cursor = new ConfigRunner(def).cursor();
    cursor.take(opening[0]!);
    const before = cursor.state();
    expect(cursor.take({ type: 'agent.choose', index: 99 })).toBe(false);
    expect(cursor.state()).toEqual(before);
  });

  it('goes back to a given state without writing into it, and steps on from there as send() does', () => {
    const runner = new ConfigRunner(def);
    const start = runner.initial();
    const startContext = structuredClone(start.context);
    const cursor = runner.cursor(start);
    for (const event of opening) cursor.take(event);
    cursor.reset(start);
    expect(cursor.value).toBe(start.value);
    for (const event of opening) cursor.take(event);
    expect(start.context).toEqual(startContext);
    const sent = opening.reduce((state, event) => runner.send(state, event)!, start);
    expect(cursor.state()).toEqual(sent);
  });
});
