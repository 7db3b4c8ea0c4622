/**
 * The checking worker: runs the real checker on the text being edited, off the page's thread, so
 * typing never waits for it. A "check" answers twice: first the diagnostics, the moment the checker
 * is done (what the trainer is waiting for), then the laid-out map and the test form's choices.
 * An "analyse" (slower: sample runs and surface strategies) answers with the path report.
 */
import { loadScenarioWithDetails } from '../scenario/load.ts';
import { hasErrors } from '../scenario/diagnostics.ts';
import { analyseScenario, analysisDiagnostics } from '../scenario/analyse.ts';
import { strategyDiagnostics, surfaceStrategies } from '../scenario/surface-strategies.ts';
import { graphOf } from './map-source.ts';
import { layoutReuser } from './map-layout.ts';
import { sharedKnowledge } from './shared-knowledge.ts';
import { startChoices } from './start-choices.ts';
import type { CheckRequest, WorkerAnswer } from './check-messages.ts';

/** Fewer sample runs than the command line's 1000: enough for the ranges, quick enough to redo on every pause. */
const WORKBENCH_WALKS = 300;
const WORKBENCH_STRATEGY_SEEDS = 100;

const layOut = layoutReuser();
const answer = (message: WorkerAnswer) => self.postMessage(message);

function check(request: CheckRequest): void {
  const started = performance.now();
  const loaded = loadScenarioWithDetails(request.text, request.file, sharedKnowledge());
  answer({ kind: 'checked', version: request.version, diagnostics: loaded.diagnostics, ms: performance.now() - started });
  const mapping = performance.now();
  const graph = graphOf(loaded, request.text, request.file);
  const clean = loaded.definition !== undefined && !hasErrors(loaded.diagnostics);
  const map = graph === null ? null : { graph, layout: layOut(graph), start: clean ? startChoices(loaded.definition!.scenario) : null };
  answer({ kind: 'mapped', version: request.version, map, ms: performance.now() - mapping });
}

function analyse(request: CheckRequest): void {
  const started = performance.now();
  const loaded = loadScenarioWithDetails(request.text, request.file, sharedKnowledge());
  if (loaded.definition === undefined || hasErrors(loaded.diagnostics)) {
    answer({ kind: 'analysed', version: request.version, report: null, strategies: [], warnings: [], ms: performance.now() - started });
    return;
  }
  const report = analyseScenario(loaded.definition, { walks: WORKBENCH_WALKS, ...(loaded.space === undefined ? {} : { space: loaded.space }) });
  const strategies = surfaceStrategies(loaded.definition, WORKBENCH_STRATEGY_SEEDS);
  const warnings = [...analysisDiagnostics(report, request.file, loaded.locate), ...strategyDiagnostics(strategies, request.file, loaded.locate)];
  answer({ kind: 'analysed', version: request.version, report, strategies, warnings, ms: performance.now() - started });
}

self.onmessage = (message: MessageEvent<CheckRequest>) => {
  const request = message.data;
  try {
    if (request.kind === 'check') check(request);
    else analyse(request);
  } catch (error) {
    // A fault in the checker itself: say so in the problems list rather than going quiet.
    answer({ kind: 'failed', version: request.version, message: error instanceof Error ? error.message : String(error) });
  }
};
