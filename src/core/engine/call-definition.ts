/** A scenario made ready to play: the validated data, its content hash and its machine (built once). */
import type { Scenario } from '../model/scenario-schema.ts';
import type { CallMachine, CallMachineConfig } from './call-setup.ts';

export interface CallDefinition {
  readonly scenario: Scenario;
  /** SHA-256 of the scenario's canonical JSON: a run names the exact version it was played on. */
  readonly hash: string;
  readonly machineConfig: CallMachineConfig;
  readonly machine: CallMachine;
}
