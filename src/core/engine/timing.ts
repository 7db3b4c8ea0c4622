/** Simulated durations, in seconds. The rules are stated in docs/scoring.md. */
import type { Choice, ScenarioNode } from '../model/scenario-schema.ts';
import { nodeTypeOf } from '../model/node-type.ts';

export const SECONDS_PER_WORD = 0.4;
export const CHECK_BACK_COVERS = 45;
export const HOLD_GAP_LIMIT = 60;
export const HOLD_GAP_PENALTY = 10;
export const HOLD_GAP_PENALTY_EVERY = 30;
/** After-call work has a fixed part (opening the form, choosing the code, checking): 30 s, the low end of the 30-60 s real wrap-ups take. */
export const WRAP_BASE_SECONDS = 30;
export const WRAP_CHARS_PER_SECOND = 4;

export const IDV_SECONDS_PER_QUESTION = 15;
export const TRANSFER_SECONDS = Object.freeze({ warm: 30, cold: 5 });
const ACTION_DEFAULTS = Object.freeze({ callback: 20 });
/** One search and reading a typical article (the real time depends on what the trainee does). */
const LOOKUP_ESTIMATE_SECONDS = 35;

/** Whether a UTF-16 code unit is white space as `\s` and `trim` read it (line ends, tabs, Unicode spaces). */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The words in a text: runs of non-space, counted in place (a call's texts are counted on every compile). */
function words(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

export function spokenSeconds(text: string | undefined): number {
  return text === undefined ? 0 : Math.ceil(words(text) * SECONDS_PER_WORD);
}

export function choiceSeconds(choice: Choice): number {
  return choice.seconds ?? Math.ceil(words(choice.say) * SECONDS_PER_WORD) + 1;
}

/**
 * Seconds the step itself takes when the trainee completes it the expected way (not its opening
 * line): exact for callbacks and holds; for ID&V the policy's questions; for a look-up one search
 * and a typical read; for a transfer the right mode. The path report uses these as estimates.
 */
export function actionSeconds(node: ScenarioNode, idvQuestions = 0): number {
  switch (node.type) {
    case 'idv':
      return (node.seconds ?? IDV_SECONDS_PER_QUESTION) * idvQuestions;
    case 'lookup':
      return LOOKUP_ESTIMATE_SECONDS;
    case 'transfer':
    case 'escalate':
      return node.seconds ?? TRANSFER_SECONDS[node.mode ?? 'warm'];
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
