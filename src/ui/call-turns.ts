/**
 * What was said in one turn of the call, read from the views before and after the trainee's action:
 * the trainee's words (or what they did), then the narration, then the customer's words. The desk
 * shows these lines in the conversation and announces them; replaying a saved call's events through
 * the same function restores the conversation on resume. No DOM here.
 */
import type { CallView } from '../core/engine/call-view.ts';
import type { CallEvent } from '../shared/call-events.ts';

export type LineSpeaker = 'agent' | 'action' | 'narration' | 'customer';

export interface ConversationLine {
  readonly speaker: LineSpeaker;
  readonly text: string;
}

/** Actions that end the trainee's turn: whatever the customer says next is said in reply. */
const TURN_ENDING: ReadonlySet<CallEvent['type']> = new Set(['call.answer', 'agent.choose', 'agent.idv', 'kb.use', 'agent.transfer', 'hold.resume', 'agent.continue']);

function agentLines(before: CallView, event: CallEvent): ConversationLine[] {
  switch (event.type) {
    case 'agent.choose': {
      const said = before.choices.find((c) => c.index === event.index)?.say;
      return said === undefined ? [] : [{ speaker: 'agent', text: said }];
    }
    case 'idv.ask': {
      const label = before.idv?.find((q) => q.key === event.key)?.label.toLowerCase() ?? event.key;
      return [{ speaker: 'agent', text: `Can I take your ${label}, please?` }];
    }
    case 'agent.idv':
      return [{ speaker: 'action', text: event.verdict === 'pass' ? 'You pass the caller through security.' : 'You fail the caller at security.' }];
    case 'kb.use': {
      const title = before.knowledge?.opened.find((a) => a.id === event.article)?.title ?? event.article;
      return [{ speaker: 'action', text: `You answer from the article “${title}”.` }];
    }
    case 'agent.transfer': {
      const team = before.routing?.directory.find((t) => t.id === event.team)?.name ?? event.team;
      const verb = before.routing?.kind === 'escalate' ? 'escalate the call' : 'transfer the call';
      const handover = event.handover === null ? undefined : before.routing?.handovers.find((o) => o.index === event.handover)?.say;
      return [
        { speaker: 'action', text: `You ${verb} to ${team}, ${event.mode === 'warm' ? 'warm' : 'cold'}.` },
        ...(handover === undefined ? [] : [{ speaker: 'agent' as const, text: `To your colleague: “${handover}”` }]),
      ];
    }
    case 'hold.checkBack':
      return [{ speaker: 'action', text: 'You check back with the customer on hold.' }];
    case 'hold.resume':
      return [{ speaker: 'action', text: 'You take the customer off hold.' }];
    case 'agent.continue':
      return before.callback === null ? [] : [{ speaker: 'action', text: `You book the callback from ${before.callback.who}, ${before.callback.when}.` }];
    default:
      return [];
  }
}

function customerReply(before: CallView, event: CallEvent, after: CallView): string | null {
  if (event.type === 'idv.ask') {
    const answer = after.idv?.find((q) => q.key === event.key && q.asked);
    return answer === undefined ? null : (answer.callerSaid ?? '(cannot answer that)');
  }
  // Every check-back is answered, even in the same words as the last one.
  if (event.type === 'hold.checkBack') return after.customerLine;
  if (TURN_ENDING.has(event.type)) return after.customerLine;
  return before.phase !== after.phase ? after.customerLine : null;
}

/** The lines one accepted event adds to the conversation, in the order they were said. */
export function turnLines(before: CallView, event: CallEvent, after: CallView): ConversationLine[] {
  const lines = agentLines(before, event);
  const newStep = TURN_ENDING.has(event.type) || before.phase !== after.phase;
  if (newStep && after.narration !== null) lines.push({ speaker: 'narration', text: after.narration });
  const said = customerReply(before, event, after);
  if (said !== null) lines.push({ speaker: 'customer', text: said });
  return lines;
}
