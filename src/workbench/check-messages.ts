/** What the page and the checking worker say to each other. */
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { PathReport } from '../scenario/analyse.ts';
import type { StrategyResult } from '../scenario/surface-strategies.ts';
import type { CallGraph } from './call-graph.ts';
import type { MapLayout } from './map-layout.ts';
import type { StartChoices } from './start-choices.ts';

export interface CheckRequest {
  readonly kind: 'check' | 'analyse';
  /** Increases with every edit, so the page can drop an answer to an older text. */
  readonly version: number;
  readonly text: string;
  readonly file: string;
}

/** The first answer to a check: its diagnostics, sent the moment the checker is done. */
export interface CheckAnswer {
  readonly kind: 'checked';
  readonly version: number;
  readonly diagnostics: readonly Diagnostic[];
  /** Milliseconds the check took inside the worker. */
  readonly ms: number;
}

/** The second answer to a check: the map and the test form's choices. */
export interface MapAnswer {
  readonly kind: 'mapped';
  readonly version: number;
  /** Present when the call's fields and references are sound (it may still have errors as a whole); `start` only when it has no errors. */
  readonly map: { readonly graph: CallGraph; readonly layout: MapLayout; readonly start: StartChoices | null } | null;
  /** Milliseconds the graph and its layout took inside the worker. */
  readonly ms: number;
}

export interface AnalysisAnswer {
  readonly kind: 'analysed';
  readonly version: number;
  readonly report: PathReport | null;
  readonly strategies: readonly StrategyResult[];
  readonly warnings: readonly Diagnostic[];
  readonly ms: number;
}

export type WorkerAnswer = CheckAnswer | MapAnswer | AnalysisAnswer | { readonly kind: 'failed'; readonly version: number; readonly message: string };
