/**
 * Whether a checked call may join a running session: not once the session is locked, ended or
 * deleted, not beyond the session's limit of calls, and not as a second call with the same id but
 * other content (trainees and results name calls by id). The very same call again is "already there".
 */
import { MAX_SESSION_SCENARIOS } from '../../shared/classroom-http.ts';
import type { SessionStatus } from '../../shared/classroom-results.ts';

export type AddedCallRefusal = { readonly status: 404 | 409; readonly error: string };

export function addedCallRefusal(
  deleted: boolean,
  status: SessionStatus,
  present: readonly { readonly id: string; readonly hash: string }[],
  call: { readonly id: string; readonly hash: string },
): AddedCallRefusal | 'already there' | null {
  if (deleted) return { status: 404, error: 'This session was deleted.' };
  if (present.some((s) => s.hash === call.hash)) return 'already there';
  if (status === 'ended') return { status: 409, error: 'This session has ended: start a new session to play this call.' };
  if (status === 'locked') return { status: 409, error: 'This session is locked: unlock it on the trainer’s page before adding a call.' };
  const sameId = present.find((s) => s.id === call.id);
  if (sameId !== undefined) return { status: 409, error: `This session already has a call with the id “${call.id}” and other content. Give this version its own id, or start a new session with it.` };
  if (present.length >= MAX_SESSION_SCENARIOS) return { status: 409, error: `This session already holds ${MAX_SESSION_SCENARIOS} calls, the most a session can hold.` };
  return null;
}
