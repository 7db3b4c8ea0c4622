/**
 * A classroom session's pace, chosen by the trainer, against the pace a submitted call was played
 * at (recorded in its run log). A run played at the other pace is refused with the reason in words.
 */
import type { RunLog } from '../../shared/call-events.ts';
import type { SessionPace } from '../../shared/classroom-http.ts';

export const PACE_WORDS: Readonly<Record<SessionPace, string>> = Object.freeze({ untimed: 'untimed', live: 'live pace' });

/** The pace a run was played at: its log says "live", or nothing (untimed). */
export const paceOfRun = (run: Pick<RunLog, 'pace'>): SessionPace => (run.pace === 'live' ? 'live' : 'untimed');

/** Null when the run was played at the session's pace; otherwise why it is refused. */
export function paceRefusal(run: Pick<RunLog, 'pace'>, session: SessionPace): string | null {
  const played = paceOfRun(run);
  if (played === session) return null;
  return `this call was played ${PACE_WORDS[played]}, but the trainer set this session to ${PACE_WORDS[session]}: play it again from the session’s menu`;
}
