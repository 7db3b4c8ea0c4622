/**
 * The path report of a valid scenario: how many ways through it, the shortest and longest handle
 * time, and the best and worst CSAT and QA a trainee can get — the last two found by scoring the
 * shortest run to every ending state, runs aimed at the best and the worst QA, and seeded random
 * walks, with the real scoring function.
 */
import type { Outcome } from '../core/model/outcomes.ts';
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import type { CallContext } from '../core/engine/call-context.ts';
import { score } from '../core/scoring/score.ts';
import { csatStars } from '../core/scoring/csat.ts';
import { qaScore } from '../core/scoring/qa-score.ts';
import type { CallEvent } from '../shared/call-events.ts';
import type { Diagnostic } from './diagnostics.ts';
import { makeDiagnostic } from './diagnostics.ts';
import type { Locate } from './parse.ts';
import type { StateSpace } from './state-space.ts';
import { exploreStateSpace, reachableNodes } from './state-space.ts';
import { pathStats } from './path-stats.ts';
import { engineSearchHopeless, RandomWalker, shortestRuns, type ShortestRuns } from './sample-runs.ts';
import type { WalkResult } from './sample-runs.ts';
import { mulberry32 } from './seeded-random.ts';
import { ConfigRunner } from './config-runner.ts';
import { aimedRuns } from './aimed-runs.ts';

export interface Span {
  readonly best: number;
  readonly worst: number;
}

export interface PathReport {
  readonly scenarioId: string;
  /** Distinct ways from the start to an ending; null when loops make them endless. */
  readonly paths: number | null;
  /** Simulated seconds, including the wrap-up's fixed 30 s but no typing of notes; worst is null when a loop that takes time makes it unbounded. */
  readonly aht: { readonly best: number; readonly worst: number | null; readonly target: number };
  readonly csat: Span | null;
  readonly qa: Span | null;
  /** Ending step ids the checker can reach, in file order. */
  readonly endings: readonly string[];
  readonly outcomes: readonly Outcome[];
  /** How many complete runs were scored for CSAT and QA. */
  readonly scoredRuns: number;
  /** False when the call had too many states to explore on the real machine. */
  readonly engineChecked: boolean;
  /** Step ids only one of the checker and the engine reaches (both empty when they agree). */
  readonly mismatch: {
    /** Statically reachable, but in play the customer always hangs up before getting there. */
    readonly checkerOnly: readonly string[];
    /** Reached by the engine but not by the checker: a fault in one of them. */
    readonly engineOnly: readonly string[];
    /** Walks whose quick score differed from the real engine's scorecard (0 when they agree). */
    readonly scoreDisagreements: number;
  };
}

export interface AnalyseOptions {
  readonly walks?: number;
  readonly seed?: number;
  /** The explored states, when validation already built them. */
  readonly space?: StateSpace;
}

export const DEFAULT_WALKS = 1000;
export const DEFAULT_SEED = 20_240_601;

/** Shortest runs and walks each re-scored with the real engine, to check the fast runner agrees. */
export const VERIFIED_RUNS = 6;

interface Scores {
  readonly stars: number;
  readonly qa: number;
  readonly outcome: Outcome;
}

/** CSAT and QA straight from a finished call's state, with the scorecard's own arithmetic (the numbers, none of the card's words). */
function scoresFromContext(scenario: Scenario, context: CallContext): Scores {
  return {
    stars: csatStars(context),
    qa: qaScore(scenario, context),
    outcome: context.outcome ?? 'unresolved',
  };
}

/** The version name the analysis's own runs carry (see `asAnalysed`). */
const ANALYSED_VERSION = 'analysed-definition';

/**
 * The definition as the verification scores it: the same in every part but its content hash. A
 * run names the version it was played on so that scoring refuses a run of another version; these
 * runs are made from this very definition, so working out its SHA-256 (a sizeable share of a
 * check) would only confirm that. Compiled parts read on first use stay shared with `def`.
 */
function asAnalysed(def: CallDefinition): CallDefinition {
  return Object.create(def, { hash: { value: ANALYSED_VERSION } }) as CallDefinition;
}

function fullScore(def: CallDefinition, events: readonly CallEvent[]): Scores | null {
  const result = score(def, { scenarioId: def.scenario.id, scenarioHash: ANALYSED_VERSION, seed: 0, events: [...events] });
  if (!result.ok) return null;
  const card = result.scorecard;
  return { stars: card.csat.stars, qa: card.qa.score, outcome: card.outcome as Outcome };
}

const same = (a: Scores | null, b: Scores): boolean =>
  a !== null && a.stars === b.stars && a.qa === b.qa && a.outcome === b.outcome;

export function analyseScenario(def: CallDefinition, options: AnalyseOptions = {}): PathReport {
  const { scenario } = def;
  const space = options.space ?? exploreStateSpace(scenario);
  const stats = pathStats(scenario, space);
  const runner = new ConfigRunner(def);
  const analysed = asAnalysed(def);
  const scores: Scores[] = [];
  let disagreements = 0;

  // The shortest run to every ending state (a search stepped by the engine), each wrap-up. The
  // engine's states refine the checker's, so when the checker already has too many for the
  // search's limit, the search would give up: skip it.
  const hopeless = engineSearchHopeless(space.states.length, space.truncated);
  const shortest: ShortestRuns = hopeless ? { runs: [], reached: null } : shortestRuns(def, runner);
  shortest.runs.forEach((run, i) => {
    const quick = scoresFromContext(scenario, run.final.context);
    if (i < VERIFIED_RUNS && !same(fullScore(analysed, run.events), quick)) disagreements += 1;
    scores.push(quick);
  });

  // Runs aimed at the best and the worst QA (see aimed-runs.ts); the best and the worst of them are
  // re-scored by the real engine too.
  const aimed = aimedRuns(def, runner).map((run) => ({ run, quick: scoresFromContext(scenario, run.final.context) }));
  for (const { quick } of aimed) scores.push(quick);
  if (aimed.length > 0) {
    const byQa = [...aimed].sort((a, b) => a.quick.qa - b.quick.qa);
    for (const { run, quick } of new Set([byQa[0]!, byQa[byQa.length - 1]!])) {
      if (!same(fullScore(analysed, run.events), quick)) disagreements += 1;
    }
  }

  // Seeded random walks on the fast config runner; the first few are re-scored by the real engine.
  const walker = new RandomWalker(runner, def);
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  const byEnd = new Map<WalkResult, Scores>();
  for (let i = 0; i < (options.walks ?? DEFAULT_WALKS); i += 1) {
    const walk = walker.walk(random);
    if (walk === null) continue;
    let quick = byEnd.get(walk);
    if (quick === undefined) {
      quick = scoresFromContext(scenario, walk.final.context);
      byEnd.set(walk, quick);
    }
    if (i < VERIFIED_RUNS && !same(fullScore(analysed, walk.events()), quick)) disagreements += 1;
    scores.push(quick);
  }

  const checker = reachableNodes(space);
  const ids = Object.keys(scenario.nodes);
  let reached = shortest.reached;
  if (reached !== null && ids.some((id) => checker.has(id) && !reached?.has(id))) {
    // A step the quick search missed: search again keeping patience apart, to be sure.
    reached = shortestRuns(def, runner, true).reached;
  }
  const engine = new Set([...(reached ?? checker)].filter((state) => !state.startsWith('__')));
  const span = (values: number[]): Span | null =>
    values.length === 0 ? null : { best: Math.max(...values), worst: Math.min(...values) };
  return {
    scenarioId: scenario.id,
    paths: stats.paths,
    aht: { ...stats.aht, target: scenario.targets.ahtSeconds },
    csat: span(scores.map((s) => s.stars)),
    qa: span(scores.map((s) => s.qa)),
    endings: ids.filter((id) => stats.endings.includes(id)),
    outcomes: [...new Set(scores.map((s) => s.outcome))].sort(),
    scoredRuns: scores.length,
    engineChecked: reached !== null,
    mismatch: {
      checkerOnly: ids.filter((id) => checker.has(id) && !engine.has(id)),
      engineOnly: ids.filter((id) => engine.has(id) && !checker.has(id)),
      scoreDisagreements: disagreements,
    },
  };
}

/** Warnings from comparing the checker with the real engine. */
export function analysisDiagnostics(report: PathReport, file: string, locate: Locate): Diagnostic[] {
  if (!report.engineChecked) return [makeDiagnostic('HTL0061', {}, file, locate(['nodes']))];
  const { checkerOnly, engineOnly, scoreDisagreements } = report.mismatch;
  const diagnostics = checkerOnly.map((node) => makeDiagnostic('HTL0059', { node }, file, locate(['nodes', node])));
  const faults = [
    engineOnly.length > 0 ? `only the game reaches ${engineOnly.map((id) => `\`${id}\``).join(', ')}` : '',
    scoreDisagreements > 0 ? `${scoreDisagreements} sample runs scored differently by the path analysis` : '',
  ].filter((part) => part !== '');
  if (faults.length > 0) {
    diagnostics.push(makeDiagnostic('HTL0060', { detail: faults.join('; ') }, file, locate(['nodes', engineOnly[0] ?? ''])));
  }
  return diagnostics;
}

/**
 * A whole number with commas between thousands, as `toLocaleString('en-GB')` writes it, without
 * its first call's cost (loading the locale data takes ~25 ms, a sizeable share of a check).
 */
function withCommas(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString('en-GB');
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return value < 0 ? `-${out}` : out;
}

function count(value: number | null): string {
  if (value === null) return 'unbounded';
  return value > 1e15 ? value.toExponential(1) : withCommas(value);
}

function span(value: Span | null, unit: string): string {
  return value === null ? 'n/a' : `${value.worst}–${value.best}${unit}`;
}

/** One line: paths, AHT best–worst, CSAT and QA worst–best, endings. */
export function formatPathReport(report: PathReport): string {
  const worstAht = report.aht.worst === null ? 'unbounded' : `${report.aht.worst}`;
  return [
    `${report.scenarioId}:`,
    `${count(report.paths)} paths`,
    `· AHT ${report.aht.best}–${worstAht} s (target ${report.aht.target} s)`,
    `· CSAT ${span(report.csat, '★')}`,
    `· QA ${span(report.qa, '')}`,
    `· ${report.endings.length} endings, outcomes ${report.outcomes.join(', ')}`,
    `· found over ${withCommas(report.scoredRuns)} scored runs`,
  ].join(' ');
}
