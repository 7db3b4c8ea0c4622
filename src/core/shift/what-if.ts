/**
 * The trainer's what-if calculator: checks the fields (from the command line or the browser form)
 * and answers with Erlang C's figures. Bad input gets one clear message per field, never an
 * exception.
 */
import { agentsNeeded, intervalFigures, MAX_AGENTS } from './erlang.ts';

export const WHAT_IF_FIELDS = Object.freeze({
  calls: { flag: 'calls', label: 'Calls', required: true },
  minutes: { flag: 'minutes', label: 'Minutes', required: true },
  aht: { flag: 'aht', label: 'AHT (seconds)', required: true },
  agents: { flag: 'agents', label: 'Agents', required: true },
  answerWithin: { flag: 'answer-within', label: 'Answer within (seconds)', required: true },
  target: { flag: 'target', label: 'Target service level', required: false },
} as const);
export type WhatIfField = keyof typeof WHAT_IF_FIELDS;
export const WHAT_IF_KEYS = Object.freeze(Object.keys(WHAT_IF_FIELDS) as WhatIfField[]);

export interface WhatIfInput {
  readonly calls: number;
  readonly minutes: number;
  readonly ahtSeconds: number;
  readonly agents: number;
  readonly answerWithinSeconds: number;
  /** 0-1, exclusive. */
  readonly target?: number;
}

export interface WhatIfResult {
  readonly erlangs: number;
  readonly probabilityOfWaiting: number;
  readonly serviceLevel: number;
  /** null when the agents cannot keep up (agents ≤ erlangs): the queue grows without end. */
  readonly asaSeconds: number | null;
  readonly occupancy: number;
  /** Only with a target; null when no team up to MAX_AGENTS reaches it. */
  readonly agentsNeeded?: number | null;
}

export type FieldErrors = Partial<Record<WhatIfField, string>>;
export type WhatIfCheck = { readonly ok: true; readonly input: WhatIfInput } | { readonly ok: false; readonly errors: FieldErrors };

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;

interface Rule {
  readonly min: number;
  readonly max: number;
  /** Whether the minimum itself is allowed. */
  readonly minIncluded: boolean;
  readonly integer?: boolean;
  readonly unit: string;
}

const RULES: Record<Exclude<WhatIfField, 'target'>, Rule> = {
  calls: { min: 0, max: 10_000_000, minIncluded: true, unit: 'calls' },
  minutes: { min: 0, max: 10_080, minIncluded: false, unit: 'minutes' },
  aht: { min: 0, max: 86_400, minIncluded: false, unit: 'seconds' },
  agents: { min: 1, max: MAX_AGENTS, minIncluded: true, integer: true, unit: 'agents' },
  answerWithin: { min: 0, max: 86_400, minIncluded: true, unit: 'seconds' },
};

/** How messages name a field: its command-line flag by default, its label on the browser form. */
export type FieldNamer = (field: WhatIfField) => string;
export const byFlag: FieldNamer = (field) => `--${WHAT_IF_FIELDS[field].flag}`;
export const byLabel: FieldNamer = (field) => WHAT_IF_FIELDS[field].label;

function checkNumber(field: Exclude<WhatIfField, 'target'>, text: string, name: FieldNamer): number | string {
  const rule = RULES[field];
  const flag = name(field);
  if (!NUMBER.test(text)) return `${flag} must be a number, got "${text}"`;
  const value = Number(text);
  const low = rule.minIncluded ? value < rule.min : value <= rule.min;
  if (low || value > rule.max) {
    return `${flag} must be ${rule.minIncluded ? 'at least' : 'more than'} ${rule.min} and at most ${rule.max} ${rule.unit}, got ${text.trim()}`;
  }
  if (rule.integer === true && !Number.isInteger(value)) return `${flag} must be a whole number of ${rule.unit}, got ${text.trim()}`;
  return value;
}

/** A target as a share (0.8) or a percentage (80%); a bare number of 1 or more is ambiguous. */
function checkTarget(text: string, name: FieldNamer): number | string {
  const flag = name('target');
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const body = percent ? trimmed.slice(0, -1) : trimmed;
  if (!NUMBER.test(body)) return `${flag} must be a share such as 0.8 or a percentage such as 80%, got "${text}"`;
  const share = percent ? Number(body) / 100 : Number(body);
  if (!percent && share >= 1) return `${flag} ${trimmed} is ambiguous: give a share below 1 (0.8) or a percentage (80%)`;
  if (share <= 0 || share >= 1) return `${flag} must be above 0 and below 100%, got ${trimmed}`;
  return share;
}

/** Checks raw field texts; every problem is reported, keyed by field. */
export function checkWhatIf(fields: Partial<Record<WhatIfField, string>>, name: FieldNamer = byFlag): WhatIfCheck {
  const errors: FieldErrors = {};
  const values: Partial<Record<WhatIfField, number>> = {};
  for (const key of WHAT_IF_KEYS) {
    const text = fields[key];
    if (text === undefined || text.trim() === '') {
      if (WHAT_IF_FIELDS[key].required) errors[key] = `${name(key)} is required`;
      continue;
    }
    const value = key === 'target' ? checkTarget(text, name) : checkNumber(key, text, name);
    if (typeof value === 'string') errors[key] = value;
    else values[key] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: WhatIfInput = {
    calls: values.calls!,
    minutes: values.minutes!,
    ahtSeconds: values.aht!,
    agents: values.agents!,
    answerWithinSeconds: values.answerWithin!,
    ...(values.target === undefined ? {} : { target: values.target }),
  };
  return { ok: true, input };
}

const round = (value: number, places: number): number => Number(value.toFixed(places));

/** Erlang C's figures for the input, rounded for people (6 decimal places; seconds to 0.01 s). */
export function whatIf(input: WhatIfInput): WhatIfResult {
  const f = intervalFigures({ calls: input.calls, minutes: input.minutes, ahtSeconds: input.ahtSeconds, agents: input.agents, answerWithinSeconds: input.answerWithinSeconds });
  const result: WhatIfResult = {
    erlangs: round(f.erlangs, 6),
    probabilityOfWaiting: round(f.probabilityOfWaiting, 6),
    serviceLevel: round(f.serviceLevel, 6),
    asaSeconds: f.asaSeconds === null ? null : round(f.asaSeconds, 2),
    occupancy: round(f.occupancy, 6),
  };
  if (input.target === undefined) return result;
  return { ...result, agentsNeeded: agentsNeeded(f.erlangs, input.ahtSeconds, input.answerWithinSeconds, input.target) };
}
