/**
 * The trainee's contacts in a shift: a seeded draw from the library, never the same scenario twice
 * in a row when the library has more than one. A call the trainee did not resolve first time rings
 * back two contacts later (a callback), so a missed FCR is felt in the trainee's own queue too.
 */
import type { CallKpis } from './call-kpis.ts';
import { mixSeed, mulberry32 } from './random.ts';
import type { ShiftPlan } from './shift-plan.ts';

export interface ShiftContact {
  /** 0-based position in the shift. */
  readonly index: number;
  readonly scenarioId: string;
  /** The same customer ringing back about a call that was not resolved first time. */
  readonly callback: boolean;
}

export const CALLBACK_AFTER = 2;

function drawn(plan: ShiftPlan, index: number, previous: string | undefined): string {
  const library = plan.library;
  let pick = Math.floor(mulberry32(mixSeed(plan.seed, 3, index))() * library.length);
  if (library.length > 1 && library[pick] === previous) pick = (pick + 1) % library.length;
  return library[pick]!;
}

/**
 * The contacts up to and including `index`, given the calls recorded so far (only calls before a
 * contact can change it, so recording a call never rewrites the past).
 */
export function shiftContacts(plan: ShiftPlan, calls: readonly CallKpis[], upTo: number): ShiftContact[] {
  const contacts: ShiftContact[] = [];
  for (let index = 0; index <= upTo && index < plan.contacts; index += 1) {
    const back = index - CALLBACK_AFTER;
    const earlier = back >= 0 ? contacts[back] : undefined;
    const missed = back >= 0 && calls[back]?.fcr === 'no' && earlier !== undefined && !earlier.callback;
    contacts.push(
      missed
        ? { index, scenarioId: earlier.scenarioId, callback: true }
        : { index, scenarioId: drawn(plan, index, contacts[index - 1]?.scenarioId), callback: false },
    );
  }
  return contacts;
}
