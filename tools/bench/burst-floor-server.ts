/**
 * The burst's floor: the smallest server that speaks what the burst bench's clients speak (create
 * and start a session, join, take a ticket, export the board over HTTP; hello and submit over a
 * WebSocket; the projector's leaderboard every push interval), on the same stack as the real
 * server (Hono on @hono/node-server, `ws`, the same message shapes), but with no verification, no
 * store and no tickets: each submit is parsed (for its id) and answered at once with a canned
 * row carrying a rank. What 2,000 sockets and their messages cost before any real work is done.
 *
 * Started by `tools/bench-classroom.ts --burst … --floor` in place of the real server; prints the
 * same "running at" line. Not part of the product.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LeaderboardRow } from '../../src/shared/classroom-results.ts';
import type { ServerMessage } from '../../src/shared/classroom-ws.ts';
import { MAX_WS_MESSAGE_BYTES, WS_PATH } from '../../src/shared/classroom-ws.ts';

/** As the real server's: the projector at most once per this many ms, trainees at most once a second. */
const PUSH_INTERVAL_MS = 100;
const TRAINEE_EVERY_MS = 1000;
/** Trainees' boards wait while submissions keep arriving (as the real server's do while busy). */
const QUIET_MS = 200;
const TOP_ROWS = 20;

interface FloorPlayer {
  readonly playerId: string;
  readonly nickname: string;
  calls: number;
  score: number;
  sockets: number;
}

interface FloorRoom {
  readonly code: string;
  readonly trainerKey: string;
  readonly players: Map<string, FloorPlayer>;
  readonly byToken: Map<string, FloorPlayer>;
  readonly counted: Set<string>;
  readonly viewers: Set<WebSocket>;
  /** Trainee sockets, each with its player and whether its screen shows the board (hello `board: true`). */
  readonly trainees: Map<WebSocket, { player: FloorPlayer; board: boolean }>;
  seq: number;
  dirty: boolean;
  traineesOwed: boolean;
  lastSubmit: number;
  lastTraineePush: number;
}

const rooms = new Map<string, FloorRoom>();
const secret = () => randomBytes(12).toString('base64url');

const rowOf = (room: FloorRoom, p: FloorPlayer, rank: number | null): LeaderboardRow => ({
  rank,
  playerId: p.playerId as LeaderboardRow['playerId'],
  nickname: p.nickname,
  score: p.score,
  calls: p.calls,
  fatalCalls: 0,
  played: Math.min(p.calls, 3),
  scenarios: 3,
  connected: p.sockets > 0,
});

/** The board: players by calls then score (a sort each push: the real server keeps its ranking sorted as results arrive). */
function board(room: FloorRoom, limit: number): LeaderboardRow[] {
  const sorted = [...room.players.values()].sort((a, b) => b.score - a.score || b.calls - a.calls);
  return sorted.slice(0, limit).map((p, i) => rowOf(room, p, p.calls === 0 ? null : i + 1));
}

const bytesOf = (m: ServerMessage) => Buffer.from(JSON.stringify(m));
const sendTo = (ws: WebSocket, m: ServerMessage) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(m));

const app = new Hono();
app.post('/api/sessions', async (c) => {
  const code = secret().slice(0, 8).toUpperCase();
  const trainerKey = secret();
  rooms.set(code, { code, trainerKey, players: new Map(), byToken: new Map(), counted: new Set(), viewers: new Set(), trainees: new Map(), seq: 0, dirty: false, traineesOwed: false, lastSubmit: 0, lastTraineePush: -Infinity });
  return c.json({ code, trainerKey }, 201);
});
app.post('/api/sessions/:code/control', (c) => c.json({ status: 'running' }));
app.post('/api/sessions/:code/join', async (c) => {
  const room = rooms.get(c.req.param('code'));
  if (room === undefined) return c.json({ error: 'No session has that code.' }, 404);
  const { nickname } = (await c.req.json()) as { nickname: string };
  const player: FloorPlayer = { playerId: `p${room.players.size + 1}`, nickname, calls: 0, score: 0, sockets: 0 };
  const token = secret();
  room.players.set(player.playerId, player);
  room.byToken.set(token, player);
  return c.json({ code: room.code, playerId: player.playerId, token, nickname, rejoined: false, status: 'running', scenarios: [], pace: 'untimed' });
});
app.post('/api/sessions/:code/tickets', (c) => c.json({ ticket: secret(), seed: randomBytes(4).readUInt32BE(0) }, 201));
app.get('/api/sessions/:code/export.json', (c) => {
  const room = rooms.get(c.req.param('code'));
  if (room === undefined) return c.json({ error: 'No session has that code.' }, 404);
  return c.json({ code: room.code, title: 'Floor', pace: 'untimed', leaderboard: board(room, Infinity), debrief: null });
});

const server = createAdaptorServer({ fetch: app.fetch }) as Server;
const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });
server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
  if ((req.url ?? '').split('?')[0] !== WS_PATH) return void socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => connect(ws));
});

function connect(ws: WebSocket): void {
  let room: FloorRoom | null = null;
  let player: FloorPlayer | null = null;
  ws.on('error', () => undefined);
  ws.on('close', () => {
    room?.viewers.delete(ws);
    room?.trainees.delete(ws);
    if (player !== null) player.sockets--;
  });
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { type: string; code?: string; token?: string; board?: boolean; submission?: { submissionId: string } };
    if (m.type === 'hello') {
      room = rooms.get(m.code ?? '') ?? null;
      if (room === null) return void ws.close(1008, 'unknown session');
      player = m.token === undefined ? null : (room.byToken.get(m.token) ?? null);
      const showsBoard = player === null || m.board === true;
      if (player === null) room.viewers.add(ws);
      else {
        player.sockets++;
        room.trainees.set(ws, { player, board: showsBoard });
      }
      // As the real server: the welcome board only to screens that show it.
      if (showsBoard) sendTo(ws, { type: 'leaderboard', seq: room.seq, players: room.players.size, rows: board(room, TOP_ROWS) });
      return;
    }
    if (m.type !== 'submit' || room === null || player === null || m.submission === undefined) return;
    // The canned answer: counted once per submission id, ranked by arrival (no replay, no store, no ticket).
    const id = m.submission.submissionId;
    const fresh = !room.counted.has(id);
    if (fresh) {
      room.counted.add(id);
      player.calls++;
      player.score = 70 + (room.seq % 30);
      room.seq++;
      room.dirty = true;
      room.traineesOwed = true;
      room.lastSubmit = Date.now();
    }
    const row = rowOf(room, player, room.seq);
    sendTo(ws, { type: 'submitted', result: { status: 'accepted', submissionId: id as never, composite: player.score, duplicate: !fresh, row }, seq: room.seq });
  });
}

/**
 * The pushes: the projector's board every push interval when something changed; trainees' once a
 * second, once the burst is quiet: the board to screens that show it, each other trainee its own
 * place (the real server sends a place only when it moved; here every trainee's has).
 */
setInterval(() => {
  const now = Date.now();
  for (const room of rooms.values()) {
    if (room.dirty) {
      room.dirty = false;
      const data = bytesOf({ type: 'leaderboard', seq: room.seq, players: room.players.size, rows: board(room, TOP_ROWS) });
      for (const ws of room.viewers) if (ws.readyState === ws.OPEN) ws.send(data, { binary: false });
    }
    if (room.traineesOwed && now - room.lastTraineePush >= TRAINEE_EVERY_MS && now - room.lastSubmit >= QUIET_MS) {
      room.traineesOwed = false;
      room.lastTraineePush = now;
      const data = bytesOf({ type: 'leaderboard', seq: room.seq, players: room.players.size, rows: board(room, TOP_ROWS) });
      const ranks = new Map(board(room, Infinity).map((r) => [r.playerId as string, r.rank]));
      for (const [ws, t] of room.trainees) {
        if (ws.readyState !== ws.OPEN) continue;
        if (t.board) ws.send(data, { binary: false });
        else sendTo(ws, { type: 'standing', seq: room.seq, row: rowOf(room, t.player, ranks.get(t.player.playerId) ?? null) });
      }
    }
  }
}, PUSH_INTERVAL_MS);

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`floor server running at http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => process.exit(0));
