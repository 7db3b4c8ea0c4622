/**
 * One classroom session in memory: the façade the routes and sockets talk to. Who is in it lives in
 * `Roster`, counted results and the debrief in `RoomResults`, the ticket rules in `ticket-check`,
 * and when screens hear about changes in `RoomPushes`. Everything is written to the store before it
 * is shown. Each submission does work independent of the room's size; the leaderboard is kept
 * sorted as results arrive.
 */
import type { CallDefinition } from '../../core/engine/call-definition.ts';
import { addCall } from '../../core/classroom/player-standing.ts';
import { Ranking } from '../../core/classroom/ranking.ts';
import { callComposite } from '../../core/classroom/composite.ts';
import type { CallKpis } from '../../core/classroom/call-kpis.ts';
import { newSecret } from '../../core/classroom/join-code.ts';
import type { PlayerId, PlayerToken, SubmissionId, Ticket } from '../../shared/classroom-ids.ts';
import type { ControlBody, IssuedTicket, Joined, SessionPace, SessionScenario, Submission, SubmitResult } from '../../shared/classroom-http.ts';
import type { CallMistake, Debrief, LeaderboardRow, SessionStatus } from '../../shared/classroom-results.ts';
import type { RunLog } from '../../shared/call-events.ts';
import type { StoredResult, StoredScenario, StoredSession, StoredSessionState, StoredTicket } from '../store/classroom-store.ts';
import { verifyRun } from '../verify-run.ts';
import { RateLimiter } from '../rate-limit.ts';
import { WorkQueue } from '../work-queue.ts';
import type { RoomDeps } from './room-ports.ts';
import { nextStatus } from './session-status.ts';
import { RoomPushes, type TraineeOwed } from './room-pushes.ts';
import type { LeaderboardMessage } from '../../shared/classroom-ws.ts';
import { matchesHash, runContentHash, sha256 } from './room-hashes.ts';
import { Roster, type RoomPlayer } from './room-roster.ts';
import { RoomResults } from './room-results.ts';
import { checkTicket } from './ticket-check.ts';
import type { RoomChanges } from '../store/room-changes.ts';
import { paceRefusal } from '../../core/classroom/session-pace.ts';
import { addedCallRefusal } from '../../core/classroom/added-call-check.ts';
import type { CheckedSubmit } from '../verify/submission-check.ts';
import { prepareSubmission, runOf, type PreparedSubmission } from '../verify/prepared-submission.ts';

export { sha256, runContentHash };

export type RoomAnswer<T> = { ok: true; value: T } | { ok: false; status: 400 | 403 | 404 | 409 | 429; error: string };
const refuse = <T>(status: 400 | 403 | 404 | 409 | 429, error: string): RoomAnswer<T> => ({ ok: false, status, error });

export class Room {
  readonly code: string;
  private session: StoredSession;
  private readonly roster: Roster;
  private readonly results: RoomResults;
  private readonly pending = new Map<string, Promise<SubmitResult>>();
  private readonly tickets = new Map<string, StoredTicket>();
  private readonly ranking = new Ranking<RoomPlayer>(() => this.session.scenarios.length);
  private readonly submitLimiter: RateLimiter;
  private readonly work: WorkQueue;
  private joining = 0;
  private adding: Promise<unknown> = Promise.resolve();
  /** Submit messages being checked in a verdict worker (see precheck). */
  private checking = 0;
  private seq = 0;
  private readonly pushes: RoomPushes;
  /** Last time anything happened here (the rooms evict a room idle long enough). */
  lastActive: number;
  deleted = false;
  /** The room's version in a shared database that this copy has read up to (see absorb). */
  syncedVersion: number;

  constructor(
    state: StoredSessionState,
    readonly definitions: ReadonlyMap<string, CallDefinition>,
    private readonly deps: RoomDeps,
  ) {
    this.code = state.session.code;
    this.session = state.session;
    this.work = deps.work ?? new WorkQueue();
    this.roster = new Roster(deps.random);
    this.results = new RoomResults(definitions, this.work);
    this.submitLimiter = new RateLimiter(10, 0.5, deps.clock.now);
    this.lastActive = deps.clock.now();
    this.syncedVersion = state.version ?? 0;
    const room = this;
    this.pushes = new RoomPushes(
      {
        get deleted() {
          return room.deleted;
        },
        leaderboardMessage: () => this.leaderboardMessage(),
        playersMessage: () => ({ type: 'players', players: this.playerList() }),
        traineesOwed: (everyone) => this.traineesOwed(everyone),
        busy: () => this.pending.size > 0 || this.checking > 0,
      },
      deps.broadcast,
      deps.clock,
      deps.pushIntervalMs,
    );
    // The verdict workers compile the session's calls now, so a burst's first checks can replay them.
    for (const def of definitions.values()) deps.verdicts?.introduce?.(def);
    for (const p of state.players) {
      if (p.blocked === true) this.roster.keepOut(p.tokenHash, p.nickname);
      else this.ranking.place(this.roster.add(p.playerId, p.nickname, p.tokenHash));
    }
    for (const t of state.tickets) this.tickets.set(t.ticketHash, t);
    for (const r of state.results) {
      if (this.roster.get(r.playerId) !== undefined) this.applyResult(r.submissionId, r.playerId, r.scenarioHash ?? r.run.scenarioHash, () => r.run, r.runHash || runContentHash(r.run), r.kpis, r.mistakes);
    }
  }

  get status(): SessionStatus {
    return this.session.status;
  }
  get title(): string {
    return this.session.title;
  }
  get playerCount(): number {
    return this.roster.size;
  }
  get scenarios(): SessionScenario[] {
    return this.session.scenarios.map(({ id, title, hash, uploaded }) => ({ id, title, hash, uploaded }));
  }
  /** How every call of this session is played (the trainer's choice). */
  get pace(): SessionPace {
    return this.session.pace ?? 'untimed';
  }
  get scenarioHashes(): string[] {
    return this.session.scenarios.map((s) => s.hash);
  }
  get currentSeq(): number {
    return this.seq;
  }

  /** An uploaded (or library) scenario's file, so the trainee's game can load what it doesn't ship with. */
  scenarioFile(hash: string): { file: string; text: string } | null {
    const s = this.session.scenarios.find((x) => x.hash === hash);
    return s === undefined ? null : { file: s.file, text: s.text };
  }

  isTrainer(key: string): boolean {
    return matchesHash(key, this.session.trainerKeyHash);
  }

  playerByToken(token: string): PlayerId | null {
    return this.roster.byTokenOf(token);
  }

  /** The same, reading what other server instances stored first when the token is not known here yet. */
  async findPlayer(token: string): Promise<PlayerId | null> {
    const known = this.playerByToken(token);
    if (known !== null || this.deps.refresh === undefined) return known;
    await this.deps.refresh(this);
    return this.playerByToken(token);
  }

  nicknameOf(playerId: PlayerId): string | null {
    return this.roster.get(playerId)?.nickname ?? null;
  }

  /** Joins a new player (stored before shown), or gives back the player a known token belongs to. */
  async join(rawNickname: string, token: PlayerToken | undefined, address = 'unknown'): Promise<RoomAnswer<Joined>> {
    this.touch();
    const known = token === undefined ? null : await this.findPlayer(token);
    const base = { code: this.session.code as Joined['code'], status: this.status, scenarios: this.scenarios, pace: this.pace };
    if (known !== null && token !== undefined) {
      return { ok: true, value: { ...base, playerId: known, token, nickname: this.roster.get(known)!.nickname, rejoined: true } };
    }
    if (this.deleted) return refuse(404, 'This session was deleted.');
    if (token !== undefined && this.roster.isBlocked(token)) return refuse(403, 'The trainer removed you from this session.');
    if (this.status === 'ended') return refuse(409, 'This session has ended.');
    if (this.status === 'locked') return refuse(409, 'The trainer has locked this session to new players.');
    if (this.roster.size + this.joining >= this.deps.maxPlayers) return refuse(409, `This session is full (${this.deps.maxPlayers} players).`);
    const perAddress = this.deps.joinsPerAddress ?? Infinity;
    if (this.roster.joinsFrom(address) >= perAddress) return refuse(429, `Too many players joined from this network (${perAddress}); ask the trainer.`);
    const reserved = this.roster.reserve(rawNickname, address);
    if (!reserved.ok) return refuse(400, reserved.reason);
    const { playerId, nickname } = reserved.reservation;
    const newToken = newSecret(this.deps.random) as PlayerToken;
    const tokenHash = sha256(newToken);
    this.joining++;
    try {
      await this.deps.store.addPlayer({ code: this.code, playerId, tokenHash, nickname, joinedAt: this.deps.clock.now() });
    } catch (error) {
      this.roster.release(reserved.reservation);
      throw error;
    } finally {
      this.joining--;
    }
    if (this.deleted) return refuse(404, 'This session was deleted.');
    // Another instance's note may have brought this player in already.
    if (this.roster.get(playerId) === undefined) this.ranking.place(this.roster.add(playerId, nickname, tokenHash));
    this.markDirty('players');
    return { ok: true, value: { ...base, playerId, token: newToken, nickname, rejoined: false } };
  }

  /** A call starts: a single-use ticket for this player and scenario, with the seed the run will carry. Stored first. */
  async issueTicket(playerId: PlayerId, scenarioHash: string): Promise<RoomAnswer<IssuedTicket>> {
    this.touch();
    if (this.deleted) return refuse(404, 'This session was deleted.');
    if (this.roster.get(playerId) === undefined) return refuse(403, 'Join the session before starting a call.');
    if (this.status === 'ended') return refuse(409, 'This session has ended.');
    if (!this.session.scenarios.some((s) => s.hash === scenarioHash)) return refuse(404, 'That call is not one of this session’s scenarios.');
    const ticket = newSecret(this.deps.random) as Ticket;
    const bytes = new Uint8Array(4);
    this.deps.random(bytes);
    const seed = new DataView(bytes.buffer).getUint32(0);
    const stored: StoredTicket = { code: this.code, ticketHash: sha256(ticket), playerId, scenarioHash, seed, issuedAt: this.deps.clock.now() };
    await this.deps.store.addTicket(stored);
    this.tickets.set(stored.ticketHash, stored);
    return { ok: true, value: { ticket, seed } };
  }

  /**
   * A trainee's submit message checked off the event loop (parsed, validated, hashed, replayed in a
   * verdict worker); null when no worker is ready, and the socket checks it as any other message.
   */
  precheck(message: string | Uint8Array): Promise<CheckedSubmit> | null {
    const checking = this.deps.verdicts?.check?.(message, this.deps.msPerDecision) ?? null;
    if (checking === null) return null;
    // Counted as work in hand (a burst), as submissions are: trainees' boards wait for it.
    this.checking++;
    return checking.finally(() => this.checking--);
  }

  /** Submits one finished call as `playerId` (see submitPrepared); its verdict is worked out where the room's verdicts are. */
  submit(playerId: PlayerId, submission: Submission): Promise<SubmitResult> {
    return this.submitPrepared(playerId, prepareSubmission(submission, undefined, this.deps.msPerDecision, true));
  }

  /**
   * Submits one finished call as `playerId`, prepared here or in a verdict worker (a precheck). The
   * same submission id, or the same run, never counts twice.
   */
  submitPrepared(playerId: PlayerId, submission: PreparedSubmission): Promise<SubmitResult> {
    this.touch();
    const id = submission.submissionId;
    const done = this.results.get(id);
    if (done !== undefined) {
      if (done.playerId !== playerId) return Promise.resolve({ status: 'refused', submissionId: id, reason: 'this submission id belongs to another player' });
      return Promise.resolve(this.accepted(id, playerId, done.composite, true));
    }
    const inFlight = this.pending.get(id);
    if (inFlight !== undefined) return inFlight.then((r) => (r.status === 'accepted' ? { ...r, duplicate: true } : r));
    const refresh = this.deps.refresh;
    const ticketHere = refresh === undefined || this.tickets.has(submission.ticketHash);
    const saving = ticketHere ? this.save(playerId, submission) : refresh(this).then(() => this.save(playerId, submission));
    this.pending.set(id, saving);
    const settled = () => void this.pending.delete(id);
    saving.then(settled, settled);
    return saving;
  }

  /**
   * The room's own rules (a few map lookups, checked at once: the parsing, hashing and replay were
   * done where the submission was prepared), the verdict when it was not worked out there, then the store.
   */
  private async save(playerId: PlayerId, s: PreparedSubmission): Promise<SubmitResult> {
    const admitted = this.admit(playerId, s);
    if (admitted.status === 'answer') return admitted.answer;
    const verdict =
      s.verdict ?? (await verifyRun(this.definitions, runOf(s), s.claimed, { runHash: s.runHash, runJson: s.runJson, ...(this.deps.verdicts === undefined ? {} : { verdicts: this.deps.verdicts }) }));
    if (!verdict.ok) return { status: 'refused', submissionId: s.submissionId, reason: verdict.reason };
    return this.store(playerId, s, verdict.kpis, admitted.ticket);
  }

  /**
   * The checks before the replay: player, session, same run, rate, then the ticket (see
   * ticket-check.ts). Takes the ticket (a run refused on replay has used it up).
   */
  private admit(playerId: PlayerId, s: PreparedSubmission): { status: 'answer'; answer: SubmitResult } | { status: 'store'; ticket: StoredTicket } {
    const id = s.submissionId;
    const refused = (reason: string, retry = false) => ({ status: 'answer' as const, answer: { status: 'refused' as const, submissionId: id, reason, ...(retry ? { retry } : {}) } });
    if (this.deleted) return refused('the session was deleted');
    const player = this.roster.get(playerId);
    if (player === undefined) return refused('you are not a player in this session');
    if (this.status === 'ended') return refused('the session has ended');
    const earlier = player.runs.get(s.runHash);
    if (earlier !== undefined) return { status: 'answer', answer: this.accepted(id, playerId, earlier, true) };
    if (!this.submitLimiter.take(playerId)) return refused('too many calls sent at once: it will be sent again in a moment', true);
    const ticket = this.tickets.get(s.ticketHash);
    const checked = checkTicket(ticket, playerId, s, this.deps.clock.now());
    if (!checked.ok) return refused(checked.reason);
    if (!this.definitions.has(s.scenarioHash)) return refused('unknown scenario hash: this call is not one of the session’s scenarios (or was played on another version)');
    const wrongPace = paceRefusal(s, this.pace);
    if (wrongPace !== null) return refused(wrongPace);
    this.tickets.delete(s.ticketHash);
    return { status: 'store', ticket: ticket! };
  }

  /** Writes the result (with others arriving now, in one transaction), then counts and shows it. */
  private async store(playerId: PlayerId, s: PreparedSubmission, kpis: CallKpis, ticket: StoredTicket): Promise<SubmitResult> {
    const readRun = this.runReader(s);
    const result: StoredResult = {
      code: this.code,
      submissionId: s.submissionId,
      playerId,
      // Read from its JSON only if a store asks for the object (the stores write the JSON as it is).
      get run() {
        return runOf(s);
      },
      scenarioHash: s.scenarioHash,
      runJson: s.runJson,
      runHash: s.runHash,
      ticketHash: s.ticketHash,
      kpis,
      mistakes: null,
      at: this.deps.clock.now(),
    };
    let answer: 'added' | 'duplicate';
    try {
      answer = await this.deps.store.addResult(result);
    } catch (error) {
      if (this.deleted) return { status: 'refused', submissionId: result.submissionId, reason: 'the session was deleted' };
      console.error('storing a classroom result failed:', (error as Error).message);
      this.tickets.set(ticket.ticketHash, ticket);
      return { status: 'refused', submissionId: result.submissionId, reason: 'the server could not store this call; it will be sent again', retry: true };
    }
    const player = this.roster.get(result.playerId);
    if (this.deleted || player === undefined) return { status: 'refused', submissionId: result.submissionId, reason: this.deleted ? 'the session was deleted' : 'you are not a player in this session' };
    if (answer === 'duplicate') return this.accepted(result.submissionId, result.playerId, player.runs.get(result.runHash) ?? 0, true);
    // Stored by us, but read back from the shared database (absorb) before this line ran: counted once.
    const absorbed = this.results.get(result.submissionId);
    if (absorbed !== undefined) return this.accepted(result.submissionId, result.playerId, absorbed.composite, false);
    const composite = this.applyResult(result.submissionId, result.playerId, s.scenarioHash, readRun, result.runHash, result.kpis, null);
    this.markDirty('leaderboard');
    return this.accepted(result.submissionId, result.playerId, composite, false);
  }

  /**
   * How a counted result's run is read when the debrief or team mode first asks: back from the
   * store when it can answer at once (memory then holds no run, only the call's figures), else
   * from the JSON kept here (or the run, prepared here). Read at most once.
   */
  private runReader(s: PreparedSubmission): () => RunLog {
    const store = this.deps.store;
    if (store.readRun === undefined) {
      const kept: Pick<PreparedSubmission, 'run' | 'runJson'> = s.run === undefined ? { runJson: s.runJson } : { run: s.run, runJson: s.runJson };
      return once(() => runOf(kept));
    }
    const { code } = this;
    const { submissionId, scenarioHash, seed } = s;
    // Gone from the store (the player was removed, the session deleted): a run with no moves, which scores as no call.
    return once(() => store.readRun!(code, submissionId) ?? { scenarioId: '', scenarioHash, seed, events: [] });
  }

  /** The answer to a counted submission, carrying the trainee's own row (place and score) as it is now. */
  private accepted(id: SubmissionId, playerId: PlayerId, composite: number, duplicate: boolean): SubmitResult {
    const player = this.roster.get(playerId);
    if (player === undefined) return { status: 'accepted', submissionId: id, composite, duplicate };
    const row = this.ranking.rowFor(player);
    player.lastRow = rowKey(row);
    return { status: 'accepted', submissionId: id, composite, duplicate, row };
  }

  /** Moves the session (start, lock, unlock, end): stored first, then shown. */
  async control(action: ControlBody['action']): Promise<RoomAnswer<SessionStatus>> {
    this.touch();
    if (this.deleted) return refuse(404, 'This session was deleted.');
    const next = nextStatus(this.status, action);
    if (!next.ok) return refuse(409, next.error);
    await this.deps.store.setStatus(this.code, next.status);
    this.session = { ...this.session, status: next.status };
    this.deps.broadcast.toAll({ type: 'status', status: next.status });
    if (next.status === 'ended') this.deps.onEnded?.(this.code);
    return { ok: true, value: next.status };
  }

  /**
   * The trainer adds a checked call to the running session: stored first, then every screen is
   * told. The same call again is a no-op; see added-call-check.ts for what is refused.
   */
  addScenario(scenario: StoredScenario, definition: CallDefinition): Promise<RoomAnswer<{ added: SessionScenario; alreadyThere: boolean }>> {
    // One add at a time, so each writes the list the one before it left.
    const turn = this.adding.then(() => this.addScenarioNow(scenario, definition));
    this.adding = turn.catch(() => undefined);
    return turn;
  }

  private async addScenarioNow(scenario: StoredScenario, definition: CallDefinition): Promise<RoomAnswer<{ added: SessionScenario; alreadyThere: boolean }>> {
    this.touch();
    const summary = { id: scenario.id, title: scenario.title, hash: scenario.hash, uploaded: scenario.uploaded };
    const refusal = addedCallRefusal(this.deleted, this.status, this.session.scenarios, scenario);
    if (refusal === 'already there') return { ok: true, value: { added: summary, alreadyThere: true } };
    if (refusal !== null) return refuse(refusal.status, refusal.error);
    const scenarios = [...this.session.scenarios, scenario];
    await this.deps.store.setScenarios(this.code, scenarios);
    this.session = { ...this.session, scenarios };
    (this.definitions as Map<string, CallDefinition>).set(scenario.hash, definition);
    this.deps.verdicts?.introduce?.(definition);
    this.deps.broadcast.toAll({ type: 'scenarios', scenarios: this.scenarios });
    return { ok: true, value: { added: summary, alreadyThere: false } };
  }

  /** The list of calls another instance stored (a call added there): shown here as if added here. */
  adoptScenarios(scenarios: readonly StoredScenario[], definitions: ReadonlyMap<string, CallDefinition>): void {
    if (this.deleted) return;
    const held = this.definitions as Map<string, CallDefinition>;
    for (const [hash, def] of definitions) {
      if (!held.has(hash)) this.deps.verdicts?.introduce?.(def);
      held.set(hash, def);
    }
    const before = this.scenarioHashes.join();
    this.session = { ...this.session, scenarios: [...scenarios] };
    if (this.scenarioHashes.join() !== before) this.deps.broadcast.toAll({ type: 'scenarios', scenarios: this.scenarios });
  }

  /** The trainer removes a player: their results go, their sockets close; blocked, their token and name stay out. */
  async removePlayer(playerId: PlayerId, block: boolean): Promise<RoomAnswer<{ removed: PlayerId; blocked: boolean }>> {
    this.touch();
    if (this.roster.get(playerId) === undefined) return refuse(404, 'No such player in this session.');
    await this.deps.store.removePlayer(this.code, playerId, block);
    this.forgetPlayer(playerId, block);
    return { ok: true, value: { removed: playerId, blocked: block } };
  }

  /** Drops a removed player from memory and closes their sockets (here, or as told by another instance). */
  private forgetPlayer(playerId: PlayerId, block: boolean): void {
    const player = this.roster.get(playerId);
    if (player === undefined) return;
    this.ranking.remove(player);
    this.roster.remove(player, block);
    this.results.removePlayer(playerId);
    for (const [hash, t] of this.tickets) if (t.playerId === playerId) this.tickets.delete(hash);
    this.seq++;
    this.deps.broadcast.close(playerId, { type: 'removed', blocked: block });
    this.markDirty('players');
  }

  /**
   * What other server instances stored in this room since `syncedVersion`, read back from the
   * shared database: shown here as if it had happened here. Rows this instance wrote itself are
   * already here and are skipped, so nothing counts twice.
   */
  absorb(changes: RoomChanges): void {
    if (this.deleted || changes.version <= this.syncedVersion) return;
    this.syncedVersion = changes.version;
    this.touch();
    if (changes.status !== this.session.status) {
      this.session = { ...this.session, status: changes.status };
      this.deps.broadcast.toAll({ type: 'status', status: changes.status });
      if (changes.status === 'ended') this.deps.onEnded?.(this.code);
    }
    for (const r of changes.removals) this.forgetPlayer(r.playerId, r.blocked);
    for (const p of changes.players) {
      if (p.blocked === true) {
        this.forgetPlayer(p.playerId, true);
        this.roster.keepOut(p.tokenHash, p.nickname);
      } else if (this.roster.get(p.playerId) === undefined) {
        this.ranking.place(this.roster.add(p.playerId, p.nickname, p.tokenHash));
        this.markDirty('players');
      }
    }
    for (const t of changes.tickets) if (this.roster.get(t.playerId) !== undefined) this.tickets.set(t.ticketHash, t);
    for (const r of changes.results) {
      if (r.ticketHash !== null) this.tickets.delete(r.ticketHash);
      if (this.results.get(r.submissionId) !== undefined || this.roster.get(r.playerId) === undefined) continue;
      this.applyResult(r.submissionId, r.playerId, r.scenarioHash ?? r.run.scenarioHash, () => r.run, r.runHash || runContentHash(r.run), r.kpis, r.mistakes);
      this.markDirty('leaderboard');
    }
  }

  async delete(): Promise<void> {
    this.deleted = true;
    this.pushes.stop();
    await this.deps.store.deleteSession(this.code);
    this.deps.broadcast.close(null, { type: 'deleted' });
  }

  /** Stops timers before the room is dropped from memory (it is rebuilt from the store when next asked for). */
  dispose(): void {
    this.pushes.stop();
  }

  /** A trainee's socket opened or closed; `board`: a screen that shows the session's board. */
  connected(playerId: PlayerId, delta: 1 | -1, board = false): void {
    const p = this.roster.get(playerId);
    if (p === undefined) return;
    this.touch();
    p.sockets = Math.max(0, p.sockets + delta);
    if (board) p.boardSockets = Math.max(0, p.boardSockets + delta);
    if (p.connected !== p.sockets > 0) {
      p.connected = p.sockets > 0;
      this.markDirty('players');
    }
  }

  leaderboard(limit = Infinity): LeaderboardRow[] {
    return this.ranking.rows(limit);
  }

  /** One trainee's row (place, score, calls played of the session's). */
  rowOf(playerId: PlayerId): LeaderboardRow | null {
    const p = this.roster.get(playerId);
    return p === undefined ? null : this.ranking.rowFor(p);
  }

  playerList() {
    return [...this.roster.values()].map((p) => ({ playerId: p.playerId, nickname: p.nickname, connected: p.connected }));
  }

  /** The debrief; mistakes not yet worked out are worked out now, in slices (off the submission path). */
  debrief(): Promise<Debrief> {
    return this.results.debrief(() => [...this.roster.values()]);
  }

  /** Idle for at least `ms` with nobody connected: safe to drop from memory. */
  idleFor(ms: number): boolean {
    if (this.pending.size > 0 || this.checking > 0 || this.joining > 0) return false;
    for (const p of this.roster.values()) if (p.sockets > 0) return false;
    return this.deps.clock.now() - this.lastActive >= ms;
  }

  /** Sends pending pushes now (tests and shutdown flush with this). */
  push(): void {
    this.pushes.push();
  }

  private touch(): void {
    this.lastActive = this.deps.clock.now();
  }

  private markDirty(what: 'leaderboard' | 'players'): void {
    this.pushes.mark(what);
  }

  private leaderboardMessage(): LeaderboardMessage {
    return { type: 'leaderboard', seq: this.seq, players: this.roster.size, rows: this.ranking.rows(this.deps.topRows) };
  }

  /**
   * Connected trainees whose place moved since they were last told (taken as told now), with their
   * row; with `boards`, also every other trainee whose screen shows the board (row null).
   */
  private *traineesOwed(boards: boolean): Iterable<TraineeOwed> {
    for (const { player, rank } of this.ranking.entries()) {
      if (player.sockets === 0) continue;
      const key = `${rank}|${player.standing.score}|${player.standing.calls}`;
      const moved = key !== player.lastRow;
      if (moved) player.lastRow = key;
      const board = player.boardSockets > 0;
      if (moved || (boards && board)) yield { playerId: player.playerId, row: moved ? this.ranking.rowFor(player) : null, board };
    }
    if (boards) for (const player of this.roster.values()) if (player.boardSockets > 0 && player.standing.calls === 0) yield { playerId: player.playerId, row: null, board: true };
  }

  /** `readRun` gives the run when the debrief or team mode first needs it (a new result's is read from its JSON then). */
  private applyResult(id: SubmissionId, playerId: PlayerId, scenarioHash: string, readRun: () => RunLog, runHash: string, kpis: CallKpis, mistakes: readonly CallMistake[] | null): number {
    const player = this.roster.get(playerId)!;
    const call = callComposite(kpis);
    this.ranking.remove(player);
    // Keyed by the scenario's content hash (issue 11 §5): two uploads sharing an id but not their content are two calls.
    player.standing = addCall(player.standing, scenarioHash, call, this.session.scenarios.length);
    this.ranking.place(player);
    player.cards.push(kpis);
    player.runs.set(runHash, call.composite);
    this.results.add(id, { playerId, composite: call.composite, scenarioHash, run: mistakes === null ? readRun : null, mistakes });
    this.seq++;
    this.deps.onCall?.(this.code, {
      submissionId: id,
      playerId,
      kpis,
      get run() {
        return readRun();
      },
      at: this.deps.clock.now(),
    });
    return call.composite;
  }
}

/** `read` called at most once, its answer kept. */
function once<T>(read: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: read() }).v;
}

const rowKey = (row: LeaderboardRow) => `${row.rank}|${row.score}|${row.calls}`;
