/**
 * The server's verdict on a submitted run, on the pure runner: the call's own guards and actions
 * stepped as a table (no XState actor, no snapshots kept), then the four KPIs the leaderboard needs
 * read with the same scoring rules the results screen uses (the QA number without building its
 * card). No transcript, key moments or per-step records: the debrief works out a call's mistakes later, off the submission path.
 * A test holds its figures and refusals equal to the full `scoreRun` on every shipped call.
 */
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import type { CallVerdict } from '../../core/classroom/call-verdict.ts';
import { firstContactResolution } from '../../core/scoring/fcr.ts';
import { csatRating } from '../../core/scoring/csat.ts';
import { qaScore } from '../../core/scoring/qa-score.ts';
import type { CallEvent, RunLog } from '../../shared/call-events.ts';
import { ConfigRunner } from '../../scenario/config-runner.ts';

/** One runner per compiled call: it only reads the machine's config, so it is shared by every run. */
const runners = new WeakMap<CallDefinition, ConfigRunner>();

function runnerFor(def: CallDefinition): ConfigRunner {
  let runner = runners.get(def);
  if (runner === undefined) {
    runner = new ConfigRunner(def);
    runners.set(def, runner);
  }
  return runner;
}

function describeEvent(event: CallEvent): string {
  if (event.type === 'agent.choose') return `choice ${event.index + 1}`;
  if (event.type === 'agent.idv') return `ID&V ${event.verdict}`;
  if (event.type === 'wrap.submit') return `wrap-up "${event.disposition}"`;
  return event.type;
}

export function runVerdict(def: CallDefinition, run: RunLog): CallVerdict {
  const { scenario } = def;
  if (run.scenarioId !== scenario.id) return { ok: false, error: `the run is for scenario "${run.scenarioId}", not "${scenario.id}"` };
  if (run.scenarioHash !== def.hash) return { ok: false, error: 'the run was played on a different version of this scenario' };
  // One working copy of the context for the whole run (the runner's in-place stepping).
  const state = runnerFor(def).run(runnerFor(def).initial(), run.events);
  if ('refused' in state) {
    const i = state.refused;
    const event = run.events[i]!;
    if (state.state.done) return { ok: false, error: `event ${i + 1} (${describeEvent(event)}) comes after the call was over` };
    return { ok: false, error: `event ${i + 1} (${describeEvent(event)}) is not possible at step "${state.state.value}"` };
  }
  if (!state.done) return { ok: false, error: `the call is not finished (it stopped at "${state.value}")` };
  const context = state.context;
  const ending = context.endingNode === null ? undefined : scenario.nodes[context.endingNode];
  return {
    ok: true,
    kpis: {
      scenarioId: scenario.id,
      qa: qaScore(scenario, context),
      fatal: context.breaches.length > 0,
      fcr: firstContactResolution(context).value,
      csatStars: csatRating(context, ending?.type === 'ending' ? ending.comment : undefined).stars,
      ahtTotal: context.talk + context.hold + context.wrap,
      ahtTarget: scenario.targets.ahtSeconds,
      timed: scenario.targets.untimed !== true,
    },
  };
}
