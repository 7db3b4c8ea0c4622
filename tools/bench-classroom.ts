/**
 * `npm run bench:classroom`: starts the real server on loopback (a child process), joins simulated
 * trainees over HTTP and WebSockets, has each submit real finished calls, and prints: trainees
 * connected, submissions per second, p50/p99 from submit until every screen in the room showed a
 * leaderboard including it, lost submissions and the server's memory.
 * Usage: tsx tools/bench-classroom.ts [--sessions 20 --trainees 100 --calls 1 --rate 400]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { loadScenarioLibrary } from '../src/server/scenario-library.ts';
import { CallSession } from '../src/core/engine/call-session.ts';
import { score } from '../src/core/scoring/score.ts';
import { claimFrom } from '../src/core/classroom/claimed-score.ts';
import type { CallDefinition } from '../src/core/engine/call-definition.ts';
import type { CallEvent, RunLog } from '../src/shared/call-events.ts';
import type { ClaimedScore } from '../src/shared/classroom-http.ts';
import type { ServerMessage } from '../src/shared/classroom-ws.ts';
import { candidateEvents } from '../src/scenario/call-moves.ts';

const root = join(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** Plays a call with seeded random choices until it ends: a real, complete run. */
function randomRun(def: CallDefinition, seed: number): { run: RunLog; claimed: ClaimedScore } {
  let x = seed * 2654435761 || 1;
  const pick = (n: number) => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return Math.abs(x) % n; };
  const s = new CallSession(def, seed >>> 0);
  for (let steps = 0; !s.over && steps < 300; steps++) {
    const candidates = candidateEvents(def, String(s.snapshot.value), s.snapshot.context, { wrapUp: true });
    const first = candidates.length === 0 ? 0 : pick(candidates.length);
    const order = [...candidates.slice(first), ...candidates.slice(0, first)];
    if (!order.some((e) => s.send(e))) break;
  }
  const run = s.runLog();
  const scored = score(def, run);
  if (!scored.ok) return seed < 10_000 ? randomRun(def, seed + 7919) : (() => { throw new Error(`no finished run for ${def.scenario.id}: ${scored.error}`); })();
  return { run, claimed: claimFrom(scored.scorecard) };
}

async function startServer(dataDir: string): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/start.ts', '--api-only'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SESSION_CREATE_BURST: '100' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]!);
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code})`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, string>>;
}

const LEADERBOARD_HEAD = /^\{"type":"leaderboard","seq":(\d+),/;

interface Trainee { ws: WebSocket; room: number; seen: { seq: number; at: number }[]; replies: Map<string, { seq: number; ok: boolean }> }

async function bench(sessions: number, perSession: number, callsEach: number, rate: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'htl-bench-'));
  const server = await startServer(dataDir);
  try {
    const library = [...loadScenarioLibrary(join(root, 'scenarios')).byHash.values()].slice(0, 3);
    const runs = Array.from({ length: 60 }, (_, i) => randomRun(library[i % library.length]!.definition, i + 1));
    const codes: string[] = [];
    for (let s = 0; s < sessions; s++) {
      const created = await post(`${server.url}/api/sessions`, { title: `Bench ${s}`, scenarioHashes: library.map((l) => l.definition.hash) });
      await post(`${server.url}/api/sessions/${created.code}/control`, { action: 'start' }, { 'x-trainer-key': created.trainerKey! });
      codes.push(created.code!);
    }
    const trainees: Trainee[] = [];
    const wsUrl = server.url.replace('http', 'ws') + '/ws';
    for (let batch = 0; batch < sessions * perSession; batch += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, sessions * perSession - batch) }, async (_, k) => {
          const i = batch + k;
          const room = i % sessions;
          const joined = await post(`${server.url}/api/sessions/${codes[room]}/join`, { nickname: `Trainee ${i}` });
          const ws = new WebSocket(wsUrl);
          const t: Trainee = { ws, room, seen: [], replies: new Map() };
          ws.on('message', (d) => {
            const text = d.toString();
            // Leaderboards are most of the traffic: read their seq from the head, so the simulated trainees cost the machine little.
            const board = LEADERBOARD_HEAD.exec(text.slice(0, 60));
            if (board !== null) return void t.seen.push({ seq: Number(board[1]), at: performance.now() });
            if (!text.startsWith('{"type":"submitted"')) return;
            const m = JSON.parse(text) as ServerMessage;
            if (m.type === 'submitted') t.replies.set(m.result.submissionId, { seq: m.seq, ok: m.result.status === 'accepted' });
          });
          await new Promise<void>((ok, fail) => { ws.once('open', () => ok()); ws.once('error', fail); });
          ws.send(JSON.stringify({ type: 'hello', code: codes[room], token: joined.token }));
          trainees.push(t);
        }),
      );
    }
    await sleep(500);
    const connected = trainees.filter((t) => t.ws.readyState === WebSocket.OPEN).length;
    const sent: { t: Trainee; id: string; at: number }[] = [];
    const total = trainees.length * callsEach;
    const started = performance.now();
    for (let n = 0; n < total; n++) {
      const t = trainees[n % trainees.length]!;
      const id = `bench-${n}-${Math.random().toString(36).slice(2, 10)}`;
      const r = runs[n % runs.length]!;
      const due = started + (n * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      sent.push({ t, id, at: performance.now() });
      t.ws.send(JSON.stringify({ type: 'submit', submission: { submissionId: id, run: r.run, claimed: r.claimed } }));
    }
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline && sent.some((s) => !s.t.replies.has(s.id))) await sleep(50);
    const lastReply = performance.now();
    await sleep(1000);
    const accepted = sent.filter((s) => s.t.replies.get(s.id)?.ok === true);
    const lost = sent.length - accepted.length;
    const byRoom = new Map<number, Trainee[]>();
    for (const t of trainees) byRoom.set(t.room, [...(byRoom.get(t.room) ?? []), t]);
    const latencies: number[] = [];
    for (const s of accepted) {
      const seq = s.t.replies.get(s.id)!.seq;
      let worst = 0;
      for (const t of byRoom.get(s.t.room)!) {
        const seen = t.seen.find((x) => x.seq >= seq);
        worst = Math.max(worst, seen === undefined ? Infinity : seen.at - s.at);
      }
      latencies.push(worst);
    }
    latencies.sort((a, b) => a - b);
    const memory = rssMb(server.pid);
    console.log(
      [
        `${sessions} session(s) × ${perSession} trainees, ${callsEach} call(s) each`,
        `  trainees connected: ${connected} / ${trainees.length}`,
        `  submissions: ${sent.length} sent, ${accepted.length} accepted, ${((1000 * accepted.length) / (lastReply - started)).toFixed(0)} per second`,
        `  submit → every leaderboard in the room updated: p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms, max ${pct(latencies, 100).toFixed(0)} ms`,
        `  lost submissions: ${lost}`,
        `  server memory (RSS): ${memory.toFixed(0)} MB`,
      ].join('\n'),
    );
    for (const t of trainees) t.ws.terminate();
  } finally {
    server.stop();
    await sleep(300);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const custom = process.argv.includes('--sessions');
if (custom) await bench(arg('sessions', 1), arg('trainees', 100), arg('calls', 1), arg('rate', 300));
else {
  await bench(1, 1000, 1, arg('rate', 300));
  await bench(20, 100, 1, arg('rate', 300));
}
