/**
 * Erlang C queue maths for one interval: traffic, probability of waiting, service level, ASA,
 * occupancy and the fewest agents for a target. Erlang C is reached through Erlang B's recurrence
 * (B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1))), which never forms A^N or N!, so it stays exact to
 * double precision for thousands of agents.
 *
 * Erlang C assumes callers never hang up, so it slightly over-states the agents needed when real
 * callers abandon; the UI says so.
 */

/** Traffic in erlangs: the hours of handling the calls need per hour. */
export function trafficErlangs(calls: number, minutes: number, ahtSeconds: number): number {
  return (calls * ahtSeconds) / (minutes * 60);
}

/** Erlang B (the blocking probability) for `agents` servers and `erlangs` of traffic. */
export function erlangB(erlangs: number, agents: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n += 1) b = (erlangs * b) / (n + erlangs * b);
  return b;
}

/**
 * Erlang C: the probability that a call waits at all. With as many erlangs as agents or more the
 * queue grows without limit, so every call waits: 1.
 */
export function probabilityOfWaiting(erlangs: number, agents: number): number {
  if (erlangs <= 0) return 0;
  if (agents <= erlangs) return 1;
  const b = erlangB(erlangs, agents);
  return (agents * b) / (agents - erlangs * (1 - b));
}

/** Share of calls answered within `seconds` (0-1); 0 when the queue is overloaded. */
export function serviceLevel(erlangs: number, agents: number, ahtSeconds: number, seconds: number): number {
  if (erlangs <= 0) return 1;
  if (agents <= erlangs) return 0;
  const pw = probabilityOfWaiting(erlangs, agents);
  return 1 - pw * Math.exp((-(agents - erlangs) * seconds) / ahtSeconds);
}

/** Average speed of answer in seconds; null when the queue is overloaded (it has no average). */
export function averageSpeedOfAnswer(erlangs: number, agents: number, ahtSeconds: number): number | null {
  if (erlangs <= 0) return 0;
  if (agents <= erlangs) return null;
  return (probabilityOfWaiting(erlangs, agents) * ahtSeconds) / (agents - erlangs);
}

/** Share of agents' time spent handling calls (0-1), at most 1. */
export function occupancy(erlangs: number, agents: number): number {
  return agents <= 0 ? 1 : Math.min(1, erlangs / agents);
}

/** A team size far beyond any contact centre's, where the search for agents stops. */
export const MAX_AGENTS = 100_000;

/**
 * The fewest agents whose service level within `seconds` reaches `target` (0-1, below 1), or null
 * when even MAX_AGENTS cannot. Service level only rises with agents, so the search starts at the
 * first stable team size and walks up.
 */
export function agentsNeeded(erlangs: number, ahtSeconds: number, seconds: number, target: number): number | null {
  if (erlangs <= 0) return 0;
  // Erlang B and C are cheap to step: update B incrementally instead of recomputing it per size.
  let b = 1;
  let n = 0;
  const first = Math.floor(erlangs) + 1;
  for (; n < first; ) {
    n += 1;
    b = (erlangs * b) / (n + erlangs * b);
  }
  for (; n <= MAX_AGENTS; ) {
    const pw = (n * b) / (n - erlangs * (1 - b));
    if (1 - pw * Math.exp((-(n - erlangs) * seconds) / ahtSeconds) >= target) return n;
    n += 1;
    b = (erlangs * b) / (n + erlangs * b);
  }
  return null;
}

export interface IntervalFigures {
  readonly erlangs: number;
  readonly probabilityOfWaiting: number;
  /** 0-1 */
  readonly serviceLevel: number;
  /** null when the team is overloaded (agents ≤ erlangs): waits have no average. */
  readonly asaSeconds: number | null;
  /** 0-1 */
  readonly occupancy: number;
}

export interface IntervalLoad {
  readonly calls: number;
  readonly minutes: number;
  readonly ahtSeconds: number;
  readonly agents: number;
  readonly answerWithinSeconds: number;
}

/** Every Erlang C figure for one interval. */
export function intervalFigures(load: IntervalLoad): IntervalFigures {
  const a = trafficErlangs(load.calls, load.minutes, load.ahtSeconds);
  return {
    erlangs: a,
    probabilityOfWaiting: probabilityOfWaiting(a, load.agents),
    serviceLevel: serviceLevel(a, load.agents, load.ahtSeconds, load.answerWithinSeconds),
    asaSeconds: averageSpeedOfAnswer(a, load.agents, load.ahtSeconds),
    occupancy: occupancy(a, load.agents),
  };
}
