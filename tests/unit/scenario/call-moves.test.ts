/**
 * `movesAt` remembers `candidateEvents` per step and case: at every point random play reaches in
 * the shipped calls and a generated one, it must offer exactly what `candidateEvents` works out
 * afresh, or the checker's walks would take other paths than the ones it describes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenario } from '../../../src/scenario/load.ts';
import { candidateEvents, movesAt } from '../../../src/scenario/call-moves.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import { mulberry32 } from '../../../src/scenario/seeded-random.ts';
import type { CallDefinition } from '../../../src/core/engine/call-definition.ts';
import { sharedLibrary } from '../../../src/server/knowledge-files.ts';
import { generatedScenario } from '../../../tools/bench/generated-scenario.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');

function calls(): [string, CallDefinition][] {
  const texts: [string, string][] = readdirSync(SHIPPED)
    .filter((n) => /\.(ya?ml|json)$/.test(n) && n !== 'scenario.schema.json')
    .sort()
    .map((n) => [n, readFileSync(join(SHIPPED, n), 'utf8')]);
  texts.push(['generated-300', stringify(generatedScenario(300))]);
  return texts.map(([name, text]) => {
    const def = loadScenario(text, name, sharedLibrary()).definition;
    if (def === undefined) throw new Error(`${name} does not load`);
    return [name, def];
  });
}

describe('movesAt', () => {
  it.each(calls())('offers what candidateEvents offers at every point of 100 random walks of %s', (_name, def) => {
    const runner = new ConfigRunner(def);
    const random = mulberry32(7);
    let points = 0;
    for (let walk = 0; walk < 100; walk += 1) {
      const cursor = runner.cursor();
      while (!cursor.done) {
        for (const wrapUp of [false, true]) {
          const remembered = movesAt(def, cursor.value, cursor.context, { wrapUp });
          expect(remembered).toEqual(candidateEvents(def, cursor.value, cursor.context, { wrapUp }));
        }
        const options = movesAt(def, cursor.value, cursor.context, { wrapUp: true });
        points += 1;
        if (options.length === 0) break;
        expect(cursor.take(options[Math.floor(random() * options.length)]!)).toBe(true);
      }
    }
    expect(points).toBeGreaterThan(100);
  });

  it('gives the same array again for the same step and case, and another for another case', () => {
    const [, def] = calls()[0]!;
    const cursor = new ConfigRunner(def).cursor();
    const ringing = movesAt(def, cursor.value, cursor.context, { wrapUp: true });
    expect(movesAt(def, cursor.value, cursor.context, { wrapUp: true })).toBe(ringing);
    cursor.take(ringing[0]!);
    const first = movesAt(def, cursor.value, cursor.context, { wrapUp: true });
    expect(first).not.toBe(ringing);
    expect(movesAt(def, cursor.value, { ...cursor.context }, { wrapUp: true })).toBe(first);
  });
});
