/**
 * Bytes the server's main thread allocates for each submission of a burst, by stage, measured in
 * one process with no socket: N trainees join a room (SQLite in a temporary folder), each gets a
 * ticket and a different finished run, their submit messages are checked as a verdict worker
 * would (then copied with `structuredClone`, as a worker's answer is), and the room counts them
 * (`submitPrepared`, one group commit, the reply each trainee would get serialised).
 *
 * How it is measured: V8's used heap before and after each stage, with the young generation
 * made large enough (`--min-semi-space-size`, set below) that no collection runs inside a stage;
 * a stage during which one ran anyway is marked. Run it as
 * `node --expose-gc --min-semi-space-size=64 --max-semi-space-size=64 --import tsx tools/bench/classroom-allocation.ts [N]`.
 */
import { getHeapStatistics } from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomFillSync } from 'node:crypto';
import { loadScenarioLibrary } from '../../src/server/scenario-library.ts';
import { openSqliteStore } from '../../src/server/store/sqlite-store.ts';
import { Rooms } from '../../src/server/rooms/rooms.ts';
import type { RoomClock } from '../../src/server/rooms/room-ports.ts';
import { checkSubmitText } from '../../src/server/verify/submission-check.ts';
import { safeVerdict } from '../../src/server/verify/prepared-submission.ts';
import { mulberry32 } from '../../src/core/seeded-random.ts';
import { ConfigRunner } from '../../src/scenario/config-runner.ts';
import { RandomWalker } from '../../src/scenario/sample-runs.ts';
import type { PlayerId } from '../../src/shared/classroom-ids.ts';

const N = Number(process.argv[2] ?? 2000);
let collections = 0;
new PerformanceObserver((list) => void (collections += list.getEntries().length)).observe({ entryTypes: ['gc'] });

let time = 10_000_000;
const clock: RoomClock = { now: () => time, later: () => () => undefined };

async function stage<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  // A full collection first (with --expose-gc), so what the stage allocates has the young generation to itself.
  (globalThis as { gc?: () => void }).gc?.();
  // The observer hears of that collection a turn later.
  await new Promise((r) => setTimeout(r, 20));
  const gcBefore = collections;
  const before = getHeapStatistics().used_heap_size;
  const value = await work();
  const after = getHeapStatistics().used_heap_size;
  await new Promise((r) => setTimeout(r, 20));
  const gc = collections !== gcBefore ? ' (a collection ran: not a clean figure)' : '';
  console.log(`  ${name}: ${((after - before) / N / 1024).toFixed(2)} KB a submission${gc}`);
  return value;
}

const dir = mkdtempSync(join(tmpdir(), 'htl-alloc-'));
try {
  const library = loadScenarioLibrary(join(import.meta.dirname, '..', '..', 'scenarios'));
  const def = [...library.byHash.values()][0]!.definition;
  const store = openSqliteStore(join(dir, 'classroom.sqlite'));
  const rooms = new Rooms({
    store,
    library,
    clock,
    random: (b) => void randomFillSync(b),
    pushIntervalMs: 100,
    maxPlayers: N,
    topRows: 20,
    joinsPerAddress: N,
    broadcastFor: () => ({ toAll: () => undefined, toViewers: () => undefined, toPlayer: () => undefined, toPlayerJson: () => undefined, close: () => undefined }),
  });
  const created = await rooms.create({ title: 'Allocation', scenarioHashes: [def.hash], uploads: [] });
  if (!created.ok) throw new Error(created.error);
  const room = (await rooms.get(created.value.code))!;
  await room.control('start');
  const players: PlayerId[] = [];
  for (let i = 0; i < N; i++) {
    const joined = await room.join(`Trainee ${i}`, undefined, `10.0.${i >> 8}.${i & 255}`);
    if (!joined.ok) throw new Error(joined.error);
    players.push(joined.value.playerId);
  }
  const walker = new RandomWalker(new ConfigRunner(def), def);
  const random = mulberry32(7);
  const messages: Buffer[] = [];
  for (let i = 0; i < N; i++) {
    const ticket = await room.issueTicket(players[i]!, def.hash);
    if (!ticket.ok) throw new Error(ticket.error);
    let run = null;
    while (run === null) {
      const walk = walker.walk(random);
      if (walk === null) continue;
      const candidate = { scenarioId: def.scenario.id, scenarioHash: def.hash, seed: ticket.value.seed, events: walk.events() };
      const verdict = safeVerdict(def, candidate);
      if (verdict.ok) run = { run: candidate, claimed: { qa: verdict.kpis.qa, csatStars: verdict.kpis.csatStars, ahtTotal: verdict.kpis.ahtTotal, fcr: verdict.kpis.fcr } };
    }
    messages.push(Buffer.from(JSON.stringify({ type: 'submit', submission: { submissionId: `alloc-${i}-${'x'.repeat(8)}`, ticket: ticket.value.ticket, ...run } })));
  }
  time += 3_600_000;
  console.log(`main-thread allocation for ${N} submissions of "${def.scenario.id}" (a message ${(messages.reduce((s, m) => s + m.length, 0) / N).toFixed(0)} B on average):`);
  // Not the main thread's work on the server (a verdict worker's), prepared here so the stages below start from its answer.
  const checked = messages.map((m) => checkSubmitText(m, (h) => (h === def.hash ? def : undefined)));
  (globalThis as { gc?: () => void }).gc?.();
  const beforeCalls = getHeapStatistics().used_heap_size;
  const answers = await stage("a verdict worker's answers read (structured clone)", () => checked.map((c) => structuredClone(c)));
  const results = await stage('the room counts them (rules, one group commit, standings)', () =>
    Promise.all(answers.map((a, i) => {
      if (!a.ok) throw new Error(a.problem);
      return room.submitPrepared(players[i]!, a.prepared);
    })),
  );
  await stage('each reply serialised', () => results.map((result) => Buffer.from(JSON.stringify({ type: 'submitted', result, seq: room.currentSeq }))));
  const counted = results.filter((r) => r.status === 'accepted').length;
  console.log(`  (${counted} of ${N} counted)`);
  // What the room holds more once the burst's garbage is gone (its used tickets let go, each call's result kept): compare two checkouts.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    answers.length = 0;
    results.length = 0;
    gc();
    const withCalls = getHeapStatistics().used_heap_size;
    console.log(`  room memory after less before, after a full collection (used tickets let go, results kept): ${((withCalls - beforeCalls) / N / 1024).toFixed(2)} KB a counted call`);
  }
  room.dispose();
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
