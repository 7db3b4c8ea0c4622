/**
 * The server's lean verdict (pure runner, KPIs only) must give the figures the full scoring gives
 * the trainee's results screen, and refuse the same logs: seeded random play over every shipped
 * call, finished runs, runs cut short, runs with an event that was not on offer, and runs that go
 * on after the call ended.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../helpers/walkthrough.ts';
import { CallSession } from '../../../src/core/engine/call-session.ts';
import { scoreRun } from '../../../src/core/scoring/score.ts';
import { kpisOf } from '../../../src/core/classroom/call-kpis.ts';
import { candidateEvents } from '../../../src/scenario/call-moves.ts';
import { mulberry32 } from '../../../src/scenario/seeded-random.ts';
import { runVerdict } from '../../../src/server/verify/run-verdict.ts';
import type { CallDefinition } from '../../../src/core/engine/call-definition.ts';
import type { RunLog } from '../../../src/shared/call-events.ts';

function randomRun(def: CallDefinition, seed: number): RunLog {
  const random = mulberry32(seed);
  const session = new CallSession(def, seed);
  for (let i = 0; i < 300 && !session.over; i++) {
    const options = candidateEvents(def, String(session.snapshot.value), session.snapshot.context, { wrapUp: true });
    if (options.length === 0) break;
    const start = Math.floor(random() * options.length);
    if (![...options.slice(start), ...options.slice(0, start)].some((e) => session.send(e))) break;
  }
  return session.runLog();
}

const expectSameVerdict = (def: CallDefinition, run: RunLog) => {
  const full = scoreRun(def, run);
  const lean = runVerdict(def, run);
  if (full.ok) expect(lean).toEqual({ ok: true, kpis: kpisOf(full.scorecard) });
  else expect(lean).toEqual({ ok: false, error: full.error });
};

const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();

describe('the lean verdict agrees with full scoring', () => {
  it.each(files)('%s: same KPIs and same refusals over seeded random runs', (file) => {
    const def = loadScenarioFile(`scenarios/${file}`);
    let finished = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const run = randomRun(def, seed * 7919 + file.length);
      expectSameVerdict(def, run);
      if (runVerdict(def, run).ok) finished++;
      // Cut short, a stray event in the middle, and an event after the end.
      expectSameVerdict(def, { ...run, events: run.events.slice(0, Math.max(1, run.events.length >> 1)) });
      expectSameVerdict(def, { ...run, events: [...run.events.slice(0, 2), { type: 'agent.choose', index: 9 }, ...run.events.slice(2)] });
      expectSameVerdict(def, { ...run, events: [...run.events, { type: 'agent.choose', index: 0 }] });
    }
    expect(finished, 'some random runs finish the call').toBeGreaterThan(0);
  });

  it('refuses a run for another scenario or another version, as scoring does', () => {
    const def = loadScenarioFile(`scenarios/${files[0]!}`);
    const run = randomRun(def, 5);
    expectSameVerdict(def, { ...run, scenarioId: 'someone-else' });
    expectSameVerdict(def, { ...run, scenarioHash: 'f'.repeat(64) });
    expect(runVerdict(def, { ...run, scenarioHash: 'f'.repeat(64) }).ok).toBe(false);
  });
});
