/**
 * The results a room has counted, by submission id, and the debrief over them. A result's
 * mistakes (the full scoring with per-step records) are not worked out when it is submitted: the
 * debrief works them out when first asked, a few milliseconds at a time in the room's work queue,
 * so a trainer opening the debrief never holds the loop the trainees' submissions run on.
 */
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import { scoreRun } from '../../core/scoring/score.ts';
import { callMistakes } from '../../core/classroom/call-mistakes.ts';
import { buildDebrief, type DebriefPlayer } from '../../core/classroom/debrief.ts';
import type { PlayerCallMistakes } from '../../core/classroom/common-mistakes.ts';
import type { PlayerId, SubmissionId } from '../../shared/classroom-ids.ts';
import type { CallMistake, Debrief } from '../../shared/classroom-results.ts';
import type { RunLog } from '../../shared/call-events.ts';
import type { WorkQueue } from '../work-queue.ts';

export interface RoomResult {
  readonly playerId: PlayerId;
  readonly composite: number;
  readonly scenarioHash: string;
  /** Reads the run (a new result's from its JSON) when the debrief works out the mistakes; dropped then. */
  run: (() => RunLog) | null;
  mistakes: readonly CallMistake[] | null;
}

export class RoomResults {
  private readonly results = new Map<string, RoomResult>();

  constructor(
    private readonly definitions: ReadonlyMap<string, CallDefinition>,
    private readonly work: WorkQueue,
  ) {}

  get(id: SubmissionId): RoomResult | undefined {
    return this.results.get(id);
  }

  add(id: SubmissionId, result: RoomResult): void {
    this.results.set(id, result);
  }

  removePlayer(playerId: PlayerId): void {
    for (const [id, r] of this.results) if (r.playerId === playerId) this.results.delete(id);
  }

  /** The debrief of the players (read once the mistakes are worked out: one result per slice of work). */
  async debrief(players: () => readonly DebriefPlayer[]): Promise<Debrief> {
    const owed = [...this.results.values()].filter((r) => r.mistakes === null && r.run !== null);
    await Promise.all(owed.map((r) => this.work.run(() => this.workOut(r))));
    const mistakes: PlayerCallMistakes[] = [];
    for (const r of this.results.values()) {
      if (r.mistakes === null || r.mistakes.length === 0) continue;
      mistakes.push({ playerId: r.playerId, scenarioId: this.definitions.get(r.scenarioHash)?.scenario.id ?? r.scenarioHash, mistakes: r.mistakes });
    }
    return buildDebrief(players(), mistakes);
  }

  private workOut(r: RoomResult): void {
    if (r.mistakes !== null || r.run === null) return;
    const def = this.definitions.get(r.scenarioHash);
    const scored = def === undefined ? null : scoreRun(def, r.run());
    r.mistakes = scored?.ok === true ? callMistakes(scored.steps) : [];
    r.run = null;
  }
}
