/** What the trainer-facing tools print: the flowchart, the catalogue table, the check command. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load.ts';
import { scenarioToMermaid } from '../../../src/scenario/mermaid.ts';
import { catalogueGrid, GRID_END, GRID_START, replaceGrid } from '../../../src/scenario/catalogue-grid.ts';
import type { Scenario } from '../../../src/core/model/scenario-schema.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(import.meta.dirname, 'fixtures');

function example(): Scenario {
  const loaded = loadScenario(readFileSync(join(FIXTURES, 'valid-minimal.yaml'), 'utf8'), 'valid-minimal.yaml');
  if (loaded.definition === undefined) throw new Error('the example should load');
  return loaded.definition.scenario;
}

describe('the Mermaid flowchart', () => {
  const chart = scenarioToMermaid(example());
  const lines = chart.split('\n');

  it('draws one box per step and starts from answering the call', () => {
    expect(lines[0]).toBe('flowchart TD');
    for (const id of Object.keys(example().nodes)) {
      expect(lines.filter((line) => line.includes(`"${id}<br/>`) || line.includes(`"${id}"`))).toHaveLength(1);
    }
    expect(chart).toMatch(/answer\(\("answer"\)\) --> n0/);
  });

  it('marks endings as stadiums with their outcome', () => {
    expect(lines.find((line) => line.includes('wrap-refused'))).toMatch(/\(\[".*■ refused"\]\):::ending/);
  });

  it('draws a trap as a dashed, red arrow marked ⚠, and labels ID&V pass and fail', () => {
    const trap = lines.find((line) => line.includes('⚠ trap'));
    expect(trap).toContain('-.->');
    const trapIndex = lines.filter((line) => /-->|-\.->/.test(line)).indexOf(trap ?? '');
    const styled = /linkStyle ([\d,]+) stroke:#d93025/.exec(chart)?.[1]?.split(',').map(Number);
    expect(styled).toContain(trapIndex);
    expect(lines.filter((line) => line.includes('-->') && !line.includes('⚠')).every((line) => !line.includes('-.->'))).toBe(true);
    expect(chart).toContain('-->|"✔ pass"|');
    expect(chart).toContain('-->|"✘ fail"|');
  });

  it('keeps quotes in what people say from breaking the chart', () => {
    const scenario = example();
    const greet = scenario.nodes.greet;
    if (greet?.type === undefined) greet!.choices[0]!.say = 'She said "no" <loudly>';
    const text = scenarioToMermaid(scenario);
    expect(text).toContain('She said #quot;no#quot; #lt;loudly#gt;');
  });
});

describe('the catalogue table', () => {
  const scenario = example();
  const harder: Scenario = { ...scenario, id: 'harder', title: 'Harder | call', difficulty: 4, direction: 'outbound' };

  it('lists each call with its skills, outcomes, difficulty, direction and AHT target, easiest first', () => {
    const rows = catalogueGrid([
      { file: 'harder.yaml', scenario: harder },
      { file: 'valid-minimal.yaml', scenario },
    ]).split('\n');
    expect(rows[0]).toBe('| Scenario | Skills | Outcomes (LO/AC) | Difficulty | Direction | AHT target |');
    expect(rows[2]).toBe('| [Balance check](valid-minimal.yaml) | ID&V and data protection | AC3 | ★☆☆☆☆ | inbound | 4:00 |');
    expect(rows[3]).toBe('| [Harder \\| call](harder.yaml) | ID&V and data protection | AC3 | ★★★★☆ | outbound | 4:00 |');
  });

  it('replaces only what is between the markers, and a second run changes nothing', () => {
    const readme = `# Calls\nintro\n${GRID_START}\nold table\n${GRID_END}\nfooter\n`;
    const grid = catalogueGrid([{ file: 'a.yaml', scenario }]);
    const once = replaceGrid(readme, grid);
    expect(once).toBe(`# Calls\nintro\n${GRID_START}\n${grid}\n${GRID_END}\nfooter\n`);
    expect(replaceGrid(once ?? '', grid)).toBe(once);
    expect(replaceGrid('no markers here', grid)).toBeNull();
  });
});

describe('npm run scenarios:check', () => {
  const check = (...files: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tools', 'scenarios-check.ts'), ...files], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('prints each problem as file:line:col CODE message (hint) and exits 1 on an error', () => {
    const result = check('tests/unit/scenario/fixtures/dangling-next.yaml');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^tests\/unit\/scenario\/fixtures\/dangling-next\.yaml:56:9 HTL0030 Choice 1 of step `refuse` goes to `wrap-refuse`, but there is no step with that id \(did you mean `wrap-refused`\? .*\)$/m,
    );
    expect(result.stdout).toMatch(/1 file checked, 0 valid: 1 error, 0 warnings in \d+\.\d\d s/);
  });

  it('prints a path report for a valid call and exits 0, even with warnings', () => {
    const result = check('tests/unit/scenario/fixtures/valid-minimal.yaml', 'tests/unit/scenario/fixtures/unreachable-node.yaml');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/balance-check: 6 paths · AHT \d+–\d+ s \(target 240 s\) · CSAT 3–4★ · QA 0–100 · 2 endings/);
    expect(result.stdout).toContain('HTL0050');
    expect(result.stdout).toContain('HTL0063');
    expect(result.stdout).toMatch(/2 files checked, 2 valid: 0 errors, 2 warnings/);
  });

  it('prints the same, in file order, when a second thread checks files too (--parallel)', () => {
    const files = ['tests/unit/scenario/fixtures/valid-minimal.yaml', 'tests/unit/scenario/fixtures/dangling-next.yaml', 'tests/unit/scenario/fixtures/unreachable-node.yaml'];
    const withoutTime = (out: string) => out.replace(/ in \d+\.\d\d s\n$/, '');
    const serial = check(...files);
    const parallel = check('--parallel', ...files);
    expect(parallel.status).toBe(1);
    expect(withoutTime(parallel.stdout)).toBe(withoutTime(serial.stdout));
    expect(parallel.stdout).toMatch(/3 files checked, 2 valid: 1 error, 2 warnings/);
  });

  it('draws the graph of a file', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tools', 'scenarios-graph.ts'), 'tests/unit/scenario/fixtures/valid-minimal.yaml', '--markdown'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out.startsWith('```mermaid\nflowchart TD\n')).toBe(true);
  });
});
