/**
 * What makes a behaviour specific: it names an action someone listening to the call could observe
 * ("Asks every ID&V question…"), it is more than a slogan, and it carries no vague wording
 * ("get better", "improve", "try harder").
 */

/** Verbs of actions a call monitor can hear or see, in their base form. */
export const OBSERVABLE_VERBS = Object.freeze([
  'ask', 'acknowledge', 'apologise', 'arrange', 'avoid', 'book', 'brief', 'check', 'choose', 'close',
  'complete', 'confirm', 'escalate', 'explain', 'find', 'get', 'give', 'greet', 'honour', 'introduce',
  'keep', 'let', 'listen', 'log', 'mention', 'name', 'note', 'offer', 'own', 'pause', 'put', 'read',
  'recap', 'recognise', 'record', 'refund', 'refuse', 'repeat', 'say', 'signpost', 'state', 'summarise',
  'take', 'tell', 'thank', 'transfer', 'use', 'verify', 'warn', 'work', 'write',
] as const);

/** Phrases that make a goal unmeasurable; a behaviour containing one is rejected. */
export const VAGUE_PHRASES = Object.freeze([
  'get better', 'be better', 'do better', 'improve', 'try harder', 'try to', 'work on', 'be more', 'in general', 'generally', 'good at',
] as const);

export const MIN_BEHAVIOUR_WORDS = 4;

const forms = (verb: string): string[] => {
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  return [verb, `${verb}s`, `${verb}es`, `${stem}ing`, `${verb}ed`, `${stem}ed`, `${verb}d`];
};
const VERB_FORMS = new Set(OBSERVABLE_VERBS.flatMap(forms));

const words = (text: string): string[] => text.toLowerCase().match(/[a-z&']+/g) ?? [];

/** Why this behaviour text is not specific enough, or null when it is. */
export function behaviourProblem(text: string): string | null {
  const lower = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
  const vague = VAGUE_PHRASES.find((p) => lower.includes(` ${p} `) || lower.includes(` ${p}`));
  if (vague !== undefined) return `“${vague}” is too vague: say what you will do on the call, e.g. “Ask every ID&V question before discussing the account”.`;
  const ws = words(text);
  if (ws.length < MIN_BEHAVIOUR_WORDS) return `Describe the behaviour in at least ${MIN_BEHAVIOUR_WORDS} words, e.g. “Recap the next steps before closing”.`;
  if (!ws.some((w) => VERB_FORMS.has(w))) {
    return 'Name an action a listener could observe (ask, confirm, recap, apologise, state, check back…).';
  }
  return null;
}
