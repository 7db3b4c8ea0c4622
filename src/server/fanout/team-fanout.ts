/**
 * Keeps team mode in step across server instances on one PostgreSQL: a note from the database
 * (NOTIFY on the team channel: which session's team state another instance changed) makes this
 * instance read that session's team state again and show what is new (TeamDesk.absorb). The
 * wallboard itself needs no note of its own: it is built from the room's results, which the room
 * fan-out already brings in. After the listening connection was lost, every session held here reads
 * its team state again, so a missed note costs a delay, never a review.
 */
import type { TeamDesk } from '../team/team-desk.ts';
import type { SharedTeamStore } from '../team/team-store.ts';

export function startTeamFanout(store: SharedTeamStore, desk: TeamDesk): Promise<{ close(): Promise<void> }> {
  return store.listen(
    (code) => void desk.absorb(code),
    () => {
      for (const code of desk.heldCodes()) void desk.absorb(code);
    },
  );
}
