/**
 * The instances bench's projectors, in a thread of their own (started by projectors.ts): one per
 * session on every instance, each recording the leaderboards it hears with the time it heard them
 * (ms since the epoch). On their own event loop those times stay true while the main thread is busy
 * with thousands of simulated trainees (their sockets reconnecting after a kill, say). A projector
 * whose instance went away reconnects as the real page does (after 250–500 ms) to the next live one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { LEADERBOARD_HEAD } from './classroom-http.ts';
import type { ProjectorRecord, ProjectorSetup, ToProjectors } from './projectors.ts';
import { MessageTally } from './instances-messages.ts';

interface Projector extends ProjectorRecord {
  ws: WebSocket | null;
}

const { urls, codes } = workerData as ProjectorSetup;
const dead = new Set<number>();
let stopping = false;
let moves = 0;
const tally = new MessageTally();
const epoch = () => performance.timeOrigin + performance.now();

function connect(p: Projector): void {
  const ws = new WebSocket(urls[p.instance]!.replace('http', 'ws') + '/ws');
  p.ws = ws;
  ws.on('message', (data: Buffer) => {
    const raw = data.toString();
    tally.add(p.instance, raw, data.length);
    const board = LEADERBOARD_HEAD.exec(raw.slice(0, 60));
    if (board !== null) p.seen.push({ seq: Number(board[1]), at: epoch() });
  });
  ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', code: codes[p.session] })));
  ws.on('error', () => undefined);
  ws.on('close', () => {
    if (p.ws !== ws || stopping) return;
    p.moved++;
    const live = urls.flatMap((_, n) => (!dead.has(n) && n !== p.instance ? [n] : []));
    p.instance = live.length === 0 ? p.instance : live[moves++ % live.length]!;
    setTimeout(() => connect(p), 250 + Math.random() * 250);
  });
}

const projectors: Projector[] = [];
for (let session = 0; session < codes.length; session++) {
  for (let instance = 0; instance < urls.length; instance++) {
    const p: Projector = { session, instance, firstInstance: instance, moved: 0, seen: [], ws: null };
    projectors.push(p);
    connect(p);
  }
}

parentPort!.on('message', (m: ToProjectors) => {
  if (m.type === 'killed') dead.add(m.instance);
  else if (m.type === 'count' && m.on) tally.start();
  else if (m.type === 'count') tally.stop();
  else if (m.type === 'open') parentPort!.postMessage({ type: 'open', count: projectors.filter((p) => p.ws?.readyState === WebSocket.OPEN).length });
  else if (m.type === 'stop') {
    stopping = true;
    for (const p of projectors) p.ws?.terminate();
    parentPort!.postMessage({ type: 'stopped', projectors: projectors.map(({ ws: _ws, ...record }) => record), heard: tally.all() });
  }
});
