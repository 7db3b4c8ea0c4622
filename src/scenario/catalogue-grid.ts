/** The scenario catalogue as a Markdown table: what each call trains, how hard, how long. */
import type { Scenario } from '../core/model/scenario-schema.ts';
import { SKILLS } from '../core/model/skills.ts';

export interface GridEntry {
  /** The file name, relative to the README that holds the table. */
  readonly file: string;
  readonly scenario: Scenario;
}

export const GRID_START = '<!-- grid:start -->';
export const GRID_END = '<!-- grid:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

function minutes(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function catalogueGrid(entries: readonly GridEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => a.scenario.difficulty - b.scenario.difficulty || a.scenario.id.localeCompare(b.scenario.id))
    .map(({ file, scenario: s }) =>
      [
        `[${cell(s.title)}](${file})`,
        s.skills.map((skill) => SKILLS[skill]).join(', '),
        s.outcomes.join(', '),
        `${'★'.repeat(s.difficulty)}${'☆'.repeat(5 - s.difficulty)}`,
        s.direction,
        minutes(s.targets.ahtSeconds),
      ].join(' | '),
    )
    .map((row) => `| ${row} |`);
  return [
    '| Scenario | Skills | Outcomes (LO/AC) | Difficulty | Direction | AHT target |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The README with the table between the markers replaced; null when the markers are missing. */
export function replaceGrid(readme: string, grid: string): string | null {
  const start = readme.indexOf(GRID_START);
  const end = readme.indexOf(GRID_END);
  if (start === -1 || end === -1 || end < start) return null;
  return `${readme.slice(0, start + GRID_START.length)}\n${grid}\n${readme.slice(end)}`;
}
