/**
 * When a room's screens hear about changes: the projector and trainer at most once per push
 * interval (coalesced, however many results arrive), trainees at most once a second (each trainee's
 * own row travels in the reply to their submission). A trainee push sends each trainee only what
 * changed since they were last told and what their screen shows: their own row when their place
 * moved; the board when its rows or player count changed, only to screens that show it (their hello
 * said so: each has the last one, from the push before or their welcome); both in one message when
 * both are owed, nothing when neither is. The board is serialised once per push and a trainee's row
 * spliced onto it. While a burst of submissions is being worked on, trainees' pushes wait (at most
 * MAX_TRAINEE_WAIT_MS from the first result they have not heard about), and when they go they are
 * written a slice of trainees per turn of the event loop, so replies and the projector are never
 * held up.
 */
import type { PlayerId } from '../../shared/classroom-ids.ts';
import type { LeaderboardMessage, ServerMessage } from '../../shared/classroom-ws.ts';
import type { LeaderboardRow } from '../../shared/classroom-results.ts';
import type { RoomBroadcast, RoomClock } from './room-ports.ts';

/** A connected trainee at a trainee push, with their own row when their place moved since they were last told. */
export interface TraineeOwed {
  readonly playerId: PlayerId;
  readonly row: LeaderboardRow | null;
  /** Whether a screen of theirs shows the session's board. */
  readonly board: boolean;
}

/** What the pushes read from the room. */
export interface PushSource {
  readonly deleted: boolean;
  leaderboardMessage(): LeaderboardMessage;
  playersMessage(): ServerMessage;
  /**
   * Connected trainees whose place moved, with their row (taken as told once read); with `boards`,
   * also every other trainee whose screen shows the board.
   */
  traineesOwed(boards: boolean): Iterable<TraineeOwed>;
  /** True while submissions are being worked on (a burst): trainees' boards wait, their own rows go in the replies. */
  busy(): boolean;
}

/** One trainee push being written, a slice per turn: the board's JSON without its closing brace when the board changed. */
interface TraineeDelivery {
  readonly owed: Iterator<TraineeOwed>;
  readonly seq: number;
  readonly boardHead: string | null;
  /** The board alone, as UTF-8 bytes encoded once for every trainee that gets only the board. */
  readonly boardBytes: Uint8Array | null;
}

const encoder = new TextEncoder();

const TRAINEE_EVERY_MS = 1000;
/** While busy, trainees' boards wait this much longer at a time, but never more than MAX_TRAINEE_WAIT_MS from the first result they are owed. */
const BUSY_RETRY_MS = 200;
const MAX_TRAINEE_WAIT_MS = 3000;
/** Trainees written to per turn of the event loop. */
export const TRAINEES_PER_SLICE = 200;

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
  /** The board's players and rows (JSON) as trainees were last sent it. */
  private traineeBoard: string | null = null;
  /** The trainee push still being written, a slice per turn (a newer trainee push replaces it). */
  private delivery: TraineeDelivery | null = null;

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
    this.startTraineePush(this.source.leaderboardMessage());
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
    this.delivery = null;
  }

  private oweTrainees(): void {
    if (this.traineesOwedSince === Infinity) this.traineesOwedSince = this.clock.now();
  }

  private startTraineePush(board: LeaderboardMessage): void {
    const content = JSON.stringify({ players: board.players, rows: board.rows });
    // A push cut short by this one may not have brought its board to everyone: this one does.
    const boardOwed = content !== this.traineeBoard || this.delivery?.boardHead != null;
    this.traineeBoard = content;
    const boardHead = boardOwed ? `{"type":"leaderboard","seq":${board.seq},${content.slice(1, -1)}` : null;
    const delivery: TraineeDelivery = {
      owed: this.source.traineesOwed(boardOwed)[Symbol.iterator](),
      seq: board.seq,
      boardHead,
      boardBytes: boardHead === null ? null : encoder.encode(`${boardHead}}`),
    };
    this.delivery = delivery;
    this.deliver(delivery);
  }

  /** Writes one slice of a trainee push, and schedules the next on a later turn. */
  private deliver(d: TraineeDelivery): void {
    if (this.delivery !== d || this.source.deleted) return;
    for (let i = 0; i < TRAINEES_PER_SLICE; i++) {
      const next = d.owed.next();
      if (next.done === true) return void (this.delivery = null);
      const { playerId, row, board } = next.value;
      if (d.boardHead === null || !board) {
        if (row !== null) this.broadcast.toPlayer(playerId, { type: 'standing', seq: d.seq, row });
      } else if (row === null) this.broadcast.toPlayerJson(playerId, d.boardBytes!);
      else this.broadcast.toPlayerJson(playerId, `${d.boardHead},"row":${JSON.stringify(row)}}`);
    }
    this.clock.later(() => this.deliver(d), 0);
  }
}
