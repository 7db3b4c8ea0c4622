/**
 * The surface strategies decide from `strategyView`, a lean copy of what the trainee's screen shows.
 * If its options or their order drifted from `buildCallView`'s, the checker would judge a call the
 * trainee never sees: at every step of seeded random play through the shipped calls, at several
 * seeds, the two must show the same options in the same order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load.ts';
import { movesAt } from '../../../src/scenario/call-moves.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import { mulberry32 } from '../../../src/scenario/seeded-random.ts';
import { strategyView } from '../../../src/scenario/strategy-view.ts';
import { buildCallView } from '../../../src/core/engine/call-view.ts';
import { sharedLibrary } from '../../../src/server/knowledge-files.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');
const files = readdirSync(SHIPPED).filter((n) => /\.(ya?ml|json)$/.test(n) && n !== 'scenario.schema.json').sort();

describe('strategyView', () => {
  it.each(files)('shows what the trainee sees at every step of random play through %s', (file) => {
    const def = loadScenario(readFileSync(join(SHIPPED, file), 'utf8'), file, sharedLibrary()).definition!;
    const runner = new ConfigRunner(def);
    const random = mulberry32(11);
    let lookups = 0;
    for (let walk = 0; walk < 40; walk += 1) {
      const cursor = runner.cursor();
      const seed = 1 + (walk % 7);
      while (!cursor.done) {
        const state = cursor.state();
        const lean = strategyView(def, state, seed);
        const full = buildCallView(def, state, seed);
        expect(lean.phase).toBe(full.phase);
        expect(lean.choices.map((c) => [c.index, c.say])).toEqual(full.choices.map((c) => [c.index, c.say]));
        expect(lean.knowledge?.results.map((r) => r.id) ?? null).toEqual(full.knowledge?.results.map((r) => r.id) ?? null);
        expect(lean.knowledge?.opened.map((a) => a.id) ?? null).toEqual(full.knowledge?.opened.map((a) => a.id) ?? null);
        expect(lean.routing?.directory.map((t) => t.id) ?? null).toEqual(full.routing?.directory.map((t) => t.id) ?? null);
        expect(lean.routing?.handovers.map((h) => h.index) ?? null).toEqual(full.routing?.handovers.map((h) => h.index) ?? null);
        expect(lean.wrapup?.dispositions.map((d) => d.code) ?? null).toEqual(full.wrapup?.dispositions.map((d) => d.code) ?? null);
        if (full.knowledge !== null && full.knowledge.results.length > 0) lookups += 1;
        const options = movesAt(def, cursor.value, cursor.context, { wrapUp: true });
        if (options.length === 0) break;
        cursor.take(options[Math.floor(random() * options.length)]!);
      }
    }
    // Calls with a look-up must have had their search results compared, not only empty lists.
    if (Object.values(def.scenario.nodes).some((node) => node.type === 'lookup')) expect(lookups).toBeGreaterThan(0);
  });
});
