/**
 * The trainee's side of a classroom session: joins with a code and nickname, keeps the player
 * token in localStorage (a reload rejoins as the same player), and submits each finished call with
 * an id kept in an outbox until the server confirms it, so nothing is lost or counted twice.
 */
import type { PlayContext } from '../core/ports/play-context.ts';
import { claimFrom } from '../core/classroom/claimed-score.ts';
import type { RunLog } from '../shared/call-events.ts';
import type { Scorecard } from '../shared/scorecard.ts';
import type { Joined, Submission } from '../shared/classroom-http.ts';
import type { ServerMessage } from '../shared/classroom-ws.ts';
import type { LeaderboardRow } from '../shared/classroom-results.ts';
import { api } from './classroom-api.ts';
import { LiveSocket } from './live-socket.ts';

const tokenKey = (code: string) => `htl.classroom.${code}.player`;
const outboxKey = (code: string) => `htl.classroom.${code}.outbox`;
const RESEND_MS = 5000;

export interface TraineeEvents {
  onStanding?(row: LeaderboardRow): void;
  onLeaderboard?(rows: LeaderboardRow[], players: number): void;
  onSubmitted?(result: Extract<ServerMessage, { type: 'submitted' }>['result']): void;
  onStatus?(status: string): void;
  onConnection?(state: 'connecting' | 'open' | 'closed'): void;
  onError?(message: string): void;
}

export class TraineeClient {
  private socket: LiveSocket | null = null;
  private outbox: Submission[];
  private resendTimer: ReturnType<typeof setInterval> | null = null;

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
      scenarioIds: this.joined.scenarios.map((s) => s.id),
      extraScenarios,
      banner: `Class ${this.joined.code} · playing as ${this.joined.nickname}`,
      callFinished: (run, scorecard) => this.submit(run, scorecard),
    };
  }

  submit(run: RunLog, scorecard: Scorecard): string {
    const submissionId = `${Date.now().toString(36)}-${crypto.randomUUID()}`.slice(0, 64) as Submission['submissionId'];
    this.outbox.push({ submissionId, run, claimed: claimFrom(scorecard) });
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
      hello: () => ({ type: 'hello', code: this.joined.code, token: this.joined.token }),
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
    switch (m.type) {
      case 'submitted':
        this.outbox = this.outbox.filter((s) => s.submissionId !== m.result.submissionId);
        this.saveOutbox();
        this.events.onSubmitted?.(m.result);
        return;
      case 'standing':
        return this.events.onStanding?.(m.row);
      case 'leaderboard':
        return this.events.onLeaderboard?.(m.rows, m.players);
      case 'status':
        return this.events.onStatus?.(m.status);
      case 'welcome':
        return this.events.onStatus?.(m.status);
      case 'error':
        return this.events.onError?.(m.error);
      case 'deleted':
        this.storage.removeItem(tokenKey(this.joined.code));
        this.stop();
        return this.events.onError?.('The trainer deleted this session.');
      default:
        return;
    }
  }

  stop(): void {
    if (this.resendTimer !== null) clearInterval(this.resendTimer);
    this.socket?.stop();
  }

  private saveOutbox(): void {
    this.storage.setItem(outboxKey(this.joined.code), JSON.stringify(this.outbox));
  }
}
