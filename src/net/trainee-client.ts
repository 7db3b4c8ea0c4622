/**
 * The trainee's side of a classroom session: joins with a code and nickname, keeps the player
 * token in localStorage (a reload rejoins as the same player), asks for a ticket when a call
 * starts, and submits each finished call with its ticket and an id kept in an outbox until the
 * server has settled it (accepted, or refused for good), so nothing is lost or counted twice.
 */
import type { PlayContext } from '../core/ports/play-context.ts';
import { claimFrom } from '../core/classroom/claimed-score.ts';
import type { RunLog } from '../shared/call-events.ts';
import type { Scorecard } from '../shared/scorecard.ts';
import type { IssuedTicket, Joined, Submission } from '../shared/classroom-http.ts';
import { ownRowOf, type ServerMessage } from '../shared/classroom-ws.ts';
import type { LeaderboardRow } from '../shared/classroom-results.ts';
import { api } from './classroom-api.ts';
import { LiveSocket } from './live-socket.ts';
import { setClassroom, type CallStarter } from './classroom-call.ts';

const tokenKey = (code: string) => `htl.classroom.${code}.player`;
const outboxKey = (code: string) => `htl.classroom.${code}.outbox`;
/** The ticket of the call being played on a scenario (kept so a reload mid-call can still send it). */
const ticketKey = (code: string, hash: string) => `htl.classroom.${code}.ticket.${hash}`;
const RESEND_MS = 5000;

export interface TraineeEvents {
  onStanding?(row: LeaderboardRow): void;
  onLeaderboard?(rows: LeaderboardRow[], players: number): void;
  onSubmitted?(result: Extract<ServerMessage, { type: 'submitted' }>['result']): void;
  onStatus?(status: string): void;
  onConnection?(state: 'connecting' | 'open' | 'closed'): void;
  onError?(message: string): void;
  /** The trainer added a call to the running session: every call the session holds now. */
  onScenarios?(scenarios: Joined['scenarios']): void;
  /** Team mode, peer review and feedback messages (team-messages.ts). */
  onTeam?(message: Extract<ServerMessage, { type: 'team' | 'review-request' | 'review-saved' | 'feedback' }>): void;
}

export class TraineeClient implements CallStarter {
  private socket: LiveSocket | null = null;
  /** Ticket requests in flight, by scenario hash: a call finished very fast waits for its ticket. */
  private readonly tickets = new Map<string, Promise<IssuedTicket | null>>();
  private outbox: Submission[];
  private resendTimer: ReturnType<typeof setInterval> | null = null;
  /**
   * The room's sequence number of the newest own row and board shown: an older one arriving later
   * (boards are written in slices after a burst, while replies carry newer rows) is not shown.
   * Reset by each welcome, as a server that restarted counts again.
   */
  private rowSeq = -1;
  private boardSeq = -1;

  private constructor(readonly joined: Joined, private readonly events: TraineeEvents, private readonly storage: Storage) {
    this.outbox = JSON.parse(storage.getItem(outboxKey(joined.code)) ?? '[]') as Submission[];
  }

  /** Joins (or rejoins with the stored token) and connects. */
  static async join(code: string, nickname: string, events: TraineeEvents = {}, storage: Storage = localStorage): Promise<TraineeClient> {
    const upper = code.trim().toUpperCase();
    const stored = storage.getItem(tokenKey(upper)) ?? undefined;
    const joined = await api.join(upper, nickname, stored);
    storage.setItem(tokenKey(joined.code), joined.token);
    const client = new TraineeClient(joined, events, storage);
    client.connect();
    setClassroom(client);
    return client;
  }

  static hasToken(code: string, storage: Storage = localStorage): boolean {
    return storage.getItem(tokenKey(code.trim().toUpperCase())) !== null;
  }

  get pending(): number {
    return this.outbox.length;
  }

  /** The port the game reads: this session's scenarios, a banner, and where finished calls go. */
  /** The game's PlayContext: the session's calls, with the trainer's uploads fetched to load beside the library. */
  async playContext(): Promise<PlayContext> {
    const uploads = this.joined.scenarios.filter((s) => s.uploaded);
    const extraScenarios = await Promise.all(uploads.map((s) => api.scenarioFile(this.joined.code, s.hash)));
    return {
      scenarioHashes: this.joined.scenarios.map((s) => s.hash),
      extraScenarios,
      banner: `Class ${this.joined.code} · playing as ${this.joined.nickname}`,
      pace: this.joined.pace,
      sessionFile: (hash) => api.scenarioFile(this.joined.code, hash).catch(() => null),
      callFinished: (run, scorecard) => void this.submit(run, scorecard),
    };
  }

  /** A call on `scenarioHash` starts: fetch and keep its ticket (the seed orders the options the game shows). */
  startCall(scenarioHash: string): Promise<IssuedTicket | null> {
    const asked = api.ticket(this.joined.code, this.joined.token, scenarioHash).then(
      (issued) => {
        this.storage.setItem(ticketKey(this.joined.code, scenarioHash), JSON.stringify(issued));
        return issued;
      },
      (error: unknown) => {
        this.events.onError?.(`This call could not be registered with the session: ${(error as Error).message}`);
        return null;
      },
    );
    this.tickets.set(scenarioHash, asked);
    return asked;
  }

  /** Sends a finished call with the ticket its start was given. */
  async submit(run: RunLog, scorecard: Scorecard): Promise<string | null> {
    await this.tickets.get(run.scenarioHash);
    const key = ticketKey(this.joined.code, run.scenarioHash);
    const stored = this.storage.getItem(key);
    if (stored === null) {
      this.events.onError?.('This call was not started in the session, so it was not sent. Start the next call from the session’s menu.');
      return null;
    }
    const issued = JSON.parse(stored) as IssuedTicket;
    this.storage.removeItem(key);
    this.tickets.delete(run.scenarioHash);
    const submissionId = `${Date.now().toString(36)}-${crypto.randomUUID()}`.slice(0, 64) as Submission['submissionId'];
    // Until the game's RunLog carries its own seed, the run is sent with the seed of its ticket.
    const seed = (run as RunLog & { seed?: number }).seed ?? issued.seed;
    this.outbox.push({ submissionId, ticket: issued.ticket, run: { ...run, seed }, claimed: claimFrom(scorecard) });
    this.saveOutbox();
    this.flush();
    return submissionId;
  }

  /** Sends a submission as given (tests use it to show a forged score is refused). */
  submitRaw(submission: Submission): void {
    this.outbox.push(submission);
    this.saveOutbox();
    this.flush();
  }

  dropConnection(): void {
    this.socket?.drop();
  }

  private connect(): void {
    this.socket = new LiveSocket({
      // The session's board is sent only to a screen that shows it.
      hello: () => ({ type: 'hello', code: this.joined.code, token: this.joined.token, ...(this.events.onLeaderboard === undefined ? {} : { board: true }) }),
      onMessage: (m) => this.onMessage(m),
      onState: (s) => this.events.onConnection?.(s),
      onOpen: () => this.flush(),
    });
    this.resendTimer = setInterval(() => this.flush(), RESEND_MS);
  }

  private flush(): void {
    for (const submission of this.outbox) if (!this.socket?.send({ type: 'submit', submission })) return;
  }

  private onMessage(m: ServerMessage): void {
    // The outbox is sent again every few seconds until answered, so a second answer can cross the first: for a
    // submission already settled, it changes nothing (a forged score's refusal is not replaced by "ticket already used").
    if (m.type === 'submitted' && !this.outbox.some((s) => s.submissionId === m.result.submissionId)) return;
    // The trainee's own row, wherever it travels (their reply, a standing, a board sent with it).
    const own = ownRowOf(m);
    if (own !== null && 'seq' in m) this.showRow(own, m.seq);
    switch (m.type) {
      case 'submitted':
        // A refusal the server marks as worth retrying (busy, could not store) stays in the outbox.
        if (m.result.status === 'accepted' || m.result.retry !== true) {
          this.outbox = this.outbox.filter((s) => s.submissionId !== m.result.submissionId);
          this.saveOutbox();
        }
        this.events.onSubmitted?.(m.result);
        return;
      case 'leaderboard':
        if (m.seq < this.boardSeq) return;
        this.boardSeq = m.seq;
        return this.events.onLeaderboard?.(m.rows, m.players);
      case 'status':
        return this.events.onStatus?.(m.status);
      case 'scenarios':
        return this.events.onScenarios?.(m.scenarios);
      case 'welcome':
        this.rowSeq = this.boardSeq = -1;
        // After a reconnect: a call the trainer added while the socket was down still reaches the menu.
        this.events.onScenarios?.(m.scenarios);
        return this.events.onStatus?.(m.status);
      case 'error':
        return this.events.onError?.(m.error);
      case 'deleted':
        this.storage.removeItem(tokenKey(this.joined.code));
        this.stop();
        return this.events.onError?.('The trainer deleted this session.');
      case 'removed':
        this.storage.removeItem(tokenKey(this.joined.code));
        this.stop();
        return this.events.onError?.('The trainer removed you from this session.');
      case 'team':
      case 'review-request':
      case 'review-saved':
      case 'feedback':
        return this.events.onTeam?.(m);
      default:
        return;
    }
  }

  private showRow(row: LeaderboardRow, seq: number): void {
    if (seq < this.rowSeq) return;
    this.rowSeq = seq;
    this.events.onStanding?.(row);
  }

  stop(): void {
    setClassroom(null);
    if (this.resendTimer !== null) clearInterval(this.resendTimer);
    this.socket?.stop();
  }

  private saveOutbox(): void {
    this.storage.setItem(outboxKey(this.joined.code), JSON.stringify(this.outbox));
  }
}
