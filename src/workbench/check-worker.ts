/**
 * The checking worker: runs the real checker on the text being edited, off the page's thread, so
 * typing never waits for it. A "check" answers with the diagnostics and the laid-out map; an
 * "analyse" (slower: sample runs and surface strategies) answers with the path report.
 */
import { loadScenarioWithDetails } from '../scenario/load.ts';
import { hasErrors } from '../scenario/diagnostics.ts';
import { analyseScenario, analysisDiagnostics } from '../scenario/analyse.ts';
import { strategyDiagnostics, surfaceStrategies } from '../scenario/surface-strategies.ts';
import { mapSource } from './map-source.ts';
import { layOut } from './map-layout.ts';
import { sharedKnowledge } from './shared-knowledge.ts';
import { startChoices } from './start-choices.ts';
import type { CheckRequest, WorkerAnswer } from './check-messages.ts';

/** Fewer sample runs than the command line's 1000: enough for the ranges, quick enough to redo on every pause. */
const WORKBENCH_WALKS = 300;
const WORKBENCH_STRATEGY_SEEDS = 100;

function check(request: CheckRequest): WorkerAnswer {
  const started = performance.now();
  const { loaded, graph } = mapSource(request.text, request.file, sharedKnowledge());
  const clean = loaded.definition !== undefined && !hasErrors(loaded.diagnostics);
  const map = graph === null ? null : { graph, layout: layOut(graph), start: clean ? startChoices(loaded.definition!.scenario) : null };
  return { kind: 'checked', version: request.version, diagnostics: loaded.diagnostics, map, ms: performance.now() - started };
}

function analyse(request: CheckRequest): WorkerAnswer {
  const started = performance.now();
  const loaded = loadScenarioWithDetails(request.text, request.file, sharedKnowledge());
  if (loaded.definition === undefined || hasErrors(loaded.diagnostics)) {
    return { kind: 'analysed', version: request.version, report: null, strategies: [], warnings: [], ms: performance.now() - started };
  }
  const report = analyseScenario(loaded.definition, { walks: WORKBENCH_WALKS, ...(loaded.space === undefined ? {} : { space: loaded.space }) });
  const strategies = surfaceStrategies(loaded.definition, WORKBENCH_STRATEGY_SEEDS);
  const warnings = [...analysisDiagnostics(report, request.file, loaded.locate), ...strategyDiagnostics(strategies, request.file, loaded.locate)];
  return { kind: 'analysed', version: request.version, report, strategies, warnings, ms: performance.now() - started };
}

self.onmessage = (message: MessageEvent<CheckRequest>) => {
  const request = message.data;
  try {
    self.postMessage(request.kind === 'check' ? check(request) : analyse(request));
  } catch (error) {
    // A fault in the checker itself: say so in the problems list rather than going quiet.
    self.postMessage({ kind: 'failed', version: request.version, message: error instanceof Error ? error.message : String(error) } satisfies WorkerAnswer);
  }
};
