/**
 * Every walkthrough a trainer saved from the workbench (tests/walkthroughs/*.walkthrough.json, or
 * the folder in WALKTHROUGH_DIR) is replayed on the real engine: the call must still check clean,
 * every event must still be accepted, and after each one the call must be where it was, with the
 * same mood, patience, flags, QA marks and time as the trainer watched; a finished test must end
 * with the same outcome.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import { sharedLibrary } from '../../src/server/knowledge-files.ts';
import { WalkthroughFileSchema } from '../../src/workbench/walkthrough-file.ts';
import { replayWalkthrough } from '../../src/workbench/walkthrough-play.ts';

const folder = process.env.WALKTHROUGH_DIR ?? import.meta.dirname;
const files = readdirSync(folder).filter((f) => f.endsWith('.walkthrough.json')).sort();

describe('saved walkthroughs', () => {
  it(`finds walkthrough files in ${folder}`, () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const name of files) {
    it(name, () => {
      const parsed = WalkthroughFileSchema.safeParse(JSON.parse(readFileSync(join(folder, name), 'utf8')));
      if (!parsed.success) throw new Error(`${name} is not a walkthrough file: ${parsed.error.message}`);
      const walkthrough = parsed.data;
      const { definition, diagnostics } = loadScenario(walkthrough.source, walkthrough.file, sharedLibrary());
      if (definition === undefined) throw new Error(`${name}: its call has errors now:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
      const replayed = replayWalkthrough(definition, walkthrough);
      if (!replayed.ok) throw new Error(`${name} (${walkthrough.title}): ${replayed.error}`);
      expect(replayed.turns).toEqual(walkthrough.turns);
      expect(replayed.outcome).toBe(walkthrough.outcome);
    });
  }
});
