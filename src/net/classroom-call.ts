/**
 * The game's one way into the classroom when a call starts: `startClassroomCall(hash)` asks the
 * session's server for this call's single-use ticket and seed (null in solo play). The trainee
 * client keeps the ticket with the call and sends it with the finished run.
 */
import type { IssuedTicket } from '../shared/classroom-http.ts';

export interface CallStarter {
  startCall(scenarioHash: string): Promise<IssuedTicket | null>;
}

let active: CallStarter | null = null;

/** The trainee client registers itself while the game plays inside a classroom session. */
export function setClassroom(starter: CallStarter | null): void {
  active = starter;
}

/** Called by the game when a classroom call starts; resolves to null outside a classroom (or when the server can't be reached). */
export async function startClassroomCall(scenarioHash: string): Promise<IssuedTicket | null> {
  return active === null ? null : active.startCall(scenarioHash).catch(() => null);
}
