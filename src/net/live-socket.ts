/**
 * A classroom WebSocket that stays up: says hello on every (re)connect and reconnects with
 * exponential backoff and jitter after a drop. Messages are checked with the shared schema.
 */
import { ServerMessageSchema, WS_PATH, type ClientMessage, type ServerMessage } from '../shared/classroom-ws.ts';

export interface LiveSocketOptions {
  readonly hello: () => ClientMessage;
  readonly onMessage: (m: ServerMessage) => void;
  readonly onState?: (state: 'connecting' | 'open' | 'closed') => void;
  /** Called after each (re)connect's hello, e.g. to resend unconfirmed submissions. */
  readonly onOpen?: () => void;
}

export const BACKOFF = Object.freeze({ firstMs: 500, maxMs: 10_000 });

export function backoffDelay(attempt: number, random = Math.random): number {
  const base = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** attempt);
  return Math.round(base / 2 + random() * (base / 2));
}

export class LiveSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private stopped = false;

  constructor(private readonly options: LiveSocketOptions) {
    this.connect();
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  send(message: ClientMessage): boolean {
    if (!this.open) return false;
    this.ws!.send(JSON.stringify(message));
    return true;
  }

  stop(): void {
    this.stopped = true;
    this.ws?.close();
  }

  /** Drops the connection as a network would (tests use this to prove reconnecting works). */
  drop(): void {
    this.ws?.close();
  }

  private connect(): void {
    this.options.onState?.('connecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`;
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      ws.send(JSON.stringify(this.options.hello()));
      this.options.onState?.('open');
      this.options.onOpen?.();
    };
    ws.onmessage = (event) => {
      let parsed;
      try {
        parsed = ServerMessageSchema.safeParse(JSON.parse(String(event.data)));
      } catch {
        return;
      }
      if (parsed.success) this.options.onMessage(parsed.data);
    };
    ws.onclose = () => {
      this.options.onState?.('closed');
      if (this.stopped) return;
      setTimeout(() => this.connect(), backoffDelay(this.attempt++));
    };
  }
}
