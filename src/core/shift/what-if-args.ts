/**
 * Reads the what-if calculator's command line (`--calls 200` or `--calls=200`) into raw field
 * texts for `checkWhatIf`. Pure string handling, so the CLI stays a thin shell and tests need no
 * process.
 */
import { WHAT_IF_FIELDS, WHAT_IF_KEYS, type WhatIfField } from './what-if.ts';

export const WHAT_IF_USAGE = 'usage: npm run shift:erlang -- --calls N --minutes M --aht S --agents A --answer-within T [--target P]';

export type WhatIfArgs =
  | { readonly ok: true; readonly fields: Partial<Record<WhatIfField, string>> }
  | { readonly ok: false; readonly error: string }
  | { readonly ok: 'help' };

export function parseWhatIfArgs(argv: readonly string[]): WhatIfArgs {
  const byFlag = new Map<string, WhatIfField>(WHAT_IF_KEYS.map((k) => [WHAT_IF_FIELDS[k].flag, k]));
  const fields: Partial<Record<WhatIfField, string>> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: 'help' };
    if (!arg.startsWith('--')) return { ok: false, error: `unexpected argument "${arg}" (every value follows its --flag)` };
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const field = byFlag.get(name);
    if (field === undefined) return { ok: false, error: `unknown option --${name} (options: ${[...byFlag.keys()].map((f) => `--${f}`).join(', ')})` };
    if (fields[field] !== undefined) return { ok: false, error: `--${name} is given twice` };
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) return { ok: false, error: `--${name} needs a value` };
    if (inline === undefined) i += 1;
    fields[field] = value;
  }
  return { ok: true, fields };
}
