/** A scenario made ready to play: the validated data, its content hash and its machine (built once). */
import type { Article, Scenario, Team } from '../model/scenario-schema.ts';
import type { CallMachine, CallMachineConfig } from './call-setup.ts';
import type { SearchIndexEntry } from './step-params.ts';

export interface CallDefinition {
  readonly scenario: Scenario;
  /** SHA-256 of the canonical JSON of the scenario with the articles and teams it can reach: a run names the exact version it was played on. */
  readonly hash: string;
  /** Every article the call's knowledge base holds (shared and the call's own), and the search over them. */
  readonly articles: readonly Article[];
  readonly searchIndex: readonly SearchIndexEntry[];
  /** The directory the trainee transfers from (shared teams and the call's own). */
  readonly teams: readonly Team[];
  readonly machineConfig: CallMachineConfig;
  readonly machine: CallMachine;
}
