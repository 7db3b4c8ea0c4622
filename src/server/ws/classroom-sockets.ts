/**
 * WebSockets on the same HTTP server: each message is size-limited, parsed with the zod schema,
 * rate-limited per connection, and answered; nothing a client sends can throw out of here. A
 * trainee's submit is parsed and checked in a verdict worker when one is ready (same schema, same
 * wording), so a burst of them leaves the event loop to move bytes. A
 * ping every heartbeat interval finds half-open sockets (a frozen or vanished client): one that
 * has not answered the previous ping is closed, so it stops showing as connected.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { ClientMessageSchema, MAX_WS_MESSAGE_BYTES, WS_PATH, type ClientMessage } from '../../shared/classroom-ws.ts';
import type { PlayerId } from '../../shared/classroom-ids.ts';
import type { Rooms } from '../rooms/rooms.ts';
import type { Room } from '../rooms/room.ts';
import { RateLimiter } from '../rate-limit.ts';
import { CodeGuard, WRONG_CODES_MESSAGE } from '../code-guard.ts';
import { SocketHub, sendTo } from './socket-hub.ts';
import type { TeamDesk } from '../team/team-desk.ts';
import type { Submission } from '../../shared/classroom-http.ts';
import { isSubmitMessage } from '../verify/submission-check.ts';
import type { PreparedSubmission } from '../verify/prepared-submission.ts';

export interface SocketLimits {
  readonly maxSocketsPerAddress: number;
  /** Messages a connection may burst, and refill per second. */
  readonly burst: number;
  readonly perSecond: number;
  /** Ping every this many ms; a socket that missed the last pong is closed. */
  readonly heartbeatMs?: number;
  /** Shared with the HTTP routes: one bucket of wrong codes per address. */
  readonly codes?: CodeGuard;
  /** The client's address (behind a trusted proxy, the forwarded one); the peer's when left out. */
  readonly addressOf?: (req: IncomingMessage) => string;
}

interface Conn {
  room: Room | null;
  playerId: PlayerId | null;
  /** A trainee's screen that shows the session's board (its hello said so). */
  board: boolean;
  strikes: number;
  /** Messages are handled one after another, so a submit right after hello waits for it. */
  queue: Promise<void>;
}

const HELLO_TIMEOUT_MS = 15_000;

export function attachClassroomSockets(server: Server, rooms: Rooms, hub: SocketHub, limits: SocketLimits, team?: TeamDesk): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });
  const perAddress = new Map<string, number>();
  const codes = limits.codes ?? new CodeGuard();
  const alive = new WeakMap<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, limits.heartbeatMs ?? 30_000);
  heartbeat.unref();
  wss.on('close', () => clearInterval(heartbeat));

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const path = (req.url ?? '').split('?')[0];
    const address = limits.addressOf?.(req) ?? req.socket.remoteAddress ?? 'unknown';
    if (path !== WS_PATH) return void socket.destroy();
    if ((perAddress.get(address) ?? 0) >= limits.maxSocketsPerAddress) {
      socket.write('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\n\r\n');
      return void socket.destroy();
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      ws.once('close', () => {
        const n = (perAddress.get(address) ?? 1) - 1;
        if (n <= 0) perAddress.delete(address);
        else perAddress.set(address, n);
      });
      onConnection(ws, address);
    });
  });

  function onConnection(ws: WebSocket, address: string): void {
    const conn: Conn = { room: null, playerId: null, board: false, strikes: 0, queue: Promise.resolve() };
    const limiter = new RateLimiter(limits.burst, limits.perSecond);
    const helloTimer = setTimeout(() => conn.room === null && ws.close(1008, 'no hello'), HELLO_TIMEOUT_MS);
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', () => undefined);
    ws.on('close', () => {
      clearTimeout(helloTimer);
      if (conn.room === null) return;
      hub.remove(conn.room.code, ws, conn.playerId);
      if (conn.playerId !== null) conn.room.connected(conn.playerId, -1, conn.board);
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const problem = (error: string) => {
        sendTo(ws, { type: 'error', error });
        if (++conn.strikes > 20) ws.close(1008, 'too many bad messages');
      };
      if (!limiter.take('x')) return problem('Too many messages: slow down.');
      if (isBinary) return problem('Messages must be JSON text.');
      // A trainee's submit: decoded, parsed, validated, hashed and replayed in a verdict worker when one is ready (the loop stays free in a burst).
      const bytes = Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
      const checking = conn.room !== null && conn.playerId !== null && isSubmitMessage(bytes) ? conn.room.precheck(bytes) : null;
      if (checking !== null) {
        conn.queue = conn.queue
          .then(async () => {
            const checked = await checking;
            if (!checked.ok) return problem(checked.problem);
            return submit(ws, conn, checked.prepared);
          })
          .catch(failed(ws));
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(bytes.toString());
      } catch {
        return problem('That message is not valid JSON.');
      }
      const parsed = ClientMessageSchema.safeParse(json);
      if (!parsed.success) return problem(`That message is not valid: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`);
      conn.queue = conn.queue.then(() => handle(ws, conn, parsed.data, address)).catch(failed(ws));
    });
  }

  function failed(ws: WebSocket) {
    return (error: unknown) => {
      console.error('classroom socket message failed:', error);
      sendTo(ws, { type: 'error', error: 'Something went wrong on the server; please try again.' });
    };
  }

  /** A submission as sent (the general path), or prepared by a verdict worker. */
  async function submit(ws: WebSocket, conn: Conn, submission: Submission | PreparedSubmission): Promise<void> {
    if (conn.room === null || conn.playerId === null) return sendTo(ws, { type: 'error', error: 'Join the session as a trainee before submitting calls.' });
    if (conn.room.deleted) {
      sendTo(ws, { type: 'deleted' });
      return ws.close(1000, 'deleted');
    }
    const result = 'ticketHash' in submission ? await conn.room.submitPrepared(conn.playerId, submission) : await conn.room.submit(conn.playerId, submission);
    return sendTo(ws, { type: 'submitted', result, seq: conn.room.currentSeq });
  }

  async function handle(ws: WebSocket, conn: Conn, message: ClientMessage, address: string): Promise<void> {
    switch (message.type) {
      case 'ping':
        return sendTo(ws, { type: 'pong', at: message.at });
      case 'hello': {
        if (conn.room !== null) return sendTo(ws, { type: 'error', error: 'Already connected to a session.' });
        const { found: room, limited } = await codes.lookup(address, async () => {
          const r = await rooms.get(message.code);
          return r === null || r.deleted ? null : r;
        });
        if (room === null) {
          sendTo(ws, { type: 'error', error: limited ? WRONG_CODES_MESSAGE : 'No session has that code.' });
          return ws.close(1008, 'unknown session');
        }
        const playerId = message.token === undefined ? null : await room.findPlayer(message.token);
        if (ws.readyState !== ws.OPEN) return;
        if (message.token !== undefined && playerId === null) {
          sendTo(ws, { type: 'error', error: 'That player token is not known in this session: join again.' });
          return ws.close(1008, 'unknown player');
        }
        const trainer = message.trainerKey !== undefined && room.isTrainer(message.trainerKey);
        if (message.trainerKey !== undefined && !trainer) {
          sendTo(ws, { type: 'error', error: 'Only the trainer link can do that.' });
          return ws.close(1008, 'bad trainer key');
        }
        conn.room = room;
        conn.playerId = playerId;
        hub.add(room.code, ws, { viewer: playerId === null, playerId });
        conn.board = message.board === true;
        if (playerId !== null) room.connected(playerId, 1, conn.board);
        const role = playerId !== null ? 'trainee' : trainer ? 'trainer' : 'viewer';
        sendTo(ws, {
          type: 'welcome',
          code: room.code as never,
          role,
          playerId,
          nickname: playerId === null ? null : room.nicknameOf(playerId),
          title: room.title,
          status: room.status,
          scenarios: room.scenarios,
        });
        // The board to screens that show it: projectors, the trainer, a trainee's screen that asked.
        if (playerId === null || conn.board) sendTo(ws, { type: 'leaderboard', seq: room.currentSeq, players: room.playerCount, rows: room.leaderboard(20) });
        if (playerId === null) sendTo(ws, { type: 'players', players: room.playerList() });
        const mine = playerId === null ? null : room.rowOf(playerId);
        if (mine !== null) sendTo(ws, { type: 'standing', seq: room.currentSeq, row: mine });
        if (team !== undefined) await team.welcome(room, playerId, (m) => sendTo(ws, m));
        return;
      }
      case 'submit':
        return submit(ws, conn, message.submission);
      case 'review': {
        if (conn.room === null || conn.playerId === null || team === undefined) return sendTo(ws, { type: 'error', error: 'Join the session as a trainee before sending a review.' });
        const saved = await team.answerReview(conn.room, conn.playerId, message.answer);
        return sendTo(ws, saved.ok ? { type: 'review-saved', requestId: message.answer.requestId, ok: true } : { type: 'review-saved', requestId: message.answer.requestId, ok: false, error: saved.error });
      }
    }
  }

  return wss;
}
