/**
 * `npm run bench:classroom`: starts the real server on loopback (a child process), joins simulated
 * trainees over HTTP and WebSockets, has each start a call (a ticket) and submit a real finished run
 * once the plausibility floor has passed, and prints:
 *
 * - the stream shape: submissions at a steady rate; p50/p99 from submit until every screen in the
 *   room showed a leaderboard including it;
 * - the burst shape (N trainees in one session all submitting at the same moment, N = 500, 1,000,
 *   2,000): p50/p99 from the last submission to each trainee's own update (the reply carrying their
 *   row) and to the projector's leaderboard including every result, lost and double-counted results
 *   (both should be 0), the server's CPU time and peak memory. Two rounds, as a class plays call
 *   after call: the first on a freshly started server (cold code), the second warm.
 *
 * How the time is taken: the server is a child process of its own; the simulated trainees and the
 * projector are sockets in this process, and every time is `performance.now()` here, when a
 * socket's message event fires. So that the client side is not what is measured, each burst also
 * prints this process's CPU time and its worst event-loop delay during the burst: a client that
 * was busy close to the whole time, or whose loop stalled for long, would make the figures its own.
 *
 * Each trainee's run is different (its wrap-up notes differ), so no two verdicts are shared; pass
 * `--shared` to let trainees take the same few paths (the server then replays each path once).
 * `BENCH_SERVER_ROOT=<another checkout>` starts that checkout's server instead (an A/B in one sitting).
 * Where a burst's garbage comes from: `BENCH_SERVER_NODE_FLAGS=--trace-gc BENCH_SERVER_LOG=<file>`, then
 * `tsx tools/bench/classroom-gc-trace.ts <file>` (collections and MB allocated by heap and stretch), and
 * tools/bench/classroom-allocation.ts (the main thread's bytes a submission, by stage, in one process).
 * Usage: tsx tools/bench-classroom.ts [--burst 500,1000,2000] [--shared] | [--sessions 20 --trainees 100 --rate 400]
 * With the burst, one sitting, interleaved: `--floor` (the real server and tools/bench/burst-floor-server.ts, the same
 * protocol with no real work), `--ladder` (the floor, the real server without verification and/or without the store, the
 * full server: bench-only switches, src/server/verify/bench-ablation.ts), `--base <checkout>` (before and after), `--with-flags "<node flags>"` (without and with);
 * `--reps k` repeats the interleaving.
 * Several instances on PostgreSQL, against one on SQLite: --instances 3 --store postgres (see bench-instances.ts).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import WebSocket from 'ws';
import { loadScenarioLibrary } from '../src/server/scenario-library.ts';
import { CallSession } from '../src/core/engine/call-session.ts';
import { score } from '../src/core/scoring/score.ts';
import { claimFrom } from '../src/core/classroom/claimed-score.ts';
import { minimumPlayMs } from '../src/core/classroom/plausible-time.ts';
import type { CallDefinition } from '../src/core/engine/call-definition.ts';
import type { CallEvent, RunLog } from '../src/shared/call-events.ts';
import type { ClaimedScore } from '../src/shared/classroom-http.ts';
import type { ServerMessage } from '../src/shared/classroom-ws.ts';
import { candidateEvents } from '../src/scenario/call-moves.ts';
import { LEADERBOARD_HEAD, post } from './bench/classroom-http.ts';
import { percentile } from '../src/shared/percentile.ts';

const root = join(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SHARED = process.argv.includes('--shared');

interface Played { run: RunLog; claimed: ClaimedScore }

/** The Node flags the last server was started with (printed with each burst). */
let serverFlags = '';

/** Plays a call with seeded random choices until it ends: a real, complete run. `notes` makes it a different run. */
function randomRun(def: CallDefinition, seed: number, notes = 'Refund issued, reference noted.'): Played {
  let x = seed * 2654435761 || 1;
  const pick = (n: number) => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return Math.abs(x) % n; };
  const s = new CallSession(def, seed >>> 0);
  for (let steps = 0; !s.over && steps < 300; steps++) {
    const candidates = candidateEvents(def, String(s.snapshot.value), s.snapshot.context, { wrapUp: true })
      .map((e) => (e.type === 'wrap.submit' ? { ...e, notes } : e));
    const first = candidates.length === 0 ? 0 : pick(candidates.length);
    const order = [...candidates.slice(first), ...candidates.slice(0, first)];
    if (!order.some((e) => s.send(e))) break;
  }
  const run = s.runLog();
  const scored = score(def, run);
  if (!scored.ok) return seed < 10_000 ? randomRun(def, seed + 7919, notes) : (() => { throw new Error(`no finished run for ${def.scenario.id}: ${scored.error}`); })();
  return { run, claimed: claimFrom(scored.scorecard) };
}

/**
 * The Node flags `npm start` gives the server in `serverRoot` (its package.json's start script: the
 * flags between `tsx` and `tools/start.ts`), so the server measured runs as it does in use, and an
 * A/B against another checkout runs each with its own.
 */
function startFlags(serverRoot: string): string[] {
  const script = (JSON.parse(readFileSync(join(serverRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.start ?? '';
  const between = /\btsx\s+(.*?)\s*tools\/start\.ts/.exec(script)?.[1] ?? '';
  return between.split(/\s+/).filter((f) => f.startsWith('--'));
}

/**
 * Which server a burst runs against: the real one (`npm start`'s, with bench-only switches through
 * HTL_BENCH_ABLATE for the ablation ladder, see src/server/verify/bench-ablation.ts), or the floor
 * (tools/bench/burst-floor-server.ts: the same protocol and stack, no real work).
 */
export interface ServerVariant {
  readonly label: string;
  /** A script in place of tools/start.ts (the floor). */
  readonly script?: string;
  /** HTL_BENCH_ABLATE for the real server: "verdict", "store" or both. */
  readonly ablate?: string;
  /** Another checkout's server (a before/after in one sitting); BENCH_SERVER_ROOT or this checkout when left out. */
  readonly root?: string;
  /** Node flags for this server only, after npm start's own and BENCH_SERVER_NODE_FLAGS. */
  readonly flags?: string;
}
const REAL: ServerVariant = { label: 'full' };
const FLOOR: ServerVariant = { label: 'floor', script: 'tools/bench/burst-floor-server.ts' };
/** The ablation ladder, from the floor up to the full server. */
const LADDER: ServerVariant[] = [FLOOR, { label: '-verify -store', ablate: 'verdict,store' }, { label: '-store', ablate: 'store' }, { label: '-verify', ablate: 'verdict' }, REAL];

async function startServer(dataDir: string, variant: ServerVariant = REAL): Promise<{ url: string; pid: number; stop: () => void }> {
  const profile = process.env.BENCH_PROFILE === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`];
  const serverRoot = variant.root ?? process.env.BENCH_SERVER_ROOT ?? root;
  // BENCH_SERVER_NODE_FLAGS: Node flags for the server alone (an experiment with V8's heap sizes, say), not for this client; after npm start's own.
  const flags = [...startFlags(serverRoot), ...`${process.env.BENCH_SERVER_NODE_FLAGS ?? ''} ${variant.flags ?? ''}`.split(' ').filter((f) => f !== '')];
  serverFlags = flags.join(' ');
  const script = variant.script === undefined ? ['tools/start.ts', '--api-only', ...(variant.ablate === undefined ? [] : ['--bench-ablation'])] : [variant.script];
  const ablate = variant.ablate === undefined ? {} : { HTL_BENCH_ABLATE: variant.ablate };
  const child = spawn(process.execPath, [...profile, ...flags, '--import', 'tsx', ...script], {
    cwd: variant.script === undefined ? serverRoot : root,
    // Every simulated trainee is on 127.0.0.1: the per-address limits are opened up as for one big NAT. The plausibility floor stays on.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SESSION_CREATE_BURST: '100', JOINS_PER_ADDRESS: '100000', RATE_PER_ADDRESS: '100000', MAX_SOCKETS_PER_ADDRESS: '100000', ...ablate },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out: string | null = '';
    // BENCH_SERVER_LOG=<file>: the server's output is kept there (with BENCH_SERVER_NODE_FLAGS=--trace-gc, its collections).
    const log = process.env.BENCH_SERVER_LOG;
    child.stdout!.on('data', (d) => {
      if (log !== undefined) appendFileSync(log, d);
      if (out === null) return;
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        out = null;
        ok(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code})`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** CPU time (user + system) the process has used, in ms: all threads, or with `thread` (the pid: the main thread) one of them. */
const cpuMs = (pid: number, thread?: number) => {
  const fields = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
/** A thread's /proc stat fields after the command name. */
const threadStat = (pid: number, tid: number) => readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
/** CPU time (ms) of each of the process's threads by thread id, and whether the thread started with the process. */
const threadsCpu = (pid: number): Map<number, { ms: number; early: boolean }> => {
  const read = new Map<number, { ms: number; start: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const f = threadStat(pid, Number(tid));
      read.set(Number(tid), { ms: ((Number(f[11]) + Number(f[12])) * 1000) / 100, start: Number(f[19]) });
    } catch {
      // The thread ended meanwhile.
    }
  }
  // Started within half a second of the first thread after the main one (start times are in 1/100 s): Node's own threads, before any code ran.
  const first = Math.min(...[...read].filter(([tid]) => tid !== pid).map(([, t]) => t.start));
  return new Map([...read].map(([tid, t]) => [tid, { ms: t.ms, early: t.start - first <= 50 }]));
};
/**
 * Where a burst's CPU went, by thread (Node 20 names them all "node", so they are told apart by
 * when they started): the main thread (the pid); the threads started with the process, which are
 * V8's platform threads (parallel and concurrent garbage collection, background compiling) and
 * libuv's; and each thread started later on its own: the worker threads (verdict worker, SQLite
 * writer, upload checker), shown by thread id offset from the pid, biggest first.
 */
function threadBreakdown(pid: number, before: Map<number, { ms: number }>, after: Map<number, { ms: number; early: boolean }>): { text: string; helpersMs: number; workersMs: number } {
  let early = 0;
  const earlyEach: [number, number][] = [];
  const later: [number, number][] = [];
  for (const [tid, t] of after) {
    const used = t.ms - (before.get(tid)?.ms ?? 0);
    if (tid === pid) continue;
    if (t.early) {
      early += used;
      if (used > 0) earlyEach.push([tid - pid, used]);
    } else if (used > 0) later.push([tid - pid, used]);
  }
  later.sort((a, b) => b[1] - a[1]);
  const each = (list: [number, number][]) => list.map(([off, used]) => `pid+${off} ${used.toFixed(0)} ms`).join(', ') || 'none';
  return {
    text: `threads started with the process (V8 GC and compiler helpers) ${early.toFixed(0)} ms (${each(earlyEach)}); worker threads: ${each(later)}`,
    helpersMs: early,
    workersMs: later.reduce((sum, [, used]) => sum + used, 0),
  };
}
const status = (pid: number, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (x: number) => `${x.toFixed(0)} ms`;


interface Trainee {
  ws: WebSocket;
  room: number;
  token: string;
  seen: { seq: number; at: number }[];
  replies: Map<string, { seq: number; ok: boolean; duplicate: boolean; at: number; reason?: string }>;
}

const trainerKeys = new Map<string, string>();

/** What the simulated trainees received, by message type (counts and bytes), since the last reset: what a burst sends them. */
const received = new Map<string, { count: number; bytes: number }>();
const MESSAGE_TYPE = /^\{"type":"([a-z-]+)"/;
function countReceived(text: string): void {
  const type = MESSAGE_TYPE.exec(text.slice(0, 30))?.[1] ?? 'other';
  const r = received.get(type) ?? { count: 0, bytes: 0 };
  r.count++;
  r.bytes += text.length;
  received.set(type, r);
}
const receivedSummary = (trainees: number) =>
  [...received].sort((a, b) => b[1].count - a[1].count).map(([type, r]) => `${type} ×${r.count} (${(r.count / trainees).toFixed(2)} each, ${(r.bytes / r.count).toFixed(0)} B)`).join(', ') || 'nothing';

async function createSessions(url: string, count: number, hashes: string[]): Promise<string[]> {
  const codes: string[] = [];
  for (let s = 0; s < count; s++) {
    const created = await post(`${url}/api/sessions`, { title: `Bench ${s}`, scenarioHashes: hashes });
    await post(`${url}/api/sessions/${created.code}/control`, { action: 'start' }, { 'x-trainer-key': created.trainerKey as string });
    codes.push(created.code as string);
    trainerKeys.set(created.code as string, created.trainerKey as string);
  }
  return codes;
}

/**
 * Joins `total` trainees spread over the sessions, 50 at a time, each with a socket that has said
 * hello: as a screen that shows the session's board (`showsBoard`: the stream's figure times the
 * trainees' boards), or as the trainee page does, asking only for its own place (the burst).
 */
async function joinTrainees(url: string, codes: string[], total: number, showsBoard: boolean): Promise<Trainee[]> {
  const trainees: Trainee[] = new Array(total);
  const wsUrl = url.replace('http', 'ws') + '/ws';
  for (let batch = 0; batch < total; batch += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, total - batch) }, async (_, k) => {
        const i = batch + k;
        const room = i % codes.length;
        const joined = await post(`${url}/api/sessions/${codes[room]}/join`, { nickname: `Trainee ${i}` });
        const ws = new WebSocket(wsUrl);
        const t: Trainee = { ws, room, token: joined.token as string, seen: [], replies: new Map() };
        ws.on('message', (d) => {
          const text = d.toString();
          countReceived(text);
          // Leaderboards are most of the traffic: read their seq from the head, so the simulated trainees cost the machine little.
          const board = LEADERBOARD_HEAD.exec(text.slice(0, 60));
          if (board !== null) return void t.seen.push({ seq: Number(board[1]), at: performance.now() });
          if (!text.startsWith('{"type":"submitted"')) return;
          const m = JSON.parse(text) as ServerMessage;
          if (m.type === 'submitted') {
            const r = m.result;
            t.replies.set(r.submissionId, { seq: m.seq, ok: r.status === 'accepted', duplicate: r.status === 'accepted' && r.duplicate, at: performance.now(), ...(r.status === 'refused' ? { reason: r.reason } : {}) });
          }
        });
        await new Promise<void>((ok, fail) => { ws.once('open', () => ok()); ws.once('error', fail); });
        ws.send(JSON.stringify({ type: 'hello', code: codes[room], token: t.token, ...(showsBoard ? { board: true } : {}) }));
        trainees[i] = t;
      }),
    );
  }
  return trainees;
}

/** Each trainee starts a call (gets a ticket) for its run; resolves once every run could honestly have been played. */
async function startCalls(url: string, codes: string[], trainees: Trainee[], runs: Played[]) {
  const calls: { ticket: string; run: RunLog & { seed: number }; claimed: ClaimedScore }[] = new Array(trainees.length);
  for (let batch = 0; batch < trainees.length; batch += 50) {
    await Promise.all(
      trainees.slice(batch, batch + 50).map(async (t, k) => {
        const i = batch + k;
        const r = runs[i % runs.length]!;
        const issued = await post(`${url}/api/sessions/${codes[t.room]}/tickets`, { token: t.token, scenarioHash: r.run.scenarioHash });
        calls[i] = { ticket: issued.ticket as string, run: { ...r.run, seed: issued.seed as number }, claimed: r.claimed };
      }),
    );
  }
  const floor = Math.max(...runs.map((r) => minimumPlayMs(r.run.events)));
  // From the last ticket: every call then has been "played" for at least the floor.
  const wait = floor + 500;
  if (wait > 0) await sleep(wait);
  return calls;
}

/** Runs for `count` trainees: each different (its notes), or 60 shared paths with --shared. `round` makes a later round's runs new. */
function makeRuns(library: CallDefinition[], count: number, round = 1): Played[] {
  const n = SHARED ? 60 : count;
  return Array.from({ length: n }, (_, i) => randomRun(library[i % library.length]!, (i % 60) + 1 + 100 * round, SHARED ? `Round ${round}, reference noted.` : `Refund issued, reference R${round}-${i.toString().padStart(5, '0')}.`));
}

async function stream(sessions: number, perSession: number, rate: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'htl-bench-'));
  const server = await startServer(dataDir);
  try {
    const library = [...loadScenarioLibrary(join(root, 'scenarios')).byHash.values()].slice(0, 3).map((l) => l.definition);
    const codes = await createSessions(server.url, sessions, library.map((d) => d.hash));
    const trainees = await joinTrainees(server.url, codes, sessions * perSession, true);
    const calls = await startCalls(server.url, codes, trainees, makeRuns(library, trainees.length));
    const connected = trainees.filter((t) => t.ws.readyState === WebSocket.OPEN).length;
    const sent: { t: Trainee; id: string; at: number }[] = [];
    const started = performance.now();
    for (let n = 0; n < trainees.length; n++) {
      const t = trainees[n]!;
      const id = `bench-${n}-${Math.random().toString(36).slice(2, 10)}`;
      const wait = started + (n * 1000) / rate - performance.now();
      if (wait > 1) await sleep(wait);
      sent.push({ t, id, at: performance.now() });
      t.ws.send(JSON.stringify({ type: 'submit', submission: { submissionId: id, ...calls[n]! } }));
    }
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline && sent.some((s) => !s.t.replies.has(s.id))) await sleep(50);
    const lastReply = performance.now();
    await sleep(1500);
    const accepted = sent.filter((s) => s.t.replies.get(s.id)?.ok === true);
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
    console.log(
      [
        `stream: ${sessions} session(s) × ${perSession} trainees, one call each at ${rate}/s`,
        `  trainees connected: ${connected} / ${trainees.length}`,
        `  submissions: ${sent.length} sent, ${accepted.length} accepted, ${((1000 * accepted.length) / (lastReply - started)).toFixed(0)} per second`,
        `  submit → every screen in the room updated (trainees' boards at most once a second): p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}`,
        `  lost submissions: ${sent.length - accepted.length}`,
        `  server memory: ${status(server.pid, 'VmRSS').toFixed(0)} MB now, ${status(server.pid, 'VmHWM').toFixed(0)} MB peak`,
      ].join('\n'),
    );
    for (const t of trainees) t.ws.terminate();
  } finally {
    server.stop();
    await sleep(300);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface BurstRow { server: string; n: number; round: 'cold' | 'warm'; ownP50: number; ownP99: number; projP50: number; projP99: number; lost: number; double: number; peakMb: number; clientBusy: number; mainUs: number; allUs: number; helpersUs: number; workersUs: number; clientUs: number }
const summary: BurstRow[] = [];

/** The bursts run, one line each (times from the last submission). */
function printSummary(): void {
  if (summary.length === 0) return;
  const cell = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : 'never').padStart(6);
  console.log(`\nburst summary (${SHARED ? '60 shared paths' : 'every run different'}; ms from the last submission; load average ${loadavg()[0]!.toFixed(1)} on 2 cores; server ${process.env.BENCH_SERVER_ROOT ?? 'this checkout'}, Node flags: ${serverFlags || 'none'})`);
  console.log('server            N  round   own p50  own p99  proj p50  proj p99  lost  double  peak MB  client busy  CPU µs/submission: server main, V8 helpers, workers, all; client');
  for (const r of summary) {
    console.log(`${r.server.padEnd(14)}${String(r.n).padStart(6)}  ${r.round}  ${cell(r.ownP50)}   ${cell(r.ownP99)}   ${cell(r.projP50)}    ${cell(r.projP99)}  ${String(r.lost).padStart(4)}  ${String(r.double).padStart(6)}  ${r.peakMb.toFixed(0).padStart(7)}  ${(100 * r.clientBusy).toFixed(0).padStart(10)} %  ${r.mainUs.toFixed(0).padStart(6)} ${r.helpersUs.toFixed(0).padStart(6)} ${r.workersUs.toFixed(0).padStart(6)} ${r.allUs.toFixed(0).padStart(6)}; ${r.clientUs.toFixed(0).padStart(5)}`);
  }
}

/** N trainees in one session submit at the same moment. */
async function burst(n: number, variant: ServerVariant = REAL): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'htl-burst-'));
  const server = await startServer(dataDir, variant);
  try {
    const library = [...loadScenarioLibrary(join(root, 'scenarios')).byHash.values()].slice(0, 3).map((l) => l.definition);
    const [code] = await createSessions(server.url, 1, library.map((d) => d.hash));
    const projector = new WebSocket(server.url.replace('http', 'ws') + '/ws');
    const projectorSeen: { seq: number; at: number }[] = [];
    projector.on('message', (d) => {
      const board = LEADERBOARD_HEAD.exec(d.toString().slice(0, 60));
      if (board !== null) projectorSeen.push({ seq: Number(board[1]), at: performance.now() });
    });
    await new Promise<void>((ok, fail) => { projector.once('open', () => ok()); projector.once('error', fail); });
    projector.send(JSON.stringify({ type: 'hello', code }));
    const trainees = await joinTrainees(server.url, [code!], n, false);
    // Two rounds, as a class plays call after call: the first on a freshly started server (cold), the second warm.
    for (const round of [1, 2]) {
      const runs = makeRuns(library, n, round);
      const calls = await startCalls(server.url, [code!], trainees, runs);
      await sleep(1500);
      const idle = status(server.pid, 'VmRSS');
      const connected = trainees.filter((t) => t.ws.readyState === WebSocket.OPEN).length;
      const ids = trainees.map((_, i) => `burst${round}-${i}-${Math.random().toString(36).slice(2, 10)}`);
      const payloads = trainees.map((_, i) => JSON.stringify({ type: 'submit', submission: { submissionId: ids[i], ...calls[i]! } }));
      const target = n * round;
      const sentAt: number[] = [];
      const cpuBefore = cpuMs(server.pid);
      const mainCpuBefore = cpuMs(server.pid, server.pid);
      const threadsBefore = threadsCpu(server.pid);
      const clientCpuBefore = process.cpuUsage();
      received.clear();
      const loopDelay = monitorEventLoopDelay({ resolution: 5 });
      loopDelay.enable();
      const first = performance.now();
      for (let i = 0; i < n; i++) {
        sentAt.push(performance.now());
        trainees[i]!.ws.send(payloads[i]!);
      }
      const last = performance.now();
      const deadline = last + 30_000;
      while (performance.now() < deadline && trainees.some((t, i) => !t.replies.has(ids[i]!))) await sleep(5);
      while (performance.now() < deadline && !projectorSeen.some((s) => s.seq >= target)) await sleep(5);
      const cpuBurst = cpuMs(server.pid) - cpuBefore;
      const mainCpu = cpuMs(server.pid, server.pid) - mainCpuBefore;
      const threads = threadBreakdown(server.pid, threadsBefore, threadsCpu(server.pid));
      const burstWall = performance.now() - first;
      const clientCpu = process.cpuUsage(clientCpuBefore);
      loopDelay.disable();
      const clientBusy = (clientCpu.user + clientCpu.system) / 1000;
      // Long enough for the trainees' once-a-second board and rank moves after the burst to arrive (counted below; the times above are already taken).
      await sleep(1500);
      const replies = trainees.map((t, i) => t.replies.get(ids[i]!));
      const accepted = replies.filter((r) => r?.ok === true && !r.duplicate);
      const own = replies.filter((r) => r?.ok === true).map((r) => Math.max(0, r!.at - last)).sort((a, b) => a - b);
      const ownFromSend = replies.map((r, i) => (r === undefined ? Infinity : r.at - sentAt[i]!)).sort((a, b) => a - b);
      const projectorAll = projectorSeen.find((s) => s.seq >= target);
      // For each counted result: when the projector first showed a leaderboard that included it.
      const onProjector = replies
        .filter((r) => r?.ok === true && !r.duplicate)
        .map((r) => projectorSeen.find((s) => s.seq >= r!.seq))
        .map((seen) => (seen === undefined ? Infinity : Math.max(0, seen.at - last)))
        .sort((a, b) => a - b);
      const board = (await (await fetch(`${server.url}/api/sessions/${code}/export.json`, { headers: { 'x-trainer-key': trainerKeys.get(code!)! } })).json()) as { leaderboard: { calls: number }[] };
      const counted = board.leaderboard.reduce((s, r) => s + r.calls, 0) - n * (round - 1);
      const reasons = new Map<string, number>();
      for (const r of replies) if (r === undefined || !r.ok) reasons.set(r?.reason ?? 'no answer', (reasons.get(r?.reason ?? 'no answer') ?? 0) + 1);
      console.log(
        [
          `burst (${variant.label} server): ${n} trainees in one session submit at once, round ${round} (${round === 1 ? 'cold: the first calls since the server started' : 'warm'})${SHARED ? ', 60 shared paths' : ', every run different'}; load average ${loadavg()[0]!.toFixed(1)} on 2 cores`,
          `  trainees connected: ${connected} / ${n}; all ${n} sent in ${ms(last - first)}`,
          `  last submission → each trainee's own update: p50 ${ms(percentile(own, 50))}, p99 ${ms(percentile(own, 99))}, max ${ms(percentile(own, 100))}`,
          `  (own submission → own update: p50 ${ms(percentile(ownFromSend, 50))}, p99 ${ms(percentile(ownFromSend, 99))})`,
          `  last submission → the projector's leaderboard including each result: p50 ${ms(percentile(onProjector, 50))}, p99 ${ms(percentile(onProjector, 99))}; with all ${n}: ${projectorAll === undefined ? 'never' : ms(Math.max(0, projectorAll.at - last))}`,
          `  lost: ${n - accepted.length}; double-counted: ${Math.max(0, counted - accepted.length)} (calls counted this round: ${counted})`,
          ...[...reasons].map(([reason, count]) => `    not accepted ×${count}: ${reason}`),
          `  server started with Node flags: ${serverFlags || 'none'}`,
          `  server CPU for the burst (all threads): ${ms(cpuBurst)}, ${((1000 * cpuBurst) / n).toFixed(0)} µs a submission; main thread ${ms(mainCpu)}, ${((1000 * mainCpu) / n).toFixed(0)} µs a submission`,
          `    by thread: ${threads.text}`,
          `  server memory: ${idle.toFixed(0)} MB before the burst, ${status(server.pid, 'VmHWM').toFixed(0)} MB peak`,
          `  client side (this process, ${n} sockets): CPU ${ms(clientBusy)} of the burst's ${ms(burstWall)}; event-loop delay p99 ${ms(loopDelay.percentile(99) / 1e6)}, worst ${ms(loopDelay.max / 1e6)} (how late it may have read a reply)`,
          `  the trainees received, from the first submission to 1.5 s after the last reply: ${receivedSummary(n)}`,
        ].join('\n'),
      );
      summary.push({
        server: variant.label,
        n,
        round: round === 1 ? 'cold' : 'warm',
        ownP50: percentile(own, 50),
        ownP99: percentile(own, 99),
        projP50: percentile(onProjector, 50),
        projP99: percentile(onProjector, 99),
        lost: n - accepted.length,
        double: Math.max(0, counted - accepted.length),
        peakMb: status(server.pid, 'VmHWM'),
        clientBusy: clientBusy / burstWall,
        mainUs: (1000 * mainCpu) / n,
        allUs: (1000 * cpuBurst) / n,
        helpersUs: (1000 * threads.helpersMs) / n,
        workersUs: (1000 * threads.workersMs) / n,
        clientUs: (1000 * clientBusy) / n,
      });
    }
    for (const t of trainees) t.ws.terminate();
    projector.terminate();
  } finally {
    server.stop();
    await sleep(300);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--instances') || process.argv.includes('--store')) await (await import('./bench-instances.ts')).benchInstances();
else if (process.argv.includes('--sessions')) await stream(arg('sessions', 1), arg('trainees', 100), arg('rate', 300));
else if (process.argv.includes('--burst')) {
  const sizes = (process.argv[process.argv.indexOf('--burst') + 1] ?? '2000').split(',').map(Number);
  // --floor: the real server and the floor, interleaved; --ladder: the floor, the real server with verification and/or the store
  // switched off, and the full server, interleaved; --reps k: the whole interleaving k times.
  // --base <checkout>: that checkout's server (before) and this one's (after), interleaved.
  const base = process.argv.includes('--base') ? { label: 'before', root: process.argv[process.argv.indexOf('--base') + 1]! } : null;
  // --with-flags "<node flags>": the server as npm start runs it, and with those flags too, interleaved.
  const withFlags = process.argv.includes('--with-flags') ? { label: 'with flags', flags: process.argv[process.argv.indexOf('--with-flags') + 1]! } : null;
  const variants = process.argv.includes('--ladder') ? LADDER : process.argv.includes('--floor') ? [REAL, FLOOR] : base !== null ? [base, { label: 'after' }] : withFlags !== null ? [REAL, withFlags] : [REAL];
  for (let rep = 0; rep < arg('reps', 1); rep++) for (const n of sizes) for (const v of variants) await burst(n, v);
  printSummary();
} else {
  await stream(1, 1000, arg('rate', 300));
  await stream(20, 100, arg('rate', 300));
  for (const n of [500, 1000, 2000]) await burst(n);
  printSummary();
}
