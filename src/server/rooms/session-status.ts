/**
 * The session's life: lobby → live ⇄ locked → ended. Only the trainer moves it. The trainer may lock
 * the room already in the lobby (to stop a flood of joins) and start it from there.
 */
import type { SessionStatus } from '../../shared/classroom-results.ts';
import type { ControlBody } from '../../shared/classroom-http.ts';

const MOVES: Readonly<Record<ControlBody['action'], { from: readonly SessionStatus[]; to: SessionStatus }>> = Object.freeze({
  start: { from: ['lobby', 'locked'], to: 'live' },
  lock: { from: ['lobby', 'live'], to: 'locked' },
  unlock: { from: ['locked'], to: 'live' },
  end: { from: ['lobby', 'live', 'locked'], to: 'ended' },
});

export function nextStatus(status: SessionStatus, action: ControlBody['action']): { ok: true; status: SessionStatus } | { ok: false; error: string } {
  const move = MOVES[action];
  if (!move.from.includes(status)) return { ok: false, error: `Cannot ${action} a session that is ${status}.` };
  return { ok: true, status: move.to };
}
