/**
 * One connection per server instance that LISTENs on every channel the instance follows (the rooms'
 * and team mode's), instead of one connection per channel. Each payload goes to the handlers of its
 * channel. When the connection is lost it comes back (after 0.5 s, then up to 5 s), LISTENs again
 * on every channel, and calls every handler's `onResume`, since notes may have been missed
 * meanwhile. The connection is opened by the first handler and closed with the last.
 */
import pg from 'pg';
import { pgTypes } from './postgres-connection.ts';

export interface Listening {
  /** Stops this handler; the connection closes with the last one. */
  close(): Promise<void>;
}

interface Handler {
  readonly channel: string;
  readonly onPayload: (payload: string) => void;
  readonly onResume: () => void;
}

/** Channel names are the server's own constants; quoted anyway, as identifiers. */
const quoted = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

export class PostgresListener {
  private readonly handlers = new Set<Handler>();
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** Channels the current connection LISTENs on. */
  private listening = new Set<string>();

  constructor(private readonly url: string) {}

  /** Calls `onPayload` with every note on `channel`; resolves once the connection LISTENs on it. */
  async listen(channel: string, onPayload: (payload: string) => void, onResume: () => void): Promise<Listening> {
    const handler: Handler = { channel, onPayload, onResume };
    this.handlers.add(handler);
    try {
      const client = await this.connected();
      await this.listenOn(client, channel);
    } catch (error) {
      this.handlers.delete(handler);
      if (this.handlers.size === 0) await this.end();
      throw error;
    }
    return {
      close: async () => {
        if (!this.handlers.delete(handler)) return;
        if (this.handlers.size === 0) return this.end();
        if ([...this.handlers].some((h) => h.channel === channel)) return;
        this.listening.delete(channel);
        await this.client?.query(`UNLISTEN ${quoted(channel)}`).catch(() => undefined);
      },
    };
  }

  /** The channels followed now (for tests and messages). */
  get channels(): string[] {
    return [...new Set([...this.handlers].map((h) => h.channel))];
  }

  private async listenOn(client: pg.Client, channel: string): Promise<void> {
    if (this.listening.has(channel)) return;
    this.listening.add(channel);
    try {
      await client.query(`LISTEN ${quoted(channel)}`);
    } catch (error) {
      this.listening.delete(channel);
      throw error;
    }
  }

  private connected(): Promise<pg.Client> {
    if (this.client !== null) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: this.url, types: pgTypes });
    c.on('notification', (m) => {
      if (m.payload === undefined) return;
      for (const h of this.handlers) if (h.channel === m.channel) h.onPayload(m.payload);
    });
    c.on('error', () => undefined);
    c.on('end', () => {
      if (this.client !== c) return;
      this.client = null;
      this.listening = new Set();
      if (this.handlers.size > 0) this.again(500);
    });
    await c.connect();
    this.client = c;
    this.listening = new Set();
    return c;
  }

  /** Comes back after a lost connection: LISTENs on every channel again, then tells every handler. */
  private again(ms: number): void {
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connected()
        .then(async (client) => {
          for (const channel of this.channels) await this.listenOn(client, channel);
          for (const h of this.handlers) h.onResume();
        })
        .catch(() => {
          // A connection that broke while listening comes back through its own 'end'.
          if (this.handlers.size > 0 && this.client === null && this.retry === null) this.again(Math.min(ms * 2, 5000));
        });
    }, ms);
    this.retry.unref();
  }

  private async end(): Promise<void> {
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
    const c = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.client = null;
    this.listening = new Set();
    await c?.end().catch(() => undefined);
  }
}
