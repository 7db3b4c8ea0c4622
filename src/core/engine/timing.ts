/** Simulated durations, in seconds. The rules are stated in docs/scoring.md. */
import type { Choice, ScenarioNode } from '../model/scenario-schema.ts';
import { nodeTypeOf } from '../model/node-type.ts';

export const SECONDS_PER_WORD = 0.4;
export const CHECK_BACK_COVERS = 45;
export const HOLD_GAP_LIMIT = 60;
export const HOLD_GAP_PENALTY = 10;
export const HOLD_GAP_PENALTY_EVERY = 30;
export const WRAP_BASE_SECONDS = 15;
export const WRAP_CHARS_PER_SECOND = 4;

const ACTION_DEFAULTS = Object.freeze({ lookup: 20, escalate: 30, callback: 20, idvPerQuestion: 15 });
const TRANSFER_DEFAULTS = Object.freeze({ warm: 30, cold: 5 });

function words(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

export function spokenSeconds(text: string | undefined): number {
  return text === undefined ? 0 : Math.ceil(words(text) * SECONDS_PER_WORD);
}

export function choiceSeconds(choice: Choice): number {
  return choice.seconds ?? Math.ceil(words(choice.say) * SECONDS_PER_WORD) + 1;
}

/** Seconds the step itself takes when the trainee completes it (not its opening line). */
export function actionSeconds(node: ScenarioNode, idvQuestions: number): number {
  switch (node.type) {
    case 'idv':
      return node.seconds ?? ACTION_DEFAULTS.idvPerQuestion * idvQuestions;
    case 'lookup':
      return node.seconds ?? ACTION_DEFAULTS.lookup;
    case 'transfer':
      return node.seconds ?? TRANSFER_DEFAULTS[node.mode];
    case 'escalate':
      return node.seconds ?? ACTION_DEFAULTS.escalate;
    case 'callback':
      return node.seconds ?? ACTION_DEFAULTS.callback;
    case 'hold':
      return node.seconds;
    default:
      return 0;
  }
}

/** Seconds of talk when a step begins: the customer's opening line. */
export function entrySeconds(node: ScenarioNode): number {
  return nodeTypeOf(node) === 'hold' ? 0 : spokenSeconds(node.customer);
}

export function wrapSeconds(notes: string): number {
  return WRAP_BASE_SECONDS + Math.ceil(notes.length / WRAP_CHARS_PER_SECOND);
}

/** Patience lost for a stretch on hold of `gap` seconds without a check-back. */
export function holdGapPenalty(gap: number): number {
  return gap <= HOLD_GAP_LIMIT ? 0 : HOLD_GAP_PENALTY * Math.ceil((gap - HOLD_GAP_LIMIT) / HOLD_GAP_PENALTY_EVERY);
}
