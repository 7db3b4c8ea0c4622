/** Stand-ins for the browser's WebSocket and localStorage, for the trainee client's tests in Node. */
import type { ServerMessage } from '../../../src/shared/classroom-ws.ts';

/** A socket that opens on the next microtask, keeps what the page sends and delivers what a test says the server sent. */
export class FakeSocket {
  static readonly OPEN = 1;
  static last: FakeSocket | null = null;
  readonly OPEN = 1;
  readyState = 0;
  readonly sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor() {
    FakeSocket.last = this;
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.();
    });
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  receive(m: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
}

export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}
