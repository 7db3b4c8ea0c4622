/** A trainee's, projector's or trainer's view of a running classroom server: HTTP calls and a WebSocket that keeps every message. */
import WebSocket from 'ws';
import type { ServerMessage } from '../../../src/shared/classroom-ws.ts';
import type { IssuedTicket, Submission } from '../../../src/shared/classroom-http.ts';
import { miniDef, type PlanName } from '../classroom/fixtures.ts';
import { submission } from './room-harness.ts';

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function getJson<T>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}

/** A call started over HTTP (its ticket) on `url` and finished: the submission to send. */
export async function ticketed(url: string, code: string, token: string, plan: PlanName, id?: string): Promise<Submission> {
  const issued = await post(`${url}/api/sessions/${code}/tickets`, { token, scenarioHash: miniDef.hash });
  if (issued.status !== 201) throw new Error(JSON.stringify(issued.body));
  return submission(plan, id, issued.body as unknown as IssuedTicket);
}

export async function liveSession(url: string): Promise<{ code: string; trainerKey: string }> {
  const created = (await post(`${url}/api/sessions`, { title: 'Class', scenarioHashes: [miniDef.hash] })).body as { code: string; trainerKey: string };
  await post(`${url}/api/sessions/${created.code}/control`, { action: 'start' }, { 'x-trainer-key': created.trainerKey });
  return created;
}

export async function joinAs(url: string, code: string, nickname: string): Promise<{ token: string; playerId: string }> {
  const joined = await post(`${url}/api/sessions/${code}/join`, { nickname });
  if (joined.status !== 200) throw new Error(JSON.stringify(joined.body));
  return joined.body as { token: string; playerId: string };
}

export class SocketClient {
  readonly messages: ServerMessage[] = [];
  readonly ws: WebSocket;
  readonly open: Promise<void>;
  closed = false;
  failed = false;
  constructor(url: string, options: WebSocket.ClientOptions = {}) {
    this.ws = new WebSocket(url.replace('http', 'ws') + '/ws', options);
    this.ws.on('message', (d) => this.messages.push(JSON.parse(d.toString())));
    this.ws.on('close', () => (this.closed = true));
    this.ws.on('error', () => (this.failed = true));
    this.open = new Promise((ok, fail) => {
      this.ws.once('open', () => ok());
      this.ws.once('error', fail);
      this.ws.once('close', () => fail(new Error('closed before it opened')));
    });
  }
  /** Opens and says hello (as a trainee with a token, else as a viewer); resolves on the welcome. */
  static async hello(url: string, code: string, token?: string): Promise<SocketClient> {
    const c = new SocketClient(url);
    await c.open;
    c.send({ type: 'hello', code, ...(token === undefined ? {} : { token }) });
    await c.until((m) => m.type === 'welcome');
    return c;
  }
  send(m: unknown): void {
    this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }
  async until(test: (m: ServerMessage) => boolean, ms = 8000): Promise<ServerMessage> {
    const end = Date.now() + ms;
    for (;;) {
      const found = this.messages.find(test);
      if (found) return found;
      if (Date.now() > end) throw new Error(`timed out; got ${this.messages.map((m) => m.type).join(',')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  close(): void {
    this.ws.close();
  }
}
