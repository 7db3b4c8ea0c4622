/**
 * One classroom session in memory: players, their standings and results, and the pushes to every
 * screen. Each submission does work independent of the room's size; the leaderboard is ranked and
 * pushed at most once per interval however many calls arrive (coalesced).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import { addCall, EMPTY_STANDING, type PlayerStanding } from '../../core/classroom/player-standing.ts';
import { rankPlayers } from '../../core/classroom/leaderboard.ts';
import { callComposite } from '../../core/classroom/composite.ts';
import { checkNickname, nicknameKey, uniqueNickname } from '../../core/classroom/nickname.ts';
import { newSecret } from '../../core/classroom/join-code.ts';
import { buildDebrief } from '../../core/classroom/debrief.ts';
import type { PlayerCallMistakes } from '../../core/classroom/common-mistakes.ts';
import type { PlayerId, PlayerToken, SubmissionId } from '../../shared/classroom-ids.ts';
import type { ControlBody, Joined, SessionScenario, Submission, SubmitResult } from '../../shared/classroom-http.ts';
import type { Debrief, LeaderboardRow, SessionStatus } from '../../shared/classroom-results.ts';
import type { Scorecard } from '../../shared/scorecard.ts';
import type { StoredSession, StoredSessionState } from '../store/classroom-store.ts';
import { verifyRun } from '../verify-run.ts';
import type { RoomDeps } from './room-ports.ts';
import { nextStatus } from './session-status.ts';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

interface RoomPlayer {
  readonly playerId: PlayerId;
  readonly nickname: string;
  readonly tokenHash: string;
  standing: PlayerStanding;
  readonly cards: Scorecard[];
  sockets: number;
  /** What this trainee was last told: rank|score|calls, and score|calls. */
  lastRow: string;
  lastOwn: string;
}

/** A trainee whose own score changed hears it at once; a place that moved only because others scored is sent at most this often. */
const RANK_ONLY_EVERY_MS = 1000;

export type RoomAnswer<T> = { ok: true; value: T } | { ok: false; status: 400 | 403 | 404 | 409; error: string };
const refuse = <T>(status: 400 | 403 | 404 | 409, error: string): RoomAnswer<T> => ({ ok: false, status, error });

export class Room {
  readonly code: string;
  private session: StoredSession;
  private readonly players = new Map<PlayerId, RoomPlayer>();
  private readonly byToken = new Map<string, PlayerId>();
  private readonly nicknames = new Set<string>();
  private readonly results = new Map<string, { playerId: PlayerId; composite: number }>();
  private readonly pending = new Map<string, Promise<SubmitResult>>();
  private readonly mistakes: PlayerCallMistakes[] = [];
  private seq = 0;
  private lastPush = -Infinity;
  private cancelPush: (() => void) | null = null;
  /** When the scheduled push will run (a leaderboard change pulls a later rank-only push forward). */
  private pushAt = Infinity;
  private leaderboardDirty = false;
  private playersDirty = false;
  private lastRankSweep = -Infinity;
  private ranksOwed = false;
  deleted = false;

  constructor(
    state: StoredSessionState,
    readonly definitions: ReadonlyMap<string, CallDefinition>,
    private readonly deps: RoomDeps,
  ) {
    this.code = state.session.code;
    this.session = state.session;
    for (const p of state.players) this.addPlayerInMemory(p.playerId, p.nickname, p.tokenHash);
    for (const r of state.results) this.applyResult(r.submissionId, r.playerId, r.scorecard, r.mistakes);
  }

  get status(): SessionStatus {
    return this.session.status;
  }
  get title(): string {
    return this.session.title;
  }
  get playerCount(): number {
    return this.players.size;
  }
  get scenarios(): SessionScenario[] {
    return this.session.scenarios.map(({ id, title, hash, uploaded }) => ({ id, title, hash, uploaded }));
  }

  /** An uploaded (or library) scenario's file, so the trainee's game can load what it doesn't ship with. */
  scenarioFile(hash: string): { file: string; text: string } | null {
    const s = this.session.scenarios.find((x) => x.hash === hash);
    return s === undefined ? null : { file: s.file, text: s.text };
  }

  isTrainer(key: string): boolean {
    const a = Buffer.from(sha256(key), 'hex');
    const b = Buffer.from(this.session.trainerKeyHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  playerByToken(token: string): PlayerId | null {
    return this.byToken.get(sha256(token)) ?? null;
  }

  nicknameOf(playerId: PlayerId): string | null {
    return this.players.get(playerId)?.nickname ?? null;
  }

  async join(rawNickname: string, token: PlayerToken | undefined): Promise<RoomAnswer<Joined>> {
    const known = token === undefined ? null : this.playerByToken(token);
    const base = { code: this.session.code as Joined['code'], status: this.status, scenarios: this.scenarios };
    if (known !== null && token !== undefined) {
      return { ok: true, value: { ...base, playerId: known, token, nickname: this.players.get(known)!.nickname, rejoined: true } };
    }
    if (this.status === 'ended') return refuse(409, 'This session has ended.');
    if (this.status === 'locked') return refuse(409, 'The trainer has locked this session to new players.');
    if (this.players.size >= this.deps.maxPlayers) return refuse(409, `This session is full (${this.deps.maxPlayers} players).`);
    const checked = checkNickname(rawNickname);
    if (!checked.ok) return refuse(400, checked.reason);
    const nickname = uniqueNickname(checked.nickname, this.nicknames);
    const newToken = newSecret(this.deps.random) as PlayerToken;
    const playerId = `p${(this.players.size + 1).toString(36)}` as PlayerId;
    const player = this.addPlayerInMemory(playerId, nickname, sha256(newToken));
    await this.deps.store.addPlayer({ code: this.code, playerId, tokenHash: player.tokenHash, nickname, joinedAt: this.deps.clock.now() });
    this.markDirty('players');
    return { ok: true, value: { ...base, playerId, token: newToken, nickname, rejoined: false } };
  }

  /** Submits one finished call as `playerId`. The same submission id never counts twice. */
  submit(playerId: PlayerId, submission: Submission): Promise<SubmitResult> {
    const id = submission.submissionId;
    const done = this.results.get(id);
    if (done !== undefined) {
      if (done.playerId !== playerId) return Promise.resolve({ status: 'refused', submissionId: id, reason: 'this submission id belongs to another player' });
      return Promise.resolve({ status: 'accepted', submissionId: id, composite: done.composite, duplicate: true });
    }
    const inFlight = this.pending.get(id);
    if (inFlight !== undefined) return inFlight.then((r) => (r.status === 'accepted' ? { ...r, duplicate: true } : r));
    const refused = (reason: string): Promise<SubmitResult> => Promise.resolve({ status: 'refused', submissionId: id, reason });
    if (!this.players.has(playerId)) return refused('you are not a player in this session');
    if (this.status === 'lobby') return refused('the trainer has not started the session yet');
    if (this.status === 'ended') return refused('the session has ended');
    const verdict = verifyRun(this.definitions, submission.run, submission.claimed);
    if (!verdict.ok) return refused(verdict.reason);
    const at = this.deps.clock.now();
    const saving = this.deps.store
      .addResult({ code: this.code, submissionId: id, playerId, run: submission.run, scorecard: verdict.scorecard, mistakes: verdict.mistakes, at })
      .then((): SubmitResult => {
        const composite = this.applyResult(id, playerId, verdict.scorecard, verdict.mistakes);
        this.markDirty('leaderboard');
        return { status: 'accepted', submissionId: id, composite, duplicate: false };
      })
      .finally(() => this.pending.delete(id));
    this.pending.set(id, saving);
    return saving;
  }

  get currentSeq(): number {
    return this.seq;
  }

  async control(action: ControlBody['action']): Promise<RoomAnswer<SessionStatus>> {
    const next = nextStatus(this.status, action);
    if (!next.ok) return refuse(409, next.error);
    this.session = { ...this.session, status: next.status };
    await this.deps.store.setStatus(this.code, next.status);
    this.deps.broadcast.toAll({ type: 'status', status: next.status });
    return { ok: true, value: next.status };
  }

  async delete(): Promise<void> {
    this.deleted = true;
    this.cancelPush?.();
    await this.deps.store.deleteSession(this.code);
    this.deps.broadcast.toAll({ type: 'deleted' });
  }

  connected(playerId: PlayerId, delta: 1 | -1): void {
    const p = this.players.get(playerId);
    if (p === undefined) return;
    const before = p.sockets > 0;
    p.sockets = Math.max(0, p.sockets + delta);
    if (before !== p.sockets > 0) this.markDirty('players');
  }

  leaderboard(limit = Infinity): LeaderboardRow[] {
    const rankable = [];
    for (const p of this.players.values()) rankable.push({ playerId: p.playerId, nickname: p.nickname, standing: p.standing, connected: p.sockets > 0 });
    return rankPlayers(rankable, limit);
  }

  playerList() {
    return [...this.players.values()].map((p) => ({ playerId: p.playerId, nickname: p.nickname, connected: p.sockets > 0 }));
  }

  debrief(): Debrief {
    return buildDebrief([...this.players.values()], this.mistakes);
  }

  /** Pushes now if the last push was long enough ago, else once at the end of the interval. */
  private markDirty(what: 'leaderboard' | 'players' | 'ranks', wait?: number): void {
    if (what === 'leaderboard') this.leaderboardDirty = true;
    else if (what === 'players') this.playersDirty = true;
    if (this.deleted) return;
    const now = this.deps.clock.now();
    const at = now + (wait ?? Math.max(0, this.lastPush + this.deps.pushIntervalMs - now));
    if (this.cancelPush !== null) {
      if (at >= this.pushAt) return;
      this.cancelPush();
    }
    this.pushAt = at;
    this.cancelPush = this.deps.clock.later(() => this.push(), at - now);
  }

  /** Sends what changed since the last push; public so tests and shutdown can flush. */
  push(): void {
    this.cancelPush = null;
    const now = this.deps.clock.now();
    this.lastPush = now;
    if (this.playersDirty) {
      this.playersDirty = false;
      this.deps.broadcast.toViewers({ type: 'players', players: this.playerList() });
      this.leaderboardDirty = true;
    }
    const sweepRanks = this.ranksOwed && now - this.lastRankSweep >= RANK_ONLY_EVERY_MS;
    if (!this.leaderboardDirty && !sweepRanks) return;
    const rows = this.leaderboard();
    if (this.leaderboardDirty) {
      this.leaderboardDirty = false;
      this.deps.broadcast.toAll({ type: 'leaderboard', seq: this.seq, players: rows.length, rows: rows.slice(0, this.deps.topRows) });
    }
    this.sendStandings(rows, now - this.lastRankSweep >= RANK_ONLY_EVERY_MS, now);
  }

  /** Each connected trainee's own row: at once when their score changed, rank-only moves at most once a second. */
  private sendStandings(rows: readonly LeaderboardRow[], includeRankOnly: boolean, now: number): void {
    let owed = false;
    for (const row of rows) {
      const p = this.players.get(row.playerId)!;
      const key = `${row.rank}|${row.score}|${row.calls}`;
      if (key === p.lastRow || p.sockets === 0) continue;
      const own = `${row.score}|${row.calls}`;
      if (own === p.lastOwn && !includeRankOnly) {
        owed = true;
        continue;
      }
      p.lastRow = key;
      p.lastOwn = own;
      this.deps.broadcast.toPlayer(row.playerId, { type: 'standing', seq: this.seq, row });
    }
    if (includeRankOnly) this.lastRankSweep = now;
    this.ranksOwed = owed;
    if (owed) this.markDirty('ranks', RANK_ONLY_EVERY_MS);
  }

  private addPlayerInMemory(playerId: PlayerId, nickname: string, tokenHash: string): RoomPlayer {
    const player: RoomPlayer = { playerId, nickname, tokenHash, standing: EMPTY_STANDING, cards: [], sockets: 0, lastRow: '', lastOwn: '' };
    this.players.set(playerId, player);
    this.byToken.set(tokenHash, playerId);
    this.nicknames.add(nicknameKey(nickname));
    return player;
  }

  private applyResult(id: SubmissionId, playerId: PlayerId, card: Scorecard, mistakes: PlayerCallMistakes['mistakes']): number {
    const player = this.players.get(playerId)!;
    const call = callComposite(card);
    player.standing = addCall(player.standing, card.scenarioId, call);
    player.cards.push(card);
    this.results.set(id, { playerId, composite: call.composite });
    if (mistakes.length > 0) this.mistakes.push({ playerId, scenarioId: card.scenarioId, mistakes });
    this.seq++;
    return call.composite;
  }
}
