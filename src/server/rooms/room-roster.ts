/**
 * Who is in a room: players by id and by token hash, the name keys in use (or being joined right
 * now), blocked tokens, and how many players each address added. Ids are random, so they cannot
 * collide with stored ones.
 */
import type { CallKpis } from '../../core/classroom/call-kpis.ts';
import { EMPTY_STANDING, type PlayerStanding } from '../../core/classroom/player-standing.ts';
import { checkNickname, nicknameKey, uniqueNickname } from '../../core/classroom/nickname.ts';
import { randomFrom, type RandomBytes } from '../../core/classroom/join-code.ts';
import type { PlayerId } from '../../shared/classroom-ids.ts';
import { sha256 } from './room-hashes.ts';

export interface RoomPlayer {
  readonly playerId: PlayerId;
  readonly nickname: string;
  readonly tokenHash: string;
  standing: PlayerStanding;
  readonly cards: CallKpis[];
  /** Content hashes of this player's counted runs, with the composite each got. */
  readonly runs: Map<string, number>;
  sockets: number;
  /** Of those, the screens that show the session's board (see the hello's `board`). */
  boardSockets: number;
  connected: boolean;
  /** What this trainee was last told: rank|score|calls. */
  lastRow: string;
}

const PLAYER_ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A name and id held for a join while it is written to the store. */
export interface Reservation {
  readonly playerId: PlayerId;
  readonly nickname: string;
  readonly key: string;
  readonly address: string;
}

export class Roster {
  private readonly players = new Map<PlayerId, RoomPlayer>();
  private readonly byToken = new Map<string, PlayerId>();
  private readonly nicknames = new Set<string>();
  private readonly blockedTokens = new Set<string>();
  private readonly joinsByAddress = new Map<string, number>();

  constructor(private readonly random: RandomBytes) {}

  get size(): number {
    return this.players.size;
  }
  get(playerId: PlayerId): RoomPlayer | undefined {
    return this.players.get(playerId);
  }
  values(): IterableIterator<RoomPlayer> {
    return this.players.values();
  }
  byTokenOf(token: string): PlayerId | null {
    return this.byToken.get(sha256(token)) ?? null;
  }
  isBlocked(token: string): boolean {
    return this.blockedTokens.has(sha256(token));
  }
  joinsFrom(address: string): number {
    return this.joinsByAddress.get(address) ?? 0;
  }

  /** Checks the name and holds it (made unique) and a new id while the join is stored. */
  reserve(rawNickname: string, address: string): { ok: true; reservation: Reservation } | { ok: false; reason: string } {
    const checked = checkNickname(rawNickname);
    if (!checked.ok) return { ok: false, reason: checked.reason };
    const nickname = uniqueNickname(checked.nickname, this.nicknames);
    const key = nicknameKey(nickname);
    this.nicknames.add(key);
    this.joinsByAddress.set(address, this.joinsFrom(address) + 1);
    return { ok: true, reservation: { playerId: this.newPlayerId(), nickname, key, address } };
  }

  /** The join could not be stored: the name and the address's count are given back. */
  release(r: Reservation): void {
    this.nicknames.delete(r.key);
    this.joinsByAddress.set(r.address, Math.max(0, this.joinsFrom(r.address) - 1));
  }

  add(playerId: PlayerId, nickname: string, tokenHash: string): RoomPlayer {
    const player: RoomPlayer = { playerId, nickname, tokenHash, standing: EMPTY_STANDING, cards: [], runs: new Map(), sockets: 0, boardSockets: 0, connected: false, lastRow: '' };
    this.players.set(playerId, player);
    this.byToken.set(tokenHash, playerId);
    this.nicknames.add(nicknameKey(nickname));
    return player;
  }

  /** A stored blocked player: their token and name stay out. */
  keepOut(tokenHash: string, nickname: string): void {
    this.blockedTokens.add(tokenHash);
    this.nicknames.add(nicknameKey(nickname));
  }

  remove(player: RoomPlayer, block: boolean): void {
    this.players.delete(player.playerId);
    this.byToken.delete(player.tokenHash);
    if (block) this.blockedTokens.add(player.tokenHash);
    else this.nicknames.delete(nicknameKey(player.nickname));
  }

  private newPlayerId(): PlayerId {
    for (;;) {
      const id = `p${randomFrom(PLAYER_ID_ALPHABET, 10, this.random)}` as PlayerId;
      if (!this.players.has(id)) return id;
    }
  }
}
