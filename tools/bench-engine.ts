/**
 * `npm run bench:engine`: figures for the scenario pipeline and call engine on one generated
 * 300-step call — validate + compile time, replay of a ~40-event run (median, µs per step), path
 * analysis time, and the same replay as a bare table walk (the floor).
 */
import { candidateEvents } from '../src/scenario/call-moves.ts';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { generatedScenario } from './bench/generated-scenario.ts';
import { tableWalk } from './bench/table-walk.ts';
import { compileScenario } from '../src/scenario/compile.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { analyseScenario, formatPathReport } from '../src/scenario/analyse.ts';
import { CallSession } from '../src/core/engine/call-session.ts';
import { replay } from '../src/core/engine/replay.ts';
import { score } from '../src/core/scoring/score.ts';
import type { CallEvent } from '../src/shared/call-events.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeMany(times: number, fn: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

const scenario = generatedScenario(300);
const text = stringify(scenario);
const loaded = loadScenario(text, 'generated-300.yaml');
if (loaded.definition === undefined) {
  console.error(loaded.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'));
  process.exit(1);
}
const def = loaded.definition;

// A run of about 40 events: answer, mostly the 8-step shortcut, through ID&V, holds and look-ups, wrap-up.
const session = new CallSession(def, 1);
session.send({ type: 'call.answer' });
while (!session.over) {
  const view = session.view();
  const moves = candidateEvents(def, String(session.snapshot.value), session.snapshot.context, { wrapUp: false });
  const event: CallEvent =
    view.phase === 'talk' ? { type: 'agent.choose', index: view.choices.some((c) => c.index === 2) ? 2 : view.choices[0]!.index }
    : view.phase === 'hold' ? { type: 'hold.resume' }
    : view.phase === 'wrapup' ? { type: 'wrap.submit', disposition: 'done', notes: 'ref 123' }
    : moves[0]!;
  if (!session.send(event)) throw new Error(`bench run stuck at ${view.nodeId}`);
}
const events = [...session.events];
const run = session.runLog();

// Warm up, then measure.
timeMany(200, () => replay(def, events));
const loadTimes = timeMany(15, () => loadScenario(text, 'generated-300.yaml'));
const compileTimes = timeMany(15, () => compileScenario(scenario));
const replayTimes = timeMany(2000, () => replay(def, events));
const scoreTimes = timeMany(500, () => score(def, run));
timeMany(2000, () => tableWalk(scenario, events));
const walkTimes = timeMany(20000, () => tableWalk(scenario, events));
const analyseTimes = timeMany(3, () => analyseScenario(def));
const report = analyseScenario(def);

const ms = (x: number) => `${x.toFixed(2)} ms`;
const us = (x: number) => `${(x * 1000).toFixed(2)} µs`;
console.log(`generated scenario: ${Object.keys(scenario.nodes).length} steps, ${(text.length / 1024).toFixed(0)} KiB of YAML`);
console.log(`parse + validate + compile: median ${ms(median(loadTimes))} (compile alone ${ms(median(compileTimes))}; goal < 50 ms)`);
console.log(`replay of a ${events.length}-event run: median ${ms(median(replayTimes))} = ${us(median(replayTimes) / events.length)} a step (goal < 0.5 ms a run)`);
console.log(`score (replay + scorecard + key moments + transcript): median ${ms(median(scoreTimes))}`);
console.log(`bare table walk of the same run (the floor): median ${us(median(walkTimes))} = ${us(median(walkTimes) / events.length)} a step`);
console.log(`path analysis: median ${ms(median(analyseTimes))} — ${formatPathReport(report)}`);
