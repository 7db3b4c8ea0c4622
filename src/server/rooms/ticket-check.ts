/**
 * Whether a submitted run may be counted on the ticket it carries: this player's own unused
 * ticket, for this scenario and seed, not expired, and with at least the time a person needs to
 * play the run's decisions since the call started. A refusal says why in the trainee's words.
 */
import type { PlayerId } from '../../shared/classroom-ids.ts';
import type { StoredTicket } from '../store/classroom-store.ts';

/** A ticket older than this is refused: a call is minutes long, and a day-old ticket was not played on. */
export const TICKET_LIFETIME_MS = 12 * 3_600_000;

export type TicketCheck = { ok: true } | { ok: false; reason: string };

/** What of the run the ticket is checked against: its call, its seed, and the least time it takes to play (plausible-time.ts). */
export interface TicketedRun {
  readonly scenarioHash: string;
  readonly seed: number;
  readonly playMs: number;
}

export function checkTicket(ticket: StoredTicket | undefined, playerId: PlayerId, run: TicketedRun, now: number): TicketCheck {
  if (ticket === undefined || ticket.playerId !== playerId) return { ok: false, reason: 'this call was not started in this session by you (its ticket is unknown or already used)' };
  if (ticket.scenarioHash !== run.scenarioHash) return { ok: false, reason: 'this call’s ticket was given for another scenario' };
  if (ticket.seed !== run.seed) return { ok: false, reason: 'the run’s seed is not the one its ticket gave' };
  const elapsed = now - ticket.issuedAt;
  if (elapsed > TICKET_LIFETIME_MS) return { ok: false, reason: 'this call’s ticket has expired' };
  const floor = run.playMs;
  if (elapsed < floor) {
    return { ok: false, reason: `implausibly fast: this run takes at least ${Math.ceil(floor / 1000)} s to play, and ${Math.floor(elapsed / 1000)} s passed since the call started` };
  }
  return { ok: true };
}
