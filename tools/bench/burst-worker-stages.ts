/**
 * Where a verdict worker's time goes for each submit message of a burst, stage by stage, on one
 * thread with no sockets: N different finished runs of a shipped call (random walks, ~40 events),
 * each wrapped in a submit message as the trainees send it; then each stage of
 * `checkSubmitText` (decode, JSON.parse, the compiled zod check, the run's JSON and content hash, the
 * ticket's hash, the least play time, the replay on the pure runner, the KPIs, the claim check) is
 * timed over all N messages, and the whole check once more as the worker runs it, and the answer's
 * structured clone (what crossing back to the main thread costs). Then the main thread's durable
 * write: each result through the real SQLite store (`addResult`, group commits of 50, as a burst's
 * turns bring them), with its ticket marked used, in a temporary folder.
 *
 * How it is timed: each stage is a pass over the N messages timed with `performance.now()`, 7 rounds
 * (the stages in the same order each round: each feeds the next); the median round is printed, in
 * µs a message. The first round warms the code and is left out.
 * Usage: tsx tools/bench/burst-worker-stages.ts [N]
 */
import { join } from 'node:path';
import { loadScenarioLibrary } from '../../src/server/scenario-library.ts';
import { checkSubmitText } from '../../src/server/verify/submission-check.ts';
import { SubmitMessageSchema } from '../../src/server/verify/submission-check.ts';
import { safeVerdict } from '../../src/server/verify/prepared-submission.ts';
import { checkClaim } from '../../src/server/verify/claim-check.ts';
import { serialisedRun, sha256 } from '../../src/server/rooms/room-hashes.ts';
import { minimumPlayMs } from '../../src/core/classroom/plausible-time.ts';
import { mulberry32 } from '../../src/core/seeded-random.ts';
import { ConfigRunner } from '../../src/scenario/config-runner.ts';
import { RandomWalker } from '../../src/scenario/sample-runs.ts';
import { firstContactResolution } from '../../src/core/scoring/fcr.ts';
import { csatRating } from '../../src/core/scoring/csat.ts';
import { qaScore } from '../../src/core/scoring/qa-score.ts';
import type { RunLog } from '../../src/shared/call-events.ts';
import type { Submission } from '../../src/shared/classroom-http.ts';
import { z } from 'zod';
import { randomFillSync } from 'node:crypto';
import { newSecret } from '../../src/core/classroom/join-code.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openSqliteStore } from '../../src/server/store/sqlite-store.ts';
import type { PlayerId, SubmissionId } from '../../src/shared/classroom-ids.ts';

const N = Number(process.argv[2] ?? 2000);
const ROUNDS = 7;
const library = loadScenarioLibrary(join(import.meta.dirname, '..', '..', 'scenarios'));
const defs = [...library.byHash.values()].slice(0, 3).map((l) => l.definition);
const definitionOf = (hash: string) => defs.find((d) => d.hash === hash);

const random = mulberry32(11);
const messages: Buffer[] = [];
let events = 0;
for (let i = 0; i < N; i++) {
  const def = defs[i % defs.length]!;
  const walker = new RandomWalker(new ConfigRunner(def), def);
  for (;;) {
    const walk = walker.walk(random);
    if (walk === null) continue;
    const run: RunLog = { scenarioId: def.scenario.id, scenarioHash: def.hash, seed: i, events: walk.events() };
    const verdict = safeVerdict(def, run);
    if (!verdict.ok) continue;
    events += run.events.length;
    const claimed = { qa: verdict.kpis.qa, csatStars: verdict.kpis.csatStars, ahtTotal: verdict.kpis.ahtTotal, fcr: verdict.kpis.fcr };
    messages.push(Buffer.from(JSON.stringify({ type: 'submit', submission: { submissionId: `stage-${i}-abcdefgh`, ticket: newSecret((b) => void randomFillSync(b)), run, claimed } })));
    break;
  }
}

/** One runner per call, as the verdict keeps them. */
const runners = new Map(defs.map((d) => [d.hash, new ConfigRunner(d)]));
const compiled = z.compile(SubmitMessageSchema);
const decoder = new TextDecoder();
const times = new Map<string, number[]>();
function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  const value = work();
  const list = times.get(name) ?? [];
  list.push(((performance.now() - start) * 1000) / N);
  times.set(name, list);
  return value;
}

for (let round = 0; round < ROUNDS + 1; round++) {
  const texts = timed('decode the bytes', () => messages.map((m) => decoder.decode(m)));
  const json = timed('JSON.parse', () => texts.map((t) => JSON.parse(t) as unknown));
  const subs = timed('zod check (compiled)', () => json.map((j) => compiled.parse(j).submission as Submission));
  timed('run JSON + content hash', () => subs.map((s) => serialisedRun(s.run)));
  timed('ticket hash', () => subs.map((s) => sha256(s.ticket)));
  timed('least play time', () => subs.map((s) => minimumPlayMs(s.run.events)));
  const states = timed('replay (pure runner)', () =>
    subs.map((s) => {
      const runner = runners.get(s.run.scenarioHash)!;
      return runner.run(runner.initial(), s.run.events);
    }),
  );
  timed('KPIs (QA, FCR, CSAT)', () =>
    states.map((state, i) => {
      if ('refused' in state) throw new Error('a refused run');
      const scenario = definitionOf(subs[i]!.run.scenarioHash)!.scenario;
      const ending = state.context.endingNode === null ? undefined : scenario.nodes[state.context.endingNode];
      return [qaScore(scenario, state.context), firstContactResolution(state.context).value, csatRating(state.context, ending?.type === 'ending' ? ending.comment : undefined).stars];
    }),
  );
  timed('verdict + claim check (as run)', () => subs.map((s) => checkClaim(safeVerdict(definitionOf(s.run.scenarioHash)!, s.run), s.claimed)));
  const checked = timed('the whole check (checkSubmitText)', () => messages.map((m) => checkSubmitText(m, definitionOf)));
  timed('its answer cloned (back to main)', () => checked.map((c) => structuredClone(c)));
  if (round === 0) times.clear();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`verdict worker, per submit message (${N} messages, ${(events / N).toFixed(0)} events a run on average, ${(messages.reduce((s, m) => s + m.length, 0) / N).toFixed(0)} B; median of ${ROUNDS} rounds, µs a message):`);
for (const [name, list] of times) console.log(`  ${name.padEnd(36)} ${median(list).toFixed(1).padStart(7)}   (rounds: ${list.map((x) => x.toFixed(1)).join(', ')})`);

// The durable write: the real store, a fresh file per round, N players and tickets first (not timed).
const storeTimes: number[] = [];
const prepared = messages.map((m) => checkSubmitText(m, definitionOf)).map((c) => (c.ok ? c.prepared : null)!);
for (let round = 0; round < ROUNDS + 1; round++) {
  const dir = mkdtempSync(join(tmpdir(), 'htl-stages-'));
  const store = openSqliteStore(join(dir, 'classroom.sqlite'));
  await store.createSession({ code: 'STAGES', title: 'Stages', trainerKeyHash: 'x', status: 'live', createdAt: 0, scenarios: [] });
  for (let i = 0; i < N; i++) {
    await store.addPlayer({ code: 'STAGES', playerId: `p${i}` as PlayerId, tokenHash: `t${i}`, nickname: `Trainee ${i}`, joinedAt: 0 });
    await store.addTicket({ code: 'STAGES', ticketHash: prepared[i]!.ticketHash, playerId: `p${i}` as PlayerId, scenarioHash: prepared[i]!.scenarioHash, seed: 0, issuedAt: 0 });
  }
  const start = performance.now();
  for (let from = 0; from < N; from += 50) {
    await Promise.all(
      prepared.slice(from, from + 50).map((p, k) =>
        store.addResult({
          code: 'STAGES',
          submissionId: p.submissionId as SubmissionId,
          playerId: `p${from + k}` as PlayerId,
          get run() { return JSON.parse(p.runJson) as RunLog; },
          scenarioHash: p.scenarioHash,
          runJson: p.runJson,
          runHash: p.runHash,
          ticketHash: p.ticketHash,
          kpis: p.verdict !== null && p.verdict.ok ? p.verdict.kpis : (() => { throw new Error('no verdict'); })(),
          mistakes: null,
          at: 1,
        }),
      ),
    );
  }
  if (round > 0) storeTimes.push(((performance.now() - start) * 1000) / N);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`main thread, per submission: the result written (SQLite, group commits of 50, ticket marked used) ${median(storeTimes).toFixed(1).padStart(7)}   (rounds: ${storeTimes.map((x) => x.toFixed(1)).join(', ')})`);
