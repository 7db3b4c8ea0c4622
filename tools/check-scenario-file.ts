/**
 * One file of `scenarios:check`: read, loaded through the game's pipeline, and for a valid call the
 * path report and the surface strategies. Returns the lines to print and the counts, so the main
 * thread and a worker thread check files the same way and the main thread prints them in order.
 */
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { KnowledgeLibrary } from '../src/core/model/library.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../src/scenario/diagnostics.ts';
import { loadScenarioWithDetails, sizeRefusal } from '../src/scenario/load.ts';
import { analyseScenario, analysisDiagnostics, formatPathReport } from '../src/scenario/analyse.ts';
import { formatStrategyReport, strategyDiagnostics, surfaceStrategies } from '../src/scenario/surface-strategies.ts';

/** Milliseconds spent in each stage over every file checked so far on this thread (`--timings`). */
export const stageTimes = { load: 0, walks: 0, strategies: 0 };

export interface FileCheck {
  readonly lines: string[];
  errors: number;
  warnings: number;
  valid: boolean;
}

/** Diagnostics as printed lines, counted. */
export function reportInto(check: FileCheck, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    check.lines.push(formatDiagnostic(d));
    if (d.severity === 'error') check.errors += 1;
    else check.warnings += 1;
  }
}

/** A file read for checking: its bytes, or a result already (refused for its size, or unreadable), which is never kept in the result cache. */
export type ReadScenario = { readonly bytes: Buffer } | { readonly check: FileCheck };

export function readScenarioFile(file: string): ReadScenario {
  const check: FileCheck = { lines: [], errors: 0, warnings: 0, valid: false };
  try {
    // A file over the limit is refused from its size alone, without reading it.
    const refused = sizeRefusal(statSync(file).size, file);
    if (refused !== null) {
      reportInto(check, [refused]);
      return { check };
    }
    return { bytes: readFileSync(file) };
  } catch (error) {
    check.lines.push(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    check.errors += 1;
    return { check };
  }
}

export function checkScenarioFile(file: string, library: KnowledgeLibrary): FileCheck {
  const read = readScenarioFile(file);
  return 'check' in read ? read.check : checkScenarioText(file, read.bytes.toString('utf8'), library);
}

/** Checks a call's text as read from `file` (see `readScenarioFile`). */
export function checkScenarioText(file: string, text: string, library: KnowledgeLibrary): FileCheck {
  const check: FileCheck = { lines: [], errors: 0, warnings: 0, valid: false };
  let at = performance.now();
  const lap = (): number => {
    const before = at;
    at = performance.now();
    return at - before;
  };
  const loaded = loadScenarioWithDetails(text, file, library);
  stageTimes.load += lap();
  reportInto(check, loaded.diagnostics);
  if (loaded.definition === undefined || hasErrors(loaded.diagnostics)) return check;
  const analysis = analyseScenario(loaded.definition, loaded.space === undefined ? {} : { space: loaded.space });
  stageTimes.walks += lap();
  reportInto(check, analysisDiagnostics(analysis, file, loaded.locate));
  check.lines.push(`  ${formatPathReport(analysis)}`);
  const strategies = surfaceStrategies(loaded.definition);
  stageTimes.strategies += lap();
  reportInto(check, strategyDiagnostics(strategies, file, loaded.locate));
  for (const line of formatStrategyReport(strategies)) check.lines.push(`    ${line}`);
  check.valid = true;
  return check;
}
