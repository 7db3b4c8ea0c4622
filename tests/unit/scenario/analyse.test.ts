import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load.ts';
import { analyseScenario, formatPathReport } from '../../../src/scenario/analyse.ts';
import { RandomWalker } from '../../../src/scenario/sample-runs.ts';
import { ConfigRunner } from '../../../src/scenario/config-runner.ts';
import { mulberry32 } from '../../../src/scenario/seeded-random.ts';
import { replay } from '../../../src/core/engine/replay.ts';
import type { CallDefinition } from '../../../src/core/engine/call-definition.ts';
import type { Scenario } from '../../../src/core/model/scenario-schema.ts';
import { compileScenario } from '../../../src/scenario/compile.ts';
import { ending, scenarioText } from './scenario-text.ts';

/** The same call with a customer whose patience never runs out. */
function withEndlessPatience(def: CallDefinition): CallDefinition {
  const scenario = structuredClone(def.scenario) as Scenario;
  scenario.customer.patience = 100;
  for (const node of Object.values(scenario.nodes)) {
    if ('patience' in node) delete node.patience;
    if ('choices' in node) for (const choice of node.choices) delete choice.patience;
  }
  return compileScenario(scenario);
}

function definitionOf(text: string, file = 't.yaml'): CallDefinition {
  const loaded = loadScenario(text, file);
  if (loaded.definition === undefined) throw new Error(JSON.stringify(loaded.diagnostics, null, 2));
  return loaded.definition;
}

const FIXTURES = join(import.meta.dirname, 'fixtures');
const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');

/** Every call that loads: the valid fixtures and whichever shipped scenarios currently pass. */
function loadableCalls(): [string, CallDefinition][] {
  const calls: [string, CallDefinition][] = [];
  for (const dir of [FIXTURES, SHIPPED]) {
    for (const name of readdirSync(dir).filter((n) => /\.(ya?ml|json)$/.test(n) && n !== 'scenario.schema.json')) {
      const loaded = loadScenario(readFileSync(join(dir, name), 'utf8'), name);
      if (loaded.definition !== undefined) calls.push([name, loaded.definition]);
    }
  }
  return calls;
}

// Conditions matter: the 5-second close needs the note skipped, the 100-second one needs it made.
const CONDITIONAL = scenarioText(`
  greet:
    choices:
      - { say: I'll note that., seconds: 10, next: ask, set: [noted] }
      - { say: Moving on., seconds: 20, next: ask }
  ask:
    choices:
      - { say: "As noted, a long recap.", seconds: 100, next: done, when: { flags: [noted] } }
      - { say: Bye., seconds: 5, next: done, when: { notFlags: [noted] } }
      - { say: Never offered., seconds: 1, next: done, when: { idv: passed } }
${ending('done')}`);

const loop = (seconds: number) =>
  scenarioText(`
  start:
    choices:
      - { say: Could you repeat that?, seconds: ${seconds}, next: start }
      - { say: Thanks and goodbye., seconds: 4, next: done }
${ending('done')}`);

describe('path analysis', () => {
  it('counts only the paths the conditions allow', () => {
    const report = analyseScenario(definitionOf(CONDITIONAL), { walks: 50 });
    // 2 choices × 3 choices as written, but each greeting leaves exactly one way to close.
    expect(report.paths).toBe(2);
  });

  it('gives the shortest and longest handle time the conditions allow, plus the 30 s wrap-up', () => {
    const report = analyseScenario(definitionOf(CONDITIONAL), { walks: 50 });
    expect(report.aht.best).toBe(20 + 5 + 30); // skip the note, short close
    expect(report.aht.worst).toBe(10 + 100 + 30); // note it, long recap
    expect(report.aht.target).toBe(300);
  });

  it('counts the paths of the worked example: refuse, verify and answer (three ways), or the two traps', () => {
    const def = definitionOf(readFileSync(join(FIXTURES, 'valid-minimal.yaml'), 'utf8'));
    const report = analyseScenario(def);
    expect(report.paths).toBe(6);
    expect(report.endings).toEqual(['wrap', 'wrap-refused']);
    expect(report.outcomes).toEqual(['refused', 'resolved']);
    // The trap reads the balance out before ID&V: a fatal breach, so the worst QA is 0 …
    expect(report.qa?.worst).toBe(0);
    // … and a verified, well-noted call meets every item.
    expect(report.qa?.best).toBe(100);
    // Resolved with the mood unchanged is 4 stars; a refusal is 3.
    expect(report.csat).toEqual({ best: 4, worst: 3 });
    expect(report.scoredRuns).toBeGreaterThan(1000);
  });

  it('says "unbounded" for a loop, and bounds the time when the loop takes none', () => {
    const timed = analyseScenario(definitionOf(loop(6)), { walks: 50 });
    expect(timed.paths).toBeNull();
    expect(timed.aht.worst).toBeNull();
    expect(formatPathReport(timed)).toContain('unbounded paths');
    const instant = analyseScenario(definitionOf(loop(0)), { walks: 50 });
    expect(instant.paths).toBeNull();
    expect(instant.aht.worst).toBe(instant.aht.best);
  });

  it('writes counts with commas between thousands, and huge ones in powers of ten', () => {
    const report = analyseScenario(definitionOf(CONDITIONAL), { walks: 50 });
    const line = (paths: number, scoredRuns: number) => formatPathReport({ ...report, paths, scoredRuns });
    expect(line(2_139_722, 1_176)).toMatch(/: 2,139,722 paths .* found over 1,176 scored runs$/);
    expect(line(999, 100_000)).toMatch(/: 999 paths .* found over 100,000 scored runs$/);
    expect(line(6e17, 12)).toMatch(/: 6\.0e\+17 paths .* found over 12 scored runs$/);
  });

  it('is repeatable: the same seed gives the same report', () => {
    const def = definitionOf(CONDITIONAL);
    expect(analyseScenario(def, { seed: 7 })).toEqual(analyseScenario(def, { seed: 7 }));
  });

  it('walks with the right disposition on some runs and a wrong one on others', () => {
    const def = definitionOf(readFileSync(join(FIXTURES, 'valid-minimal.yaml'), 'utf8'));
    const walker = new RandomWalker(new ConfigRunner(def), def);
    const random = mulberry32(1);
    const right = new Set<boolean>();
    const dispositions = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const walk = walker.walk(random);
      expect(walk).not.toBeNull();
      const last = walk?.events().at(-1);
      expect(last?.type).toBe('wrap.submit');
      if (last?.type === 'wrap.submit') dispositions.add(last.disposition);
      right.add(walk?.final.context.dispositionRight === true);
    }
    expect(right).toEqual(new Set([true, false]));
    expect(dispositions.size).toBeGreaterThanOrEqual(3);
  });
});

describe('the checker and the engine agree', () => {
  const calls = loadableCalls();

  it('has calls to compare', () => {
    expect(calls.length).toBeGreaterThanOrEqual(5);
  });

  it.each(calls)('%s: xstate/graph reaches the steps the static checker reaches, bar patience', (_, def) => {
    const report = analyseScenario(def, { walks: 100 });
    expect(report.engineChecked).toBe(true);
    expect(report.mismatch.engineOnly).toEqual([]);
    expect(report.mismatch.scoreDisagreements).toBe(0);
    if (report.mismatch.checkerOnly.length > 0) {
      // The checker ignores patience; with a customer who never runs out, the engine agrees.
      const patient = withEndlessPatience(def);
      expect(analyseScenario(patient, { walks: 10 }).mismatch.checkerOnly).toEqual([]);
    }
  });

  it.each(calls)('%s: the fast runner ends every walk where the real machine does', (_, def) => {
    const walker = new RandomWalker(new ConfigRunner(def), def);
    const random = mulberry32(99);
    for (let i = 0; i < 150; i += 1) {
      const walk = walker.walk(random);
      if (walk === null) continue;
      const real = replay(def, walk.events());
      expect(real.ok).toBe(true);
      if (!real.ok) return;
      expect(String(real.snapshot.value)).toBe(walk.final.value);
      expect(real.snapshot.context).toEqual(walk.final.context);
    }
  });
});
