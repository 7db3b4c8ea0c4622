/**
 * Worker thread: steps runs on the pure runner and reads their KPIs (the lean verdict, run-verdict.ts), so a burst of submissions is
 * replayed beside the server's event loop instead of on it. Whole submit messages can come too:
 * parsed, validated, hashed and replayed here, and answered with what the room needs and no more
 * (submission-check.ts, prepared-submission.ts). Each call learnt is warmed up (worker-warm-up.ts). Definitions arrive once each,
 * as the validated scenario data, and are compiled here.
 */
import { parentPort } from 'node:worker_threads';
import { sharedLibrary } from '../knowledge-files.ts';
import { compileScenario } from '../../scenario/compile.ts';
import type { CallVerdict } from '../../core/classroom/call-verdict.ts';
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import type { RunLog } from '../../shared/call-events.ts';
import type { FromVerdictWorker, ToVerdictWorker } from './verdict-protocol.ts';
import { checkSubmitText, safeVerdict } from './submission-check.ts';
import { warmUp } from './worker-warm-up.ts';

const definitions = new Map<string, CallDefinition>();
const definitionOf = (hash: string) => definitions.get(hash);

parentPort?.on('message', (m: ToVerdictWorker) => {
  if (m.type === 'definitions') {
    const learnt: CallDefinition[] = [];
    for (const { hash, scenario } of m.scenarios) {
      if (definitions.has(hash)) continue;
      const def = compileScenario(scenario, sharedLibrary());
      definitions.set(hash, def);
      learnt.push(def);
    }
    // After the messages already waiting (a burst's first checks may have come with the call): then the code is warmed.
    if (learnt.length > 0) setImmediate(() => learnt.forEach((def) => warmUp(def)));
    return;
  }
  if (m.type === 'checks') {
    let start = 0;
    const results = m.checks.map(({ id, end, msPerDecision }) => {
      const checked = checkSubmitText(m.bytes.subarray(start, end), definitionOf, msPerDecision);
      start = end;
      return { id, checked };
    });
    return parentPort?.postMessage({ type: 'checked', results } satisfies FromVerdictWorker);
  }
  const results = m.jobs.map(({ id, runJson }) => {
    let verdict: CallVerdict;
    try {
      const run = JSON.parse(runJson) as RunLog;
      const def = definitions.get(run.scenarioHash);
      verdict = def === undefined ? { ok: false, error: 'the scenario is not known to the checker' } : safeVerdict(def, run);
    } catch (error) {
      verdict = { ok: false, error: `the replay failed (${(error as Error).message})` };
    }
    return { id, verdict };
  });
  const answer: FromVerdictWorker = { type: 'results', results };
  parentPort?.postMessage(answer);
});
// Loaded: from now on the server sends runs here rather than checking them itself.
parentPort?.postMessage({ type: 'ready' } satisfies FromVerdictWorker);
