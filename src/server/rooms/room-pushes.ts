/**
 * When a room's screens hear about changes: the projector and trainer at most once per push
 * interval (coalesced, however many results arrive), trainees' leaderboards and rank-only moves at
 * most once a second (each trainee's own row travels in the reply to their submission).
 */
import type { PlayerId } from '../../shared/classroom-ids.ts';
import type { ServerMessage } from '../../shared/classroom-ws.ts';
import type { RoomBroadcast, RoomClock } from './room-ports.ts';

/** What the pushes read from the room. */
export interface PushSource {
  readonly deleted: boolean;
  leaderboardMessage(): ServerMessage;
  playersMessage(): ServerMessage;
  /** Trainees whose place changed since they were last told, with the message to send each. */
  standingsOwed(): Iterable<{ playerId: PlayerId; message: ServerMessage }>;
  /** True while submissions are being worked on (a burst): trainees' boards wait, their own rows go in the replies. */
  busy(): boolean;
}

const TRAINEE_EVERY_MS = 1000;
/** While busy, trainees' boards wait this much longer at a time, but never more than MAX_TRAINEE_WAIT_MS in all. */
const BUSY_RETRY_MS = 200;
const MAX_TRAINEE_WAIT_MS = 3000;

export class RoomPushes {
  private lastPush = -Infinity;
  private cancel: (() => void) | null = null;
  /** When the scheduled push will run (a leaderboard change pulls a later trainee-only push forward). */
  private pushAt = Infinity;
  private leaderboardDirty = false;
  private traineesOwed = false;
  private playersDirty = false;
  private lastTraineePush = -Infinity;

  constructor(
    private readonly source: PushSource,
    private readonly broadcast: RoomBroadcast,
    private readonly clock: RoomClock,
    private readonly intervalMs: number,
  ) {}

  /** Pushes now if the last push was long enough ago, else once at the end of the interval. */
  mark(what: 'leaderboard' | 'players' | 'trainees', wait?: number): void {
    if (what === 'leaderboard') this.leaderboardDirty = this.traineesOwed = true;
    else if (what === 'players') this.playersDirty = true;
    if (this.source.deleted) return;
    const now = this.clock.now();
    const at = now + (wait ?? Math.max(0, this.lastPush + this.intervalMs - now));
    if (this.cancel !== null) {
      if (at >= this.pushAt) return;
      this.cancel();
    }
    this.pushAt = at;
    this.cancel = this.clock.later(() => this.push(), at - now);
  }

  /** Sends what changed since the last push. */
  push(): void {
    this.cancel = null;
    this.pushAt = Infinity;
    if (this.source.deleted) return;
    const now = this.clock.now();
    this.lastPush = now;
    if (this.playersDirty) {
      this.playersDirty = false;
      this.broadcast.toViewers(this.source.playersMessage());
      this.leaderboardDirty = this.traineesOwed = true;
    }
    if (this.leaderboardDirty) {
      this.leaderboardDirty = false;
      this.broadcast.toViewers(this.source.leaderboardMessage());
    }
    if (!this.traineesOwed) return;
    if (now - this.lastTraineePush < TRAINEE_EVERY_MS) return this.mark('trainees', this.lastTraineePush + TRAINEE_EVERY_MS - now);
    // Thousands of sockets written in one go hold the loop: not in the middle of a burst, unless trainees have waited long.
    if (this.source.busy() && now - this.lastTraineePush < MAX_TRAINEE_WAIT_MS) return this.mark('trainees', BUSY_RETRY_MS);
    this.traineesOwed = false;
    this.lastTraineePush = now;
    this.broadcast.toTrainees(this.source.leaderboardMessage());
    for (const { playerId, message } of this.source.standingsOwed()) this.broadcast.toPlayer(playerId, message);
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }
}
