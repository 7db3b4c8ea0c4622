/**
 * Which sockets belong to which room, and how a room's messages reach them: each message is
 * serialised and encoded to bytes once, however many sockets it goes to. (Trainees' own places are
 * written a slice per turn by the room's pushes, src/server/rooms/room-pushes.ts.)
 */
import type { WebSocket } from 'ws';
import type { PlayerId } from '../../shared/classroom-ids.ts';
import type { ServerMessage } from '../../shared/classroom-ws.ts';
import type { RoomBroadcast } from '../rooms/room-ports.ts';

/** A socket this far behind is not keeping up; it is dropped rather than grow memory. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

interface RoomSockets {
  readonly all: Set<WebSocket>;
  readonly viewers: Set<WebSocket>;
  readonly players: Map<PlayerId, Set<WebSocket>>;
}

export class SocketHub {
  private readonly rooms = new Map<string, RoomSockets>();

  private of(code: string): RoomSockets {
    let r = this.rooms.get(code);
    if (r === undefined) {
      r = { all: new Set(), viewers: new Set(), players: new Map() };
      this.rooms.set(code, r);
    }
    return r;
  }

  add(code: string, ws: WebSocket, who: { viewer: boolean; playerId: PlayerId | null }): void {
    const r = this.of(code);
    r.all.add(ws);
    if (who.viewer) r.viewers.add(ws);
    if (who.playerId !== null) {
      const set = r.players.get(who.playerId) ?? new Set();
      set.add(ws);
      r.players.set(who.playerId, set);
    }
  }

  remove(code: string, ws: WebSocket, playerId: PlayerId | null): void {
    const r = this.rooms.get(code);
    if (r === undefined) return;
    r.all.delete(ws);
    r.viewers.delete(ws);
    if (playerId !== null) {
      const set = r.players.get(playerId);
      set?.delete(ws);
      if (set?.size === 0) r.players.delete(playerId);
    }
    if (r.all.size === 0) this.rooms.delete(code);
  }

  broadcastFor(code: string): RoomBroadcast {
    return {
      toAll: (m) => this.send(this.rooms.get(code)?.all, m),
      toViewers: (m) => this.send(this.rooms.get(code)?.viewers, m),
      toPlayer: (id, m) => this.send(this.rooms.get(code)?.players.get(id), m),
      toPlayerJson: (id, json) => {
        for (const ws of this.rooms.get(code)?.players.get(id) ?? []) if (ws.readyState === ws.OPEN) write(ws, json);
      },
      close: (id, m) => {
        const r = this.rooms.get(code);
        const sockets = r === undefined ? [] : [...(id === null ? r.all : (r.players.get(id) ?? []))];
        this.send(sockets, m);
        for (const ws of sockets) ws.close(1000, m.type);
      },
    };
  }

  get socketCount(): number {
    let n = 0;
    for (const r of this.rooms.values()) n += r.all.size;
    return n;
  }

  private send(sockets: Iterable<WebSocket> | undefined, message: ServerMessage): void {
    if (sockets === undefined) return;
    let data: Buffer | null = null;
    for (const ws of sockets) {
      if (ws.readyState !== ws.OPEN) continue;
      data ??= Buffer.from(JSON.stringify(message));
      write(ws, data);
    }
  }
}

/** Sent as a text frame: the bytes are the JSON's UTF-8, encoded once for every socket. */
function write(ws: WebSocket, data: Buffer | Uint8Array | string): void {
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return void ws.terminate();
  ws.send(data, { binary: false });
}

export function sendTo(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
