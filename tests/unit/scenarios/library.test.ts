/**
 * The shipped library as a whole: every scenario passes the checker cleanly, and 1,000 seeded random
 * walks plus the shortest path to every ending (found by xstate/graph) all end and score.
 */
import { sharedLibrary } from '../../../src/server/knowledge-files.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { loadScenario } from '../../../src/scenario/load.ts';
import { formatDiagnostic } from '../../../src/scenario/diagnostics.ts';
import { CallSession } from '../../../src/core/engine/call-session.ts';
import { candidateEvents } from '../../../src/scenario/call-moves.ts';
import { score } from '../../../src/core/scoring/score.ts';
import type { CallDefinition } from '../../../src/core/engine/call-definition.ts';
import type { CallSnapshot } from '../../../src/core/engine/replay.ts';
import type { CallEvent } from '../../../src/shared/call-events.ts';

const dir = process.env.HTL_SCENARIO_DIR ?? 'scenarios';
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'scenario.schema.json').sort();

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomWalk(def: CallDefinition, random: () => number): { events: number; outcome: string } {
  const session = new CallSession(def, 7);
  for (let i = 0; i < 1000 && !session.over; i += 1) {
    const { snapshot } = session;
    const options = candidateEvents(def, String(snapshot.value), snapshot.context, { wrapUp: true });
    if (options.length === 0) throw new Error(`stuck at ${session.view().nodeId}`);
    const event = options[Math.floor(random() * options.length)]!;
    if (!session.send(event)) throw new Error(`${event.type} refused at ${session.view().nodeId}`);
  }
  if (!session.over) throw new Error('the walk did not end within 1,000 events');
  const scored = score(def, session.runLog());
  if (!scored.ok) throw new Error(scored.error);
  return { events: session.events.length, outcome: scored.scorecard.outcome };
}

const nodeKey = (s: CallSnapshot) =>
  `${String(s.value)}|${s.context.endingNode ?? ''}|${[...s.context.flags].sort().join(',')}|${s.context.idv}|${s.context.idvTrue}|${s.context.holdElapsed}|${s.context.patience <= 0}|${s.context.idvAsked.join(',')}|${s.context.kbQuery ?? ''}|${s.context.kbFound.join(',')}|${s.context.kbOpened.join(',')}`;

describe('the shipped scenario library', () => {
  it('holds at least twelve calls', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  describe.each(files)('%s', (file) => {
    const loaded = loadScenario(readFileSync(`${dir}/${file}`, 'utf8'), `${dir}/${file}`, sharedLibrary());

    it('passes the checker with no errors and no warnings', () => {
      expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(loaded.definition).toBeDefined();
    });

    it('ends and scores on 1,000 seeded random walks, reaching several outcomes', () => {
      const def = loaded.definition!;
      const random = mulberry32(20261123);
      const outcomes = new Set<string>();
      for (let i = 0; i < 1000; i += 1) outcomes.add(randomWalk(def, random).outcome);
      expect(outcomes.size).toBeGreaterThanOrEqual(2);
    });

    it('ends and scores on the shortest path to every ending', () => {
      const def = loaded.definition!;
      const paths = getShortestPaths(def.machine, {
        events: (snapshot) => candidateEvents(def, String(snapshot.value), snapshot.context, { wrapUp: true }),
        serializeState: nodeKey,
      });
      const endings = new Map<string, number>();
      for (const path of paths.filter((p) => p.state.status === 'done')) {
        const events = path.steps.map((step) => step.event).filter((e): e is CallEvent => !e.type.startsWith('xstate.'));
        const scored = score(def, { scenarioId: def.scenario.id, scenarioHash: def.hash, seed: 1, events });
        expect(scored.ok, scored.ok ? '' : scored.error).toBe(true);
        const ending = path.state.context.endingNode ?? '__hung-up';
        endings.set(ending, Math.min(endings.get(ending) ?? Infinity, events.length));
      }
      const declared = Object.entries(def.scenario.nodes).filter(([, n]) => n.type === 'ending').map(([id]) => id);
      for (const id of declared) expect([...endings.keys()], `ending "${id}" is reachable`).toContain(id);
    });
  });
});
