/**
 * `npm run bench:classroom -- --instances 3 --store postgres`: several classroom server instances
 * (child processes) on one PostgreSQL (DATABASE_URL, or a throwaway server started here), with
 * trainees and projectors spread over all of them, then the same load on one instance with SQLite.
 *
 * Load: 30 sessions of 100 trainees and one of 2,000 (change with --sessions, --trainees, --big, or
 * --scale 0.2). On a machine with fewer cores than the full load wants (one per instance, one for
 * PostgreSQL, one for the clients) it is scaled to a fifth unless --full is given; the first line
 * printed says what ran and why.
 * Each trainee joins on one instance, starts its call (a ticket) on the next one, and submits a
 * real finished run over its socket; submissions stream at --rate per second (400) across all
 * sessions. Every session has a projector on every instance. With --kill (on by default with more
 * than one instance; --no-kill turns it off) one instance is killed (SIGKILL) after 40 % of the
 * submissions: its trainees and projectors reconnect to the others, say hello with their token and
 * send again whatever was not acknowledged.
 *
 * Figures, per store:
 * - submit → every projector of the session: the k-th acknowledged new result of a session is
 *   taken as seen by a projector when that projector's leaderboard first counts at least k results
 *   (the leaderboard's seq counts the results an instance has shown; a board before the
 *   acknowledgement counts as no delay, see bench/projector-seen.ts); p50/p99/max over results of
 *   the worst projector;
 * - lost: acknowledged submissions missing from the database; never acknowledged; double counted:
 *   results stored more than once for a trainee (each plays one call), and, on each live instance,
 *   leaderboard calls beyond the database's count — read from the database itself after the run;
 * - per instance: the sockets it had at the start, the submissions it acknowledged, and whether its
 *   leaderboards match the database.
 * Timings taken on a shared machine are noisy; the load average is printed with them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import WebSocket from 'ws';
import { loadScenarioLibrary } from '../src/server/scenario-library.ts';
import { CallSession } from '../src/core/engine/call-session.ts';
import { score } from '../src/core/scoring/score.ts';
import { claimFrom } from '../src/core/classroom/claimed-score.ts';
import { minimumPlayMs } from '../src/core/classroom/plausible-time.ts';
import { candidateEvents } from '../src/scenario/call-moves.ts';
import type { CallDefinition } from '../src/core/engine/call-definition.ts';
import type { RunLog } from '../src/shared/call-events.ts';
import type { ClaimedScore } from '../src/shared/classroom-http.ts';
import { startThrowawayPostgres } from './pg-throwaway.ts';
import { percentile } from '../src/shared/percentile.ts';
import { post } from './bench/classroom-http.ts';
import { childrenOf, cpuWindow, postmasterOf } from './bench-instances-cpu.ts';
import { HopRecorder } from './bench/instances-hops.ts';
import { seenAfter } from './bench/projector-seen.ts';
import { ProjectorThread } from './bench/projectors.ts';
import { MessageTally, tallyLines } from './bench/instances-messages.ts';

const root = join(import.meta.dirname, '..');
/** The checkout whose server the instances run: this one, or BENCH_SERVER_ROOT (an A/B in one sitting). */
const serverRoot = process.env['BENCH_SERVER_ROOT'] ?? root;
const argv = process.argv.slice(2);
const num = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const text = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'never');

/** A finished run of a call: at each step the first move the call accepts, starting from a different one each step. */
export function finishedRun(def: CallDefinition, notes: string, offset: number): { run: RunLog; claimed: ClaimedScore } | null {
  const s = new CallSession(def, offset >>> 0);
  for (let step = 0; !s.over && step < 300; step++) {
    const moves = candidateEvents(def, String(s.snapshot.value), s.snapshot.context, { wrapUp: true }).map((e) => (e.type === 'wrap.submit' ? { ...e, notes } : e));
    const from = moves.length === 0 ? 0 : (step * 7 + offset) % moves.length;
    if (![...moves.slice(from), ...moves.slice(0, from)].some((e) => s.send(e))) break;
  }
  const run = s.runLog();
  const scored = score(def, run);
  return scored.ok ? { run, claimed: claimFrom(scored.scorecard) } : null;
}

/** One run per trainee, each different (its notes), over the first three library calls. */
function runsFor(defs: readonly CallDefinition[], count: number): { run: RunLog; claimed: ClaimedScore }[] {
  const shapes = defs.map((def) => {
    for (let offset = 0; offset < 50; offset++) if (finishedRun(def, 'x', offset) !== null) return offset;
    throw new Error(`no finished run found for ${def.scenario.id}`);
  });
  return Array.from({ length: count }, (_, i) => finishedRun(defs[i % defs.length]!, `Account checked, reference B-${i.toString().padStart(5, '0')}.`, shapes[i % defs.length]!)!);
}

export interface Instance {
  url: string;
  child: ChildProcess;
  alive: boolean;
}

/** Stops the instances and waits until they have exited (killed after 10 s). */
export async function stopAll(instances: readonly Instance[]): Promise<void> {
  await Promise.all(
    instances.map(async (i) => {
      if (!i.alive) return;
      const exited = new Promise<void>((done) => i.child.once('exit', () => done()));
      i.child.kill('SIGTERM');
      const late = setTimeout(() => i.child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(late);
    }),
  );
}

export async function startInstance(env: Record<string, string>): Promise<Instance> {
  // BENCH_NODE_ARGS: options for the instances' Node (a CPU profile: "--cpu-prof --cpu-prof-dir=<dir>").
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'tools/start.ts', '--api-only'], {
    cwd: serverRoot,
    // Every simulated client is on 127.0.0.1, as if behind one proxy: the per-address limits are opened up.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SESSION_CREATE_BURST: '1000', JOINS_PER_ADDRESS: '100000', RATE_PER_ADDRESS: '100000', MAX_SOCKETS_PER_ADDRESS: '100000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]!);
    });
    child.once('exit', (code) => fail(new Error(`an instance exited before it started (${code})`)));
  });
  const instance: Instance = { url, child, alive: true };
  child.once('exit', () => (instance.alive = false));
  return instance;
}


/** A socket that follows its client to another instance when its own goes away. */
interface Screen {
  session: number;
  instance: number;
  token: string | null;
  ws: WebSocket | null;
  moved: number;
  /** The instance it first connected to. */
  firstInstance: number;
  onOpen: () => void;
}

interface Trainee extends Screen {
  id: string;
  payload: string;
  sent: boolean;
  ack: { at: number; duplicate: boolean; by: number } | null;
}

interface Outcome {
  label: string;
  sessions: number;
  trainees: number;
  connected: number;
  acknowledged: number;
  neverAcknowledged: number;
  lostAcknowledged: number;
  /** Results stored more than once for one trainee, in the database. */
  doubleInDatabase: number;
  /** Leaderboard calls beyond the database's count, summed over the live instances. */
  doubleOnBoards: number;
  /** One line per instance: what it served, and its leaderboards against the database. */
  perInstance: string[];
  /** Whether the database had stopped growing when it was read. */
  settled: string;
  seenP50: number;
  seenP99: number;
  seenMax: number;
  /** The same, from the trainee sending the submission (its write included). */
  sentP50: number;
  sentP99: number;
  sentMax: number;
  /** Acknowledged → every projector, leaving out results acknowledged from the kill to 5 s after it (their projectors were moving). */
  steady: string;
  /** CPU of each process over the submissions (see bench-instances-cpu.ts). */
  cpu: string;
  /** Where the time goes, as the clients see it (see bench/instances-hops.ts). */
  hops: string[];
  /** What the clients heard during the submissions (see bench/instances-messages.ts). */
  messages: string[];
  moved: number;
  killed: string;
  seconds: number;
  load: number;
}

async function runLoad(label: string, instances: Instance[], sizes: number[], defs: CallDefinition[], rate: number, kill: boolean, storedCounts: () => Promise<{ stored: Map<string, number>; extra: number }>, postmaster: number | null, beforeSubmissions: () => Promise<void> = async () => undefined): Promise<Outcome> {
  let perf: ChildProcess | null = null;
  const started = performance.now();
  const pick = (i: number) => {
    for (let k = 0; k < instances.length; k++) {
      const n = (i + k) % instances.length;
      if (instances[n]!.alive) return n;
    }
    throw new Error('no instance left');
  };
  const codes: string[] = [];
  const keys: string[] = [];
  for (let s = 0; s < sizes.length; s++) {
    const at = instances[s % instances.length]!.url;
    const created = await post(`${at}/api/sessions`, { title: `Bench ${s}`, scenarioHashes: defs.map((d) => d.hash) });
    await post(`${at}/api/sessions/${created.code}/control`, { action: 'start' }, { 'x-trainer-key': created.trainerKey as string });
    codes.push(created.code as string);
    keys.push(created.trainerKey as string);
  }
  const connect = (screen: Screen) => {
    screen.instance = pick(screen.instance);
    const ws = new WebSocket(instances[screen.instance]!.url.replace('http', 'ws') + '/ws');
    screen.ws = ws;
    ws.on('message', (d: Buffer) => {
      // Decoded as a page's socket does; parsed only when the bench needs what it says (the
      // projectors, in their own thread, read the boards; a trainee reads its replies).
      const raw = d.toString();
      tally.add(screen.instance, raw, d.length);
      if (raw.startsWith('{"type":"welcome"')) return screen.onOpen();
      if (!raw.startsWith('{"type":"submitted"')) return;
      const m = JSON.parse(raw) as { result: { status: string; duplicate?: boolean } };
      const t = screen as Trainee;
      if (m.result.status === 'accepted' && t.ack === null) t.ack = { at: performance.now(), duplicate: m.result.duplicate === true, by: screen.instance };
    });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', code: codes[screen.session], ...(screen.token === null ? {} : { token: screen.token }) })));
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (screen.ws !== ws || stopping) return;
      // The instance went away: reconnect as the real pages do (their first backoff in
      // src/net/live-socket.ts: 250–500 ms), to the live instances in turn, as a load balancer would.
      screen.moved++;
      const live = instances.flatMap((x, n) => (x.alive && n !== screen.instance ? [n] : []));
      screen.instance = live.length === 0 ? screen.instance : live[moves++ % live.length]!;
      setTimeout(() => connect(screen), 250 + Math.random() * 250);
    });
  };
  let stopping = false;
  const tally = new MessageTally();
  /** Sockets moved so far: the next one goes to the next live instance. */
  let moves = 0;
  // Every session has a projector on every instance, in a thread of their own (bench/projectors.ts).
  const projectorThread = new ProjectorThread({ urls: instances.map((i) => i.url), codes });
  const trainees: Trainee[] = [];
  const total = sizes.reduce((a, b) => a + b, 0);
  const runs = runsFor(defs, total);
  const order: { session: number }[] = sizes.flatMap((size, s) => Array.from({ length: size }, () => ({ session: s })));
  for (let batch = 0; batch < order.length; batch += 50) {
    await Promise.all(
      order.slice(batch, batch + 50).map(async ({ session }, k) => {
        const i = batch + k;
        const home = i % instances.length;
        const joined = await post(`${instances[home]!.url}/api/sessions/${codes[session]}/join`, { nickname: `Trainee ${i}` });
        const token = joined.token as string;
        const r = runs[i]!;
        // The call starts on another instance than the one the trainee joined on.
        const ticket = await post(`${instances[(home + 1) % instances.length]!.url}/api/sessions/${codes[session]}/tickets`, { token, scenarioHash: r.run.scenarioHash });
        const id = `b-${i}-${Math.random().toString(36).slice(2, 10)}`;
        const payload = JSON.stringify({ type: 'submit', submission: { submissionId: id, ticket: ticket.ticket, run: { ...r.run, seed: ticket.seed }, claimed: r.claimed } });
        const t: Trainee = { session, instance: home, firstInstance: home, token, ws: null, moved: 0, id, payload, sent: false, ack: null, onOpen: () => undefined };
        // After a reconnect, what was sent and not acknowledged is sent again (same id: counted once).
        t.onOpen = () => {
          if (t.sent && t.ack === null) t.ws?.send(t.payload);
        };
        trainees[i] = t;
        connect(t);
      }),
    );
  }
  console.error(`  ${label}: ${total} trainees joined and holding tickets after ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await sleep(Math.max(...runs.map((r) => minimumPlayMs(r.run.events))) + 1000);
  const connected = trainees.filter((s) => s.ws?.readyState === WebSocket.OPEN).length + (await projectorThread.openCount());
  // Submissions interleaved over all sessions, at the given rate.
  const sendOrder = [...trainees];
  let x = 2463534242;
  for (let i = sendOrder.length - 1; i > 0; i--) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const j = x % (i + 1);
    [sendOrder[i], sendOrder[j]] = [sendOrder[j]!, sendOrder[i]!];
  }
  const sentAt = new Map<Trainee, number>();
  /** When each trainee first sent (sentAt moves on a resend). */
  const firstSent = new Map<Trainee, number>();
  let killed = 'no';
  let killedAt = Infinity;
  await beforeSubmissions();
  // BENCH_PERF=<file>: Linux perf samples PostgreSQL's processes over the submissions (perf report -i <file>).
  const perfFile = process.env['BENCH_PERF'];
  if (perfFile !== undefined && postmaster !== null) {
    // The server's processes now (a short-lived one, an autovacuum worker, may be gone by the time perf starts: it says so and stops).
    perf = spawn('perf', ['record', '-q', '-F', '499', '-g', '-o', perfFile, '-p', [postmaster, ...childrenOf(postmaster)].join(',')], { stdio: ['ignore', 'ignore', 'inherit'] });
    perf.on('error', (error) => console.error(`perf could not start: ${error.message}`));
    await sleep(300);
  }
  const cpu = cpuWindow(instances.map((i) => i.child.pid ?? -1), postmaster);
  const hops = new HopRecorder();
  hops.start();
  tally.start();
  projectorThread.count(true);
  const t0 = performance.now();
  for (let n = 0; n < sendOrder.length; n++) {
    const wait = t0 + (n * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    const t = sendOrder[n]!;
    t.sent = true;
    sentAt.set(t, performance.now());
    firstSent.set(t, performance.now());
    if (t.ws?.readyState === WebSocket.OPEN) t.ws.send(t.payload);
    if (kill && killed === 'no' && n === Math.floor(sendOrder.length * 0.4)) {
      const victim = instances[1]!;
      victim.child.kill('SIGKILL');
      killed = `instance 2 of ${instances.length} killed (SIGKILL) after ${n} of ${sendOrder.length} submissions`;
      killedAt = performance.now();
      projectorThread.killed(1);
      hops.kill();
    }
  }
  console.error(`  ${label}: all submissions sent after ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const deadline = performance.now() + 60_000;
  let cpuLine = '';
  while (performance.now() < deadline && trainees.some((t) => t.ack === null)) {
    if (cpuLine === '' && trainees.filter((t) => t.ack === null).length <= trainees.length / 100) {
      cpuLine = cpu.end(sendOrder.length);
      perf?.kill('SIGINT');
    }
    await sleep(100);
    // A socket that was mid-handshake when its instance died may still owe its submission.
    for (const t of trainees) if (t.ack === null && t.ws?.readyState === WebSocket.OPEN && performance.now() - (sentAt.get(t) ?? 0) > 5000) {
      sentAt.set(t, performance.now());
      t.ws.send(t.payload);
    }
  }
  if (cpuLine === '') cpuLine = cpu.end(sendOrder.length);
  perf?.kill('SIGINT');
  hops.stop();
  tally.stop();
  projectorThread.count(false);
  const t1 = performance.now();
  await sleep(1500);
  // The instances may still be working through a backlog: wait until the database stops growing.
  let settledNote = 'the database had stopped growing';
  for (let last = -1, tries = 0; ; tries++) {
    const now = (await storedCounts()).stored.size;
    if (now === last) break;
    if (tries === 30) {
      settledNote = 'the database was still growing after 30 s (counts below are a lower bound)';
      break;
    }
    last = now;
    await sleep(1000);
  }
  stopping = true;
  const { projectors, heard } = await projectorThread.stop();
  // Acknowledgements are frozen before anything is read back: one arriving later is never compared with
  // a database read taken before it was stored.
  const acked = new Map(trainees.flatMap((t) => (t.ack === null ? [] : [[t, t.ack] as const])));
  // Latency: per session, the k-th new result acknowledged, to the first time every projector counts k results.
  const latencies: number[] = [];
  const fromSend: number[] = [];
  const awayFromKill: number[] = [];
  /** Pairs of (result, projector) where the projector counted the result before its trainee had the acknowledgement. */
  let early = 0;
  for (let s = 0; s < sizes.length; s++) {
    const acks = trainees.flatMap((t) => (t.session === s && acked.get(t)?.duplicate === false ? [{ at: acked.get(t)!.at, by: acked.get(t)!.by, sent: firstSent.get(t) ?? acked.get(t)!.at }] : [])).sort((a, b) => a.at - b.at);
    const screens = projectors.filter((p) => p.session === s);
    if (sizes[s] === Math.max(...sizes)) for (const p of screens) hops.addArrivals(p.seen.map((x) => x.at), t0, t1);
    acks.forEach(({ at, by, sent }, k) => {
      let worst = 0;
      let lastSeen = sent;
      let same = NaN;
      let other = NaN;
      for (const p of screens) {
        const seen = seenAfter(p.seen, k + 1, at);
        const delay = seen === null ? Infinity : seen.delay;
        if (seen?.early === true) early++;
        worst = Math.max(worst, delay);
        lastSeen = Math.max(lastSeen, seen === null ? Infinity : seen.at);
        if (p.instance === by) same = Number.isNaN(same) ? delay : Math.max(same, delay);
        else other = Number.isNaN(other) ? delay : Math.max(other, delay);
      }
      hops.add({ same, other, write: at - sent });
      latencies.push(worst);
      if (at < killedAt || at > killedAt + 5000) awayFromKill.push(worst);
      fromSend.push(lastSeen - sent);
    });
  }
  latencies.sort((a, b) => a - b);
  fromSend.sort((a, b) => a - b);
  // BENCH_DUMP=<file>: every acknowledgement and every leaderboard a projector heard, for a closer look.
  const dump = process.env['BENCH_DUMP'];
  if (dump !== undefined) {
    const acks = trainees.map((t) => ({ session: t.session, sent: firstSent.get(t) ?? null, ack: acked.get(t) ?? null }));
    writeFileSync(`${dump}.${label.split(',')[0]!.toLowerCase()}.json`, JSON.stringify({ t0, t1, killedAt, acks, projectors: projectors.map((p) => ({ session: p.session, instance: p.instance, first: p.firstInstance, seen: p.seen })) }));
  }
  // Every live instance's leaderboards first, the database after: a call shown was stored before the
  // database is read, so calls beyond the database's count are double counted, never just late.
  const boards = new Map<number, number[]>();
  for (const [n, inst] of instances.entries()) {
    if (!inst.alive) continue;
    const calls: number[] = [];
    for (let s = 0; s < sizes.length; s++) {
      const res = await fetch(`${inst.url}/api/sessions/${codes[s]}/export.json`, { headers: { 'x-trainer-key': keys[s]! } });
      const body = (await res.json()) as { leaderboard: { calls: number }[] };
      calls.push(body.leaderboard.reduce((sum, r) => sum + r.calls, 0));
    }
    boards.set(n, calls);
  }
  const { stored, extra } = await storedCounts();
  let lostAcknowledged = 0;
  for (const t of acked.keys()) if (!stored.has(t.id)) lostAcknowledged++;
  const inDb = sizes.map((_, s) => trainees.filter((t) => t.session === s && stored.has(t.id)).length);
  const storedTotal = inDb.reduce((a, b) => a + b, 0);
  let doubleOnBoards = 0;
  const perInstance: string[] = [];
  for (const [n, inst] of instances.entries()) {
    const startedHere = [...trainees, ...projectors].filter((x) => x.firstInstance === n).length;
    const ackedHere = [...acked.values()].filter((a) => a.by === n).length;
    const served = `instance ${n + 1}: ${startedHere} sockets at the start, ${ackedHere} submissions acknowledged`;
    const calls = boards.get(n);
    if (!inst.alive || calls === undefined) {
      perInstance.push(`${served}; killed (its clients moved to the others)`);
      continue;
    }
    const over = calls.reduce((sum, c, s) => sum + Math.max(0, c - inDb[s]!), 0);
    const under = calls.reduce((sum, c, s) => sum + Math.max(0, inDb[s]! - c), 0);
    doubleOnBoards += over;
    perInstance.push(`${served}; its leaderboards ${over === 0 && under === 0 ? `match the database (${storedTotal} calls)` : `show ${over} calls more and ${under} fewer than the database (${storedTotal})`}`);
  }
  for (const s of trainees) s.ws?.terminate();
  return {
    label,
    sessions: sizes.length,
    trainees: total,
    connected,
    acknowledged: acked.size,
    neverAcknowledged: trainees.length - acked.size,
    settled: settledNote,
    lostAcknowledged,
    doubleInDatabase: extra,
    doubleOnBoards,
    perInstance,
    seenP50: percentile(latencies, 50),
    seenP99: percentile(latencies, 99),
    seenMax: percentile(latencies, 100),
    steady: killedAt === Infinity ? '' : (awayFromKill.sort((a, b) => a - b), `p50 ${ms(percentile(awayFromKill, 50))}, p99 ${ms(percentile(awayFromKill, 99))}, max ${ms(percentile(awayFromKill, 100))} (${awayFromKill.length} of ${latencies.length} results)`),
    sentP50: percentile(fromSend, 50),
    sentP99: percentile(fromSend, 99),
    sentMax: percentile(fromSend, 100),
    cpu: cpuLine,
    messages: tallyLines(tally.all(), heard, (t1 - t0) / 1000),
    hops: [...hops.lines(), `    projectors that showed a result before its trainee had the acknowledgement: ${early} of ${latencies.length * instances.length} (result, projector) pairs`],
    moved: [...trainees, ...projectors].filter((s) => s.moved > 0).length,
    killed,
    seconds: (performance.now() - started) / 1000,
    load: loadavg()[0]!,
  };
}

function print(o: Outcome): void {
  console.log(
    [
      `${o.label}: ${o.sessions} sessions, ${o.trainees} trainees (load average ${o.load.toFixed(1)} at the end; timings under load)`,
      `  sockets connected before the first submission: ${o.connected}`,
      `  acknowledged → every projector of the session (one per instance): p50 ${ms(o.seenP50)}, p99 ${ms(o.seenP99)}, max ${ms(o.seenMax)}`,
      ...(o.steady === '' ? [] : [`  the same leaving out results acknowledged from the kill to 5 s after it: ${o.steady}`]),
      `  sent → every projector of the session (the write included): p50 ${ms(o.sentP50)}, p99 ${ms(o.sentP99)}, max ${ms(o.sentMax)}`,
      `  acknowledged ${o.acknowledged} of ${o.trainees}; never acknowledged ${o.neverAcknowledged}; acknowledged but not in the database ${o.lostAcknowledged}`,
      `  read back once ${o.settled}`,
      `  double counted: ${o.doubleInDatabase} in the database (results beyond one per trainee), ${o.doubleOnBoards} on the live instances' leaderboards (calls beyond the database's)`,
      `  kill: ${o.killed}; sockets that moved to another instance: ${o.moved}`,
      ...o.perInstance.map((line) => `  ${line}`),
      `  ${o.cpu}`,
      ...o.hops.map((line) => `  ${line}`),
      ...o.messages.map((line) => `  ${line}`),
      `  took ${o.seconds.toFixed(0)} s`,
    ].join('\n'),
  );
}

/** Forgets what pg_stat_statements counted so far (the joins), so what it prints is the submissions'. */
async function resetStatements(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('SELECT pg_stat_statements_reset()');
  await c.end();
}

/** The statements that took the most time in PostgreSQL from the first submission to the end of the run, from pg_stat_statements. */
async function statementCosts(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const rows = (
    await c.query<{ calls: string; total: number; mean: number; plan: number; rows: string; query: string }>(
      `SELECT calls, total_exec_time + total_plan_time AS total, (total_exec_time + total_plan_time) / nullif(calls, 0) AS mean, total_plan_time AS plan, rows,
         regexp_replace(left(query, 90), '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 12`,
    )
  ).rows;
  await c.end();
  return [
    'PostgreSQL statements from the first submission to the end (pg_stat_statements: planning + execution time, wall clock, commits not included):',
    ...rows.map((r) => `  ${r.calls.padStart(7)} calls  ${(r.total / 1000).toFixed(2).padStart(6)} s (planning ${(r.plan / 1000).toFixed(2)} s)  mean ${(r.mean ?? 0).toFixed(3)} ms  rows ${r.rows.padStart(6)}  ${r.query}`),
  ].join('\n');
}

/** The issue's load: 30 sessions of 100 trainees and one of 2,000, submissions at 400 a second. */
const FULL = { sessions: 30, trainees: 100, big: 2000, rate: 400 };
/** Cores the full load wants: one per instance, one for PostgreSQL, one for the simulated clients. */
const coresWanted = (instances: number) => instances + 2;

/**
 * What this run carries: the sizes given on the command line; else the full load when the machine
 * has the cores for it (or with --full); else the full load scaled down (a fifth), said so.
 */
function loadPlan(instances: number): { sizes: number[]; rate: number; note: string } {
  const given = ['sessions', 'trainees', 'big', 'scale'].some((n) => argv.includes(`--${n}`));
  const cores = availableParallelism();
  const wanted = coresWanted(instances);
  let scale = num('scale', 1);
  let why = given ? 'as given on the command line' : 'the issue’s full size';
  if (!given && !argv.includes('--full') && cores < wanted) {
    scale = 0.2;
    why = `scaled to a fifth of the issue’s 30 × 100 + 1 × 2,000: this machine has ${cores} cores and the full size wants about ${wanted} (one per instance, one for PostgreSQL, one for the simulated clients); --full runs it anyway`;
  }
  const per = Math.max(1, Math.round(num('trainees', FULL.trainees) * scale));
  const big = Math.round(num('big', FULL.big) * scale);
  const sessions = num('sessions', FULL.sessions);
  const rate = Math.max(10, Math.round(num('rate', FULL.rate) * (argv.includes('--rate') ? 1 : scale)));
  const sizes = [...Array.from({ length: sessions }, () => per), ...(big > 0 ? [big] : [])];
  return { sizes, rate, note: `Load: ${sessions} sessions × ${per} trainees${big > 0 ? ` + 1 × ${big}` : ''} = ${sizes.reduce((a, b) => a + b, 0)} trainees, submissions at ${rate} a second (${why}).` };
}

export async function benchInstances(): Promise<void> {
  const count = num('instances', 3);
  const storeKind = text('store', 'postgres');
  const plan = loadPlan(count);
  console.log(plan.note);
  const { sizes, rate } = plan;
  const kill = count > 1 && !argv.includes('--no-kill');
  const defs = [...loadScenarioLibrary(join(root, 'scenarios')).byHash.values()].slice(0, 3).map((l) => l.definition);
  const outcomes: Outcome[] = [];
  if (storeKind === 'postgres') {
    const given = process.env['DATABASE_URL'];
    // Durable as in production (fsync and synchronous_commit on) unless --not-durable: each commit waits for its WAL flush.
    const durable = !argv.includes('--not-durable');
    // --statements: pg_stat_statements on the throwaway server, printed after the run (calls and time per kind of statement).
    const statements = argv.includes('--statements') && given === undefined;
    const server = given === undefined ? await startThrowawayPostgres({ durable, statements }) : { ok: true as const, url: given, stop: async () => undefined };
    if (!server.ok) throw new Error(server.reason);
    const pool = String(num('pool', 8));
    console.log(`PostgreSQL: ${given === undefined ? `a throwaway server on this machine, ${durable ? 'fsync and synchronous_commit on' : 'fsync and synchronous_commit off'}` : 'DATABASE_URL'}; DATABASE_POOL_SIZE ${pool} per instance${serverRoot === root ? '' : `; the instances run the server in ${serverRoot}`}.`);
    const timings: Record<string, string> = argv.includes('--timings') ? { HTL_PG_TIMINGS: '1' } : {};
    const instances = await Promise.all(Array.from({ length: count }, () => startInstance({ DATABASE_URL: server.url, DATABASE_POOL_SIZE: pool, ...timings })));
    let postmaster: number | null = null;
    if (given === undefined) {
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      postmaster = postmasterOf((await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
      if (statements) await c.query('CREATE EXTENSION pg_stat_statements');
      await c.end();
    }
    try {
      outcomes.push(
        await runLoad(`PostgreSQL, ${count} instance(s)`, instances, sizes, defs, rate, kill, async () => {
          const c = new pg.Client({ connectionString: server.url });
          await c.connect();
          const rows = (await c.query<{ submission_id: string }>('SELECT submission_id FROM results')).rows;
          const twice = (await c.query<{ n: string }>('SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM results GROUP BY code, player_id HAVING count(*) > 1) x')).rows[0]!.n;
          await c.end();
          return { stored: new Map(rows.map((r) => [r.submission_id, 1])), extra: Number(twice) };
        }, postmaster, statements ? () => resetStatements(server.url) : undefined),
      );
      if (statements) console.log(await statementCosts(server.url));
    } finally {
      await stopAll(instances);
      await server.stop();
    }
  }
  // The same load on one instance with SQLite, for comparison (--no-sqlite leaves it out).
  if (argv.includes('--no-sqlite')) {
    for (const o of outcomes) print(o);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'htl-bench-sqlite-'));
  const single = await startInstance({ DATA_DIR: dataDir });
  try {
    outcomes.push(
      await runLoad('SQLite, 1 instance', [single], sizes, defs, rate, false, async () => {
        const db = new Database(join(dataDir, 'classroom.sqlite'), { readonly: true });
        const rows = db.prepare('SELECT submission_id FROM results').all() as { submission_id: string }[];
        const twice = (db.prepare('SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM results GROUP BY code, player_id HAVING count(*) > 1)').get() as { n: number }).n;
        db.close();
        return { stored: new Map(rows.map((r) => [r.submission_id, 1])), extra: twice };
      }, null),
    );
  } finally {
    await stopAll([single]);
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const o of outcomes) print(o);
}
