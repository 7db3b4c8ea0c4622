/** What a trainee could do at a point in a compiled call: the events worth trying there. */
import type { CallEvent } from '../shared/call-events.ts';
import type { Scenario } from '../core/model/scenario-schema.ts';
import type { CallContext } from '../core/engine/call-context.ts';
import { CALL_STATES } from '../core/engine/call-setup.ts';
import { conditionHolds } from '../core/engine/apply-step.ts';
import { HANG_UP_DISPOSITIONS } from '../core/engine/hang-up.ts';

/** Notes that mention every fact an ending asks for (the first word of each), or none. */
export function goodNotes(mustMention: readonly (readonly string[])[]): string {
  return mustMention.length === 0 ? 'Call handled.' : `Notes: ${mustMention.map((words) => words[0] ?? '').join(', ')}.`;
}

function wrapEvents(dispositions: readonly { code: string }[], mustMention: readonly (readonly string[])[]): CallEvent[] {
  const notes = ['', goodNotes(mustMention)];
  return dispositions.flatMap((d) => notes.map((text) => ({ type: 'wrap.submit' as const, disposition: d.code, notes: text })));
}

export interface MoveOptions {
  /** Include the wrap-up submissions at an ending (every disposition, with and without notes). */
  readonly wrapUp: boolean;
}

export function candidateEvents(scenario: Scenario, state: string, context: CallContext, options: MoveOptions): CallEvent[] {
  if (state === CALL_STATES.ringing) return [{ type: 'call.answer' }];
  if (state === CALL_STATES.done) return [];
  if (state === CALL_STATES.hungUp) return options.wrapUp ? wrapEvents(HANG_UP_DISPOSITIONS, []) : [];
  const node = scenario.nodes[state];
  if (node === undefined) return [];
  switch (node.type) {
    case undefined:
    case 'talk':
      return node.choices.flatMap((choice, index) =>
        conditionHolds(context, choice.when ?? null) ? [{ type: 'agent.choose' as const, index }] : [],
      );
    case 'idv':
      return [
        { type: 'agent.idv', verdict: 'pass' },
        { type: 'agent.idv', verdict: 'fail' },
      ];
    case 'hold':
      return context.holdElapsed < node.seconds
        ? [{ type: 'hold.checkBack' }, { type: 'hold.resume' }]
        : [{ type: 'hold.resume' }];
    case 'ending':
      return options.wrapUp ? wrapEvents(node.wrapup.dispositions, node.wrapup.notesMustMention ?? []) : [];
    default:
      return [{ type: 'agent.continue' }];
  }
}

/** The ending-like states where a call waits for its wrap-up. */
export function isWrapUpState(scenario: Scenario, state: string): boolean {
  return state === CALL_STATES.hungUp || scenario.nodes[state]?.type === 'ending';
}
