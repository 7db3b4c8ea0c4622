/**
 * When a room's screens hear about changes: the projector and trainer at most once per push
 * interval (coalesced, however many results arrive), trainees' leaderboards and rank-only moves at
 * most once a second (each trainee's own row travels in the reply to their submission). While a
 * burst of submissions is being worked on, trainees' boards wait (at most MAX_TRAINEE_WAIT_MS from
 * the first result they have not heard about), and when they go, their rank-only moves are written a
 * slice of sockets per turn of the event loop, so replies and the projector are never held up.
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
/** While busy, trainees' boards wait this much longer at a time, but never more than MAX_TRAINEE_WAIT_MS from the first result they are owed. */
const BUSY_RETRY_MS = 200;
const MAX_TRAINEE_WAIT_MS = 3000;
/** Rank-only moves written per turn of the event loop. */
export const STANDINGS_PER_SLICE = 200;

export class RoomPushes {
  private lastPush = -Infinity;
  private cancel: (() => void) | null = null;
  /** When the scheduled push will run (a leaderboard change pulls a later trainee-only push forward). */
  private pushAt = Infinity;
  private leaderboardDirty = false;
  /** Since when trainees have been owed a board (Infinity: they are not). */
  private traineesOwedSince = Infinity;
  private playersDirty = false;
  private lastTraineePush = -Infinity;
  /** The rank-only moves still being written, a slice per turn (a newer trainee push replaces them). */
  private standings: Iterator<{ playerId: PlayerId; message: ServerMessage }> | null = null;

  constructor(
    private readonly source: PushSource,
    private readonly broadcast: RoomBroadcast,
    private readonly clock: RoomClock,
    private readonly intervalMs: number,
  ) {}

  /** Pushes now if the last push was long enough ago, else once at the end of the interval. */
  mark(what: 'leaderboard' | 'players' | 'trainees', wait?: number): void {
    if (what === 'leaderboard') {
      this.leaderboardDirty = true;
      this.oweTrainees();
    } else if (what === 'players') this.playersDirty = true;
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
      this.leaderboardDirty = true;
      this.oweTrainees();
    }
    if (this.leaderboardDirty) {
      this.leaderboardDirty = false;
      this.broadcast.toViewers(this.source.leaderboardMessage());
    }
    if (this.traineesOwedSince === Infinity) return;
    if (now - this.lastTraineePush < TRAINEE_EVERY_MS) return this.mark('trainees', this.lastTraineePush + TRAINEE_EVERY_MS - now);
    // Thousands of sockets written in one go hold the loop: not in the middle of a burst, unless trainees have waited long.
    if (this.source.busy() && now - this.traineesOwedSince < MAX_TRAINEE_WAIT_MS) return this.mark('trainees', BUSY_RETRY_MS);
    this.traineesOwedSince = Infinity;
    this.lastTraineePush = now;
    this.broadcast.toTrainees(this.source.leaderboardMessage());
    this.standings = this.source.standingsOwed()[Symbol.iterator]();
    this.sendStandings(this.standings);
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
    this.standings = null;
  }

  private oweTrainees(): void {
    if (this.traineesOwedSince === Infinity) this.traineesOwedSince = this.clock.now();
  }

  /** Writes one slice of rank-only moves, and schedules the next on a later turn. */
  private sendStandings(owed: Iterator<{ playerId: PlayerId; message: ServerMessage }>): void {
    if (this.standings !== owed || this.source.deleted) return;
    for (let i = 0; i < STANDINGS_PER_SLICE; i++) {
      const next = owed.next();
      if (next.done === true) return void (this.standings = null);
      this.broadcast.toPlayer(next.value.playerId, next.value.message);
    }
    this.clock.later(() => this.sendStandings(owed), 0);
  }
}
