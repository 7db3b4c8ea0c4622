/**
 * The scenario library the server offers trainers: every file in scenarios/ loaded through the same
 * pipeline as the game, indexed by content hash. A file with errors is left out and listed with its
 * diagnostics, so a broken file never takes the server down.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallDefinition } from '../core/engine/call-definition.ts';
import { loadScenario } from '../scenario/load.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../scenario/diagnostics.ts';
import { sharedLibrary } from './knowledge-files.ts';

export interface LibraryScenario {
  readonly definition: CallDefinition;
  readonly file: string;
  readonly text: string;
}

export interface ScenarioLibrary {
  readonly byHash: ReadonlyMap<string, LibraryScenario>;
  readonly skipped: readonly { file: string; diagnostics: readonly string[] }[];
}

export type CheckedScenario = { ok: true; scenario: LibraryScenario } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The most distinct states an uploaded file may have. The biggest shipped call has about 110, so
 * this leaves room for far larger calls while a file whose flags multiply its states is stopped
 * after a fraction of a second instead of after the library's 200,000.
 */
export const UPLOAD_STATE_LIMIT = 5_000;

/**
 * Loads one file's text through the game's own pipeline. With `stateLimit` (the trainers'
 * uploads), a file with more states than that is refused, not accepted half-checked.
 */
export function checkScenarioText(text: string, file: string, stateLimit?: number): CheckedScenario {
  const { definition, diagnostics } = loadScenario(text, file, sharedLibrary(), stateLimit === undefined ? {} : { stateLimit });
  const cut = stateLimit === undefined ? [] : diagnostics.filter((d) => d.code === 'HTL0058');
  if (cut.length > 0) return { ok: false, diagnostics: cut.map((d) => ({ ...d, severity: 'error' as const, message: `${d.message}. Uploaded calls may have at most ${stateLimit} states` })) };
  if (definition === undefined || hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, scenario: { definition, file, text } };
}

/** A trainer's upload: checked as the library is, with the lower state limit. */
export const checkUploadText = (text: string, file: string): CheckedScenario => checkScenarioText(text, file, UPLOAD_STATE_LIMIT);

export function loadScenarioLibrary(dir: string): ScenarioLibrary {
  const byHash = new Map<string, LibraryScenario>();
  const skipped: { file: string; diagnostics: string[] }[] = [];
  const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json')).sort();
  for (const file of files) {
    let checked: CheckedScenario;
    try {
      checked = checkScenarioText(readFileSync(join(dir, file), 'utf8'), file);
    } catch (error) {
      skipped.push({ file, diagnostics: [`could not be loaded: ${(error as Error).message}`] });
      continue;
    }
    if (checked.ok) byHash.set(checked.scenario.definition.hash, checked.scenario);
    else skipped.push({ file, diagnostics: checked.diagnostics.map(formatDiagnostic) });
  }
  return { byHash, skipped };
}
