/** How a call can end, in the terms a contact centre reports it. */
export const OUTCOMES = Object.freeze({
  resolved: 'Resolved on the call',
  'follow-up': 'Resolved with a follow-up the agent owns',
  refused: 'Correctly refused, with the route explained',
  escalated: 'Escalated to a team leader',
  transferred: 'Transferred to another team',
  'hung-up': 'Customer hung up',
  unresolved: 'Left unresolved',
} as const);

export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_KEYS = Object.freeze(Object.keys(OUTCOMES) as [Outcome, ...Outcome[]]);
