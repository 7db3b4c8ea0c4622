/**
 * Port: where a call's seed comes from when it starts. In a classroom the session's server issues
 * a single-use ticket with the seed; in solo play there is none (null) and the browser draws one.
 */
export interface CallTickets {
  /** Resolves to null outside a classroom, or when the server cannot be reached. */
  startCall(scenarioHash: string): Promise<{ readonly seed: number } | null>;
}

export const NO_TICKETS: CallTickets = Object.freeze({ startCall: () => Promise.resolve(null) });
