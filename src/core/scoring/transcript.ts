/** The whole call as the trainee will read it back: who said what, when, and what it changed. */
import type { CallStep } from './call-steps.ts';
import { stepEffects } from './call-steps.ts';
import { spokenSeconds } from '../engine/timing.ts';

export interface TranscriptTurn {
  readonly at: number;
  readonly speaker: 'agent' | 'customer' | 'narration';
  readonly text: string;
  readonly effects: readonly string[];
  readonly trap: string | null;
  readonly why: string | null;
}

export function buildTranscript(steps: readonly CallStep[]): TranscriptTurn[] {
  const turns: TranscriptTurn[] = [];
  const plain = { effects: [], trap: null, why: null } as const;
  for (const step of steps) {
    if (step.index > 0) {
      turns.push({ at: step.startedAt, speaker: 'agent', text: step.agent, effects: stepEffects(step), trap: step.trap, why: step.why });
    }
    if (step.narrationAfter !== null) {
      turns.push({ at: step.endedAt - spokenSeconds(step.customerAfter ?? undefined), speaker: 'narration', text: step.narrationAfter, ...plain });
    }
    if (step.customerAfter !== null) {
      const at = step.hungUp ? step.endedAt : step.endedAt - spokenSeconds(step.customerAfter);
      turns.push({ at, speaker: 'customer', text: `${step.speakerAfter}: ${step.customerAfter}`, ...plain });
    }
  }
  return turns;
}
